package io.istiocon.bot;

import io.istiocon.bot.agenda.CalendarLinks;
import io.istiocon.bot.docs.DocLinks;
import io.istiocon.bot.slack.StartException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code PUBLIC_URL}, the bot's public base URL. Set, it turns on the calendar feed, whose
 * links start with it; a value that cannot be one stops {@code serve} with a message naming it.
 */
final class PublicUrl {
  private PublicUrl() {}

  /** Returns the URL checked and without a trailing slash; empty when the variable is not set. */
  static Optional<URI> fromEnv(Map<String, String> env) throws StartException {
    String value = env.get("PUBLIC_URL");
    if (value == null) {
      return Optional.empty();
    }
    String see = DocLinks.see(DocLinks.ENVIRONMENT);
    if (value.isBlank()) {
      throw new StartException("PUBLIC_URL is set but empty: unset it or give it a value; " + see);
    }
    try {
      return Optional.of(CalendarLinks.publicUrl(value));
    } catch (IllegalArgumentException e) {
      throw new StartException("PUBLIC_URL " + e.getMessage() + "; set it to the bot's public base URL, "
          + "or unset it to turn the calendar feed off; " + see);
    }
  }
}
