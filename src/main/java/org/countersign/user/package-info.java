/**
 * Users and realms: the built-in user store, administrator accounts and password hashing, bounded
 * by {@link org.countersign.user.HashingSlots} so that a flood of sign-ins cannot starve other
 * requests. It does not know what others keep per user: deleting one fires {@link
 * org.countersign.user.UserDeleted}, which the token package observes. Below the transport: it
 * imports neither {@code api} nor {@code web}, nor {@code token}.
 */
package org.countersign.user;
