package io.istiocon.bot.search;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The time the asker tells without saying "it's": "7am here in Seattle, what's the first session
 * today?", "8pm in Pune on wednesday. what's next?", "Dienstag 19:30 bei mir in Berlin — was läuft
 * gerade?". A clock time (with its day, if one is named) that is the moment of asking where it is
 * read, in a question that is about the moment of asking anyway, only tells the time: the question
 * is about now. Read once per answer, on the parsed time alone.
 */
final class ToldTime {
  /** How far a told clock may be from the moment of asking (people round: "7am" at 7:08). */
  static final Duration SLACK = Duration.ofMinutes(20);

  private ToldTime() {}

  /**
   * Returns the question's time with a told clock dropped, or the time as it was. {@code zone} is the
   * zone the clock is read in when the question names none.
   */
  static When read(When when, Query.Order order, Instant now, ZoneId zone) {
    if (when.from() == null || !when.from().equals(when.to()) || when.reference() != null || when.everyDay()
        || !when.dependsOnClock() || zone == null) {
      return when;
    }
    ZonedDateTime here = now.atZone(when.zone() != null ? when.zone() : zone);
    if (!isNow(when.from(), here.toLocalTime())) {
      return when;
    }
    for (DayRef day : when.days()) {
      boolean today = day.kind() == DayRef.Kind.RELATIVE ? day.value() == 0
          : day.kind() == DayRef.Kind.WEEKDAY && day.value() == here.getDayOfWeek().getValue();
      if (!today) {
        return when;
      }
    }
    if (when.around() != null) {
      // "8pm in Pune on wednesday, what's next?": next from now
      return new When(List.of(), false, null, null, when.around(), when.zone(), when.relation(), when.clip(), null);
    }
    if (order == Query.Order.EARLIEST) {
      // "7am here in Seattle, what's the first session today?": the first of today's still to start
      return new When(List.of(DayRef.relative(0)), false, null, null, null, when.zone(), when.relation(),
          When.Clip.FROM_NOW, null);
    }
    return when;
  }

  private static boolean isNow(LocalTime told, LocalTime clock) {
    long minutes = Math.abs(Duration.between(told, clock).toMinutes());
    minutes = Math.min(minutes, 24 * 60 - minutes);
    return minutes <= SLACK.toMinutes();
  }
}
