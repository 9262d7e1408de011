package io.istiocon.bot.agenda;

/**
 * A user's reminder setting: on or off, and how many minutes before a talk starts its reminder comes.
 *
 * @param minutes 1 to {@link #MAX_MINUTES}
 */
public record ReminderSetting(boolean enabled, int minutes) {
  /** The longest lead time: one day. */
  public static final int MAX_MINUTES = 24 * 60;

  public ReminderSetting {
    if (minutes < 1 || minutes > MAX_MINUTES) {
      throw new IllegalArgumentException("minutes must be 1 to " + MAX_MINUTES + ", got " + minutes);
    }
  }
}
