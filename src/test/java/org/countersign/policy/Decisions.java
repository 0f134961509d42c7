package org.countersign.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Policy decisions built directly, for service tests below the container. */
public final class Decisions {

  private Decisions() {}

  /** No policy matched: every action keeps its default. */
  public static Decision none() {
    return new Decision(List.of());
  }

  /** One active policy of the scope, matching everyone, that sets these actions. */
  public static Decision of(Scope scope, Map<String, String> actions) {
    return new Decision(
        List.of(
            new Policy(
                1,
                "test",
                scope,
                true,
                actions,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                1,
                Optional.empty())));
  }
}
