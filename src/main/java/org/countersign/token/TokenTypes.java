package org.countersign.token;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.countersign.error.DomainException;
import org.countersign.token.spi.TokenType;

/**
 * The registry of token types: every {@link TokenType} bean, found by name, and the capabilities
 * each offers.
 *
 * <pre>{@code
 * types.capability(token.type(), OtpVerifier.class).map(v -> v.match(otpToken, otp, now));
 * }</pre>
 */
@ApplicationScoped
public class TokenTypes {

  @Inject @Any Instance<TokenType> beans;
  private Map<String, TokenType> byName;

  @PostConstruct
  void collect() {
    Map<String, TokenType> map = new TreeMap<>();
    for (TokenType type : beans) {
      if (map.put(type.name(), type) != null) {
        throw new IllegalStateException("Two token types are named '" + type.name() + "'");
      }
    }
    byName = Collections.unmodifiableMap(map);
  }

  public Optional<TokenType> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The type, or a parameter error listing the known ones. */
  public TokenType require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                DomainException.invalid(
                    "type", "must be one of " + String.join(", ", byName.keySet())));
  }

  public <C> Optional<C> capability(String type, Class<C> capability) {
    return find(type).filter(capability::isInstance).map(capability::cast);
  }

  public Collection<TokenType> all() {
    return byName.values();
  }
}
