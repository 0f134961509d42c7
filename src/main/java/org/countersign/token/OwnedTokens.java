package org.countersign.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.countersign.user.User;
import org.countersign.user.UserStore;

/**
 * A user's tokens by name. Tokens name their owner, so the name alone finds them without asking a
 * directory. Only when it finds none is the user looked up: a directory user renamed in the
 * directory is still the owner by resolver and stable id, and the tokens take the new name.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OwnedTokens {

  @Inject TokenRepository tokens;
  @Inject UserStore users;

  /** The named user's tokens (read-only snapshots); empty when the realm has no such user. */
  public Optional<List<Token>> of(String realm, String username) {
    List<Token> named = tokens.ofOwner(realm, username);
    if (!named.isEmpty()) {
      return Optional.of(named);
    }
    return users.find(realm, username).map(this::afterRename);
  }

  /** This user's tokens (read-only snapshots), for a user already looked up. */
  public List<Token> of(User user) {
    List<Token> named = tokens.ofOwner(user.realm(), user.username());
    return named.isEmpty() ? afterRename(user) : named;
  }

  private List<Token> afterRename(User user) {
    return user.inDirectory() ? tokens.followRename(user) : List.of();
  }
}
