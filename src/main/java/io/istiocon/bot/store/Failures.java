package io.istiocon.bot.store;

import java.sql.SQLException;

/** Reads a database failure out of the exceptions the pool, Flyway and the drivers wrap it in. */
final class Failures {
  private Failures() {}

  /** Returns the innermost message, with its SQLState when there is one. */
  static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    SQLException sql = sqlException(failure);
    String state = sql == null || sql.getSQLState() == null ? "" : " [SQLState " + sql.getSQLState() + "]";
    return String.valueOf(root.getMessage()).strip() + state;
  }

  /**
   * Returns the server's words when it refused the login, the database or the right to create the
   * tables (a wrong password, a missing database, no CREATE on the schema), which retrying cannot
   * fix; {@code null} for anything else.
   */
  static String refusal(Throwable failure) {
    SQLException sql = sqlException(failure);
    if (sql == null || !(sql.getSQLState().startsWith("28") || sql.getSQLState().equals("3D000")
        || sql.getSQLState().equals("42501"))) {
      return null;
    }
    return sql.getMessage();
  }

  /** Returns the innermost exception that carries an SQLState: the driver's, not a wrapper's copy of it. */
  private static SQLException sqlException(Throwable failure) {
    SQLException found = null;
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        found = sql;
      }
    }
    return found;
  }
}
