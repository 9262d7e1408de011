package io.istiocon.bot.catalog;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of a conference program. Optional links are {@code null} when absent; text fields are
 * empty strings when absent.
 *
 * @param conference the id of the conference this session belongs to
 * @param language a BCP 47 code; {@code und} when the source does not say
 * @param room where the session takes place, such as "Saal 1"; {@code null} when the source does not say
 * @param track the programme track, such as "Security"; {@code null} when the source does not say
 */
public record Session(
    String conference,
    String id,
    String title,
    SessionType type,
    String language,
    boolean subtitled,
    Instant start,
    Instant end,
    List<Speaker> speakers,
    String abstractText,
    String summary,
    List<String> tags,
    URI video,
    URI slides,
    URI page,
    OptionalInt popularity,
    String room,
    String track) {

  public Session {
    Objects.requireNonNull(conference, "conference");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("session " + id + ": end " + end + " is not after start " + start);
    }
    if (popularity.isPresent() && popularity.getAsInt() < 0) {
      throw new IllegalArgumentException("session " + id + ": popularity must not be negative");
    }
    speakers = List.copyOf(speakers);
    tags = List.copyOf(tags);
    abstractText = abstractText == null ? "" : abstractText;
    summary = summary == null ? "" : summary;
    room = blankToNull(room);
    track = blankToNull(track);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Returns how long the session runs. */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /** Returns whether the session is running at the given instant (start inclusive, end exclusive). */
  public boolean isOn(Instant now) {
    return !now.isBefore(start) && now.isBefore(end);
  }

  /** Returns the video link, if any. */
  public Optional<URI> videoLink() {
    return Optional.ofNullable(video);
  }

  /** Returns the slides link, if any. */
  public Optional<URI> slidesLink() {
    return Optional.ofNullable(slides);
  }

  /** Returns the session page link, if any. */
  public Optional<URI> pageLink() {
    return Optional.ofNullable(page);
  }

  /** Returns the room, if the catalog names one. */
  public Optional<String> roomName() {
    return Optional.ofNullable(room);
  }

  /** Returns the track, if the catalog names one. */
  public Optional<String> trackName() {
    return Optional.ofNullable(track);
  }

  /** Returns the language code unless it is {@code und} (undetermined). */
  public Optional<String> knownLanguage() {
    return "und".equals(language) ? Optional.empty() : Optional.of(language);
  }
}
