package io.istiocon.bot.agenda;

import java.util.Objects;

/**
 * Names one talk across every loaded conference: the catalog's conference id and the session id
 * within it (session ids repeat across conferences).
 */
public record TalkId(String conference, String session) {
  public TalkId {
    Objects.requireNonNull(conference, "conference");
    Objects.requireNonNull(session, "session");
  }
}
