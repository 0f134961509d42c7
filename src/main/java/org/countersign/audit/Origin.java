package org.countersign.audit;

/**
 * Who asked: the client's address and, for authenticated API calls, the acting account and whether
 * it is an administrator. Passed down explicitly from the resources so that services stay free of
 * request state.
 */
public record Origin(String client, String actor, boolean administrator) {

  public Origin(String client, String actor) {
    this(client, actor, false);
  }

  public static Origin anonymous(String client) {
    return new Origin(client, null);
  }

  /** An administrator's call: its actions are counted in the metrics as admin actions. */
  public static Origin administrator(String client, String admin) {
    return new Origin(client, admin, true);
  }

  /** For work the server starts itself, such as the bootstrap and timers. */
  public static Origin server() {
    return new Origin("server", null);
  }
}
