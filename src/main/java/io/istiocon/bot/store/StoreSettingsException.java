package io.istiocon.bot.store;

/** Stops the bot before it serves, with one message that names the store setting to fix. */
public final class StoreSettingsException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message is shown to the operator as it is. */
  public StoreSettingsException(String message) {
    super(message, null, false, false);
  }
}
