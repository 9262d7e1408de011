package io.istiocon.bot.agenda;

import java.time.Instant;
import java.util.Objects;

/**
 * One talk a user saved to their agenda. The store keeps {@code savedAt} to the millisecond.
 *
 * @param userId the Slack user id
 * @param conference the catalog's conference id
 * @param session the catalog's session id within that conference
 */
public record AgendaEntry(String userId, String conference, String session, Instant savedAt) {
  /** The longest user, conference or session id the store accepts; catalog ids stop at 64. */
  public static final int MAX_ID_LENGTH = 64;

  public AgendaEntry {
    checkId("userId", userId);
    checkId("conference", conference);
    checkId("session", session);
    Objects.requireNonNull(savedAt, "savedAt");
  }

  /** Returns the talk this entry saves. */
  public TalkId talk() {
    return new TalkId(conference, session);
  }

  /** Returns whether this entry names the given talk. */
  public boolean isFor(String conference, String session) {
    return this.conference.equals(conference) && this.session.equals(session);
  }

  static void checkId(String name, String value) {
    Objects.requireNonNull(value, name);
    if (value.isBlank() || value.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(name + " must be 1 to " + MAX_ID_LENGTH + " characters and not blank, got \""
          + value + "\"");
    }
  }
}
