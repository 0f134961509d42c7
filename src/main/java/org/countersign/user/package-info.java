/** Users and realms: the built-in user store, administrator accounts and password hashing. */
package org.countersign.user;
