package io.istiocon.bot.agenda;

import java.util.Objects;

/**
 * A talk as a calendar feed shows it, reduced to what makes a calendar app update its copy.
 *
 * @param conference the catalog's conference id
 * @param session the catalog's session id within that conference
 * @param fingerprint a digest of the talk's start, end, title and room; another value means the talk changed
 */
public record TalkVersion(String conference, String session, String fingerprint) {
  /** The longest fingerprint the store accepts. */
  public static final int MAX_FINGERPRINT_LENGTH = 64;

  public TalkVersion {
    AgendaEntry.checkId("conference", conference);
    AgendaEntry.checkId("session", session);
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (fingerprint.isEmpty() || fingerprint.length() > MAX_FINGERPRINT_LENGTH) {
      throw new IllegalArgumentException("fingerprint must be 1 to " + MAX_FINGERPRINT_LENGTH + " characters, got \""
          + fingerprint + "\"");
    }
  }
}
