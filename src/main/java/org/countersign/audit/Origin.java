package org.countersign.audit;

/**
 * Who asked: the client's address and, for authenticated API calls, the acting account. Passed down
 * explicitly from the resources so that services stay free of request state.
 */
public record Origin(String client, String actor) {

  public static Origin anonymous(String client) {
    return new Origin(client, null);
  }

  /** For work the server starts itself, such as the bootstrap and timers. */
  public static Origin server() {
    return new Origin("server", null);
  }
}
