package io.istiocon.bot.slack;

/** Stops {@code serve} before it runs, with one message that names the setting to fix. */
public final class StartException extends Exception {
  /** Creates the exception; the message is shown to the operator as it is. */
  public StartException(String message) {
    super(message, null, false, false);
  }
}
