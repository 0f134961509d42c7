/**
 * Tokens: the entity and its repository of atomic updates, enrolment, administration, serial
 * numbers, the lock-out rule and the registry of token types. It speaks in its own types and throws
 * {@link org.countersign.error.DomainException}; the transport ({@code api}, {@code web}) renders
 * them and is never imported here. A deleted user's tokens go with them ({@link
 * org.countersign.token.OwnerRemoval}).
 */
package org.countersign.token;
