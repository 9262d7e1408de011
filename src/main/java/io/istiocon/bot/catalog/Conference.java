package io.istiocon.bot.catalog;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A conference and its program, as one catalog file describes it. Sessions are kept in program
 * order (start time, then id).
 *
 * @param start the first day, in {@code zone}
 * @param end the last day (inclusive), in {@code zone}
 * @param zone the zone the program's days are counted in
 * @param stats published figures (values are {@link Long}, {@link Double} or {@link String})
 */
public record Conference(
    String id,
    String name,
    LocalDate start,
    LocalDate end,
    ZoneId zone,
    URI website,
    String description,
    Map<String, Object> stats,
    List<Session> sessions) {

  /** Program order: start time, then end time, then id. */
  public static final Comparator<Session> PROGRAM_ORDER =
      Comparator.comparing(Session::start).thenComparing(Session::end).thenComparing(Session::id);

  public Conference {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(zone, "zone");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("conference " + id + ": end " + end + " is before start " + start);
    }
    description = description == null ? "" : description;
    for (Object value : stats.values()) {
      if (!(value instanceof Long || value instanceof Double || value instanceof String)) {
        throw new IllegalArgumentException("conference " + id + ": stats values must be numbers or text, got " + value);
      }
    }
    stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    sessions = sessions.stream().sorted(PROGRAM_ORDER).toList();
    for (Session session : sessions) {
      if (!session.conference().equals(id)) {
        throw new IllegalArgumentException("session " + session.id() + " belongs to " + session.conference() + ", not " + id);
      }
    }
  }

  /** Returns the local date of an instant in the conference zone. */
  public LocalDate dayOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** Returns the first instant of the conference (its first day's midnight in {@code zone}). */
  public Instant opens() {
    return start.atStartOfDay(zone).toInstant();
  }

  /** Returns the instant the conference's last day ends in {@code zone}. */
  public Instant closes() {
    return end.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** Returns the 1-based day number of a date, or 0 when it lies outside the conference. */
  public int dayNumber(LocalDate date) {
    if (date.isBefore(start) || date.isAfter(end)) {
      return 0;
    }
    return (int) (date.toEpochDay() - start.toEpochDay()) + 1;
  }
}
