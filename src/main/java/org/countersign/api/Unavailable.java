package org.countersign.api;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Recognises failures that mean the database cannot be reached, as opposed to a bug. */
final class Unavailable {

  private Unavailable() {}

  static boolean isDatabaseDown(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
