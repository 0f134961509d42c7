package org.countersign.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.countersign.audit.AuditLog;
import org.countersign.user.UserDeleted;

/**
 * Deletes a deleted user's tokens in the transaction that deletes the user, so that no factor is
 * left behind for a name that someone else may be given later.
 */
@ApplicationScoped
public class OwnerRemoval {

  @Inject TokenRepository tokens;
  @Inject AuditLog audit;

  void removeTokensOf(@Observes UserDeleted deleted) {
    int removed = tokens.removeOfOwner(deleted.realm(), deleted.username());
    audit.write(
        audit
            .entry("token_delete", deleted.origin())
            .user(deleted.realm(), deleted.username())
            .outcome(true, "OK", removed + " token(s) deleted with the user"));
  }
}
