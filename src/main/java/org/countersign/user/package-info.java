/**
 * Users and realms: the built-in user store, administrator accounts and password hashing, bounded
 * by {@link org.countersign.user.HashingSlots} so that a flood of sign-ins cannot starve other
 * requests.
 */
package org.countersign.user;
