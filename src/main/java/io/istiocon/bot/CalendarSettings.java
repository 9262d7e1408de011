package io.istiocon.bot;

import io.istiocon.bot.agenda.CalendarLinks;
import io.istiocon.bot.docs.DocLinks;
import io.istiocon.bot.slack.StartException;
import io.istiocon.bot.store.StoreSettings;
import io.istiocon.bot.store.StoreSettingsException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code serve} reads for the calendar feed: {@code PUBLIC_URL}, the bot's public base URL
 * that feed links start with, and the store its links and talk versions live in
 * ({@code DATABASE_URL} or {@code DATA_DIR}, as for saved talks).
 *
 * @param publicUrl checked by {@link CalendarLinks#publicUrl(String)}: http(s), no trailing slash
 */
public record CalendarSettings(URI publicUrl, StoreSettings store) {
  public CalendarSettings {
    publicUrl = CalendarLinks.publicUrl(Objects.requireNonNull(publicUrl, "publicUrl").toString());
    Objects.requireNonNull(store, "store");
  }

  /** Reads the variables; empty when {@code PUBLIC_URL} is not set. The exception names the one to fix. */
  public static Optional<CalendarSettings> fromEnv(Map<String, String> env) throws StartException {
    String value = env.get("PUBLIC_URL");
    if (value == null) {
      return Optional.empty();
    }
    String see = DocLinks.see(DocLinks.ENVIRONMENT);
    if (value.isBlank()) {
      throw new StartException("PUBLIC_URL is set but empty: unset it or give it a value; " + see);
    }
    URI publicUrl;
    try {
      publicUrl = CalendarLinks.publicUrl(value);
    } catch (IllegalArgumentException e) {
      throw new StartException("PUBLIC_URL " + e.getMessage() + "; set it to the bot's public base URL, "
          + "or unset it to turn the calendar feed off; " + see);
    }
    try {
      return Optional.of(new CalendarSettings(publicUrl, StoreSettings.fromEnv(env)));
    } catch (StoreSettingsException e) {
      throw new StartException(e.getMessage());
    }
  }
}
