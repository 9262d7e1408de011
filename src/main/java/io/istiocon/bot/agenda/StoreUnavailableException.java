package io.istiocon.bot.agenda;

/**
 * The agenda store could not be reached or did not answer in time. Nothing was half-written: a call
 * that fails this way either took effect whole or not at all, and the caller can tell the user to
 * try again in a minute. The store recovers by itself when the database is back.
 */
public final class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code cause} is the database's own error, for the log. */
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
