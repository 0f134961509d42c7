package org.countersign.user;

import org.countersign.audit.Origin;

/**
 * A user was deleted from a store, inside the deleting transaction. Observers remove what belonged
 * to the user in the same transaction (the token package removes their tokens), so that the user
 * package need not know what others keep per user.
 */
public record UserDeleted(String realm, String username, Origin origin) {}
