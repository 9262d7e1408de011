package io.istiocon.bot;

import io.istiocon.bot.agenda.ReminderSetting;
import io.istiocon.bot.docs.DocLinks;
import io.istiocon.bot.service.Reminders;
import io.istiocon.bot.slack.StartException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reminder settings {@code serve} reads: {@code REMINDER_MINUTES}, how long before a saved talk
 * its reminder comes unless the user chose otherwise, and {@code ANNOUNCE_CHANNEL}, a channel that
 * also gets a summary of changes to saved talks. A value that cannot work stops {@code serve} with
 * a message naming the variable.
 *
 * @param minutes the default lead time, 1 to {@link ReminderSetting#MAX_MINUTES}
 * @param announceChannel a Slack channel id, such as {@code C0123ABCD}
 */
public record Reminding(int minutes, Optional<String> announceChannel) {
  /** The defaults: {@link Reminders#DEFAULT_MINUTES}, no announce channel. */
  public static final Reminding DEFAULTS = new Reminding(Reminders.DEFAULT_MINUTES, Optional.empty());
  private static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{8,20}");

  /** Reads both variables; each unset gets its default. */
  public static Reminding fromEnv(Map<String, String> env) throws StartException {
    String see = DocLinks.see(DocLinks.ENVIRONMENT);
    int minutes = Reminders.DEFAULT_MINUTES;
    String value = env.get("REMINDER_MINUTES");
    if (value != null) {
      try {
        minutes = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        minutes = -1;
      }
      if (minutes < 1 || minutes > ReminderSetting.MAX_MINUTES) {
        throw new StartException("REMINDER_MINUTES must be a whole number of minutes from 1 to " + ReminderSetting.MAX_MINUTES
            + ", got \"" + value + "\"; unset it for " + Reminders.DEFAULT_MINUTES + "; " + see);
      }
    }
    String channel = env.get("ANNOUNCE_CHANNEL");
    if (channel != null && !CHANNEL_ID.matcher(channel.strip()).matches()) {
      throw new StartException("ANNOUNCE_CHANNEL must be a channel id such as C0123ABCDE (in Slack: the channel's "
          + "details, at the bottom), got \"" + channel + "\"; invite the bot to that channel, or unset it; " + see);
    }
    return new Reminding(minutes, Optional.ofNullable(channel).map(String::strip));
  }
}
