package io.istiocon.bot.agenda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A saved talk as change notices last saw it: what a notice tells about (start, end, title, room).
 * A talk the catalog dropped is recorded {@code removed}, with its last known details.
 *
 * @param room null when the catalog names none
 */
public record TalkRecord(TalkId talk, Instant start, Instant end, String title, String room, boolean removed) {
  public TalkRecord {
    Objects.requireNonNull(talk, "talk");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(title, "title");
  }

  /** Returns this talk as dropped from the catalog. */
  public TalkRecord asRemoved() {
    return new TalkRecord(talk, start, end, title, room, true);
  }

  /** Returns whether the talk starts or ends at another time than {@code other}. */
  public boolean movedFrom(TalkRecord other) {
    return !start.equals(other.start) || !end.equals(other.end);
  }

  /** Returns a digest of everything recorded: another value means the talk changed. */
  public String fingerprint() {
    String what = start.toEpochMilli() + "\n" + end.toEpochMilli() + "\n" + title + "\n" + (room == null ? "" : room)
        + "\n" + removed;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
