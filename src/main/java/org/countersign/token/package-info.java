/**
 * Tokens: the entity and its repository of atomic updates, enrolment, administration, serial
 * numbers and the registry of token types. Outside this package a token is read-only: its state
 * changes only through the repository's conditional updates. Services take typed requests ({@link
 * org.countersign.token.EnrolmentRequest}) and return values ({@link
 * org.countersign.token.Enrolment}, {@link org.countersign.token.Confirmation}); rendering them is
 * the transport's job, and neither {@code api} nor {@code web} is imported here. A deleted user's
 * tokens go with them ({@link org.countersign.token.OwnerRemoval}).
 */
package org.countersign.token;
