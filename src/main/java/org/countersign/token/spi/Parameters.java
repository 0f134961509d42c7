package org.countersign.token.spi;

import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of the parameters of a request, as a token type reads its own options (such as
 * {@code otplen}, {@code hashlib} or the fields its app posts). The transport decides where the
 * values come from and how a missing or invalid one is reported.
 *
 * <pre>{@code
 * int digits = Integer.parseInt(params.oneOf("otplen", "6", Set.of("6", "8")));
 * }</pre>
 */
public interface Parameters {

  /** The value as sent, possibly empty. */
  Optional<String> optional(String name);

  /** The value; a missing or empty one is a parameter error. */
  String required(String name);

  /** Whether the parameter is present and not empty. */
  boolean has(String name);

  /** A flag such as {@code genkey=1}; an unreadable one is a parameter error. */
  boolean flag(String name);

  /** A value from a fixed set, or the default when absent; any other is a parameter error. */
  String oneOf(String name, String defaultValue, Set<String> allowed);
}
