package io.istiocon.bot.search;

import io.istiocon.bot.catalog.Conference;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * A day named in a question ("tuesday", "day 3", "Feb 24", "tomorrow"), resolved against a
 * conference's dates and zone only when the question is answered.
 */
public record DayRef(Kind kind, int value, MonthDay monthDay) {
  /** How the day was named. */
  public enum Kind { WEEKDAY, NUMBER, LAST, MONTH_DAY, DAY_OF_MONTH, RELATIVE, AFTER_WEEKDAY, BEFORE_WEEKDAY, EXCEPT_WEEKDAY }

  static DayRef weekday(DayOfWeek day) {
    return new DayRef(Kind.WEEKDAY, day.getValue(), null);
  }

  static DayRef number(int n) {
    return new DayRef(Kind.NUMBER, n, null);
  }

  static DayRef last() {
    return new DayRef(Kind.LAST, 0, null);
  }

  static DayRef monthDay(MonthDay md) {
    return new DayRef(Kind.MONTH_DAY, 0, md);
  }

  static DayRef dayOfMonth(int day) {
    return new DayRef(Kind.DAY_OF_MONTH, day, null);
  }

  /** Every day after a weekday ("workshops after monday"); {@code before} for the days before it. */
  static DayRef beside(DayOfWeek day, boolean before) {
    return new DayRef(before ? Kind.BEFORE_WEEKDAY : Kind.AFTER_WEEKDAY, day.getValue(), null);
  }

  /** Every day of the program but a weekday ("not on friday"). */
  static DayRef except(DayOfWeek day) {
    return new DayRef(Kind.EXCEPT_WEEKDAY, day.getValue(), null);
  }

  static DayRef relative(int offsetDays) {
    return new DayRef(Kind.RELATIVE, offsetDays, null);
  }

  /** Returns the dates this names for a conference, in its zone; empty when none fits. */
  public List<LocalDate> resolve(Conference conference, Instant now) {
    List<LocalDate> out = new ArrayList<>();
    switch (kind) {
      case RELATIVE -> out.add(conference.dayOf(now).plusDays(value));
      case NUMBER -> {
        if (value >= 1) {
          out.add(conference.start().plusDays(value - 1L));
        }
      }
      case LAST -> out.add(conference.end());
      case EXCEPT_WEEKDAY -> {
        for (LocalDate d = conference.start(); !d.isAfter(conference.end()); d = d.plusDays(1)) {
          if (d.getDayOfWeek().getValue() != value) {
            out.add(d);
          }
        }
      }
      case AFTER_WEEKDAY, BEFORE_WEEKDAY -> {
        LocalDate pivot = null;
        for (LocalDate d = conference.start(); !d.isAfter(conference.end()) && pivot == null; d = d.plusDays(1)) {
          pivot = d.getDayOfWeek().getValue() == value ? d : null;
        }
        for (LocalDate d = conference.start(); pivot != null && !d.isAfter(conference.end()); d = d.plusDays(1)) {
          if (kind == Kind.AFTER_WEEKDAY ? d.isAfter(pivot) : d.isBefore(pivot)) {
            out.add(d);
          }
        }
      }
      case WEEKDAY, MONTH_DAY, DAY_OF_MONTH -> {
        for (LocalDate d = conference.start(); !d.isAfter(conference.end()); d = d.plusDays(1)) {
          boolean match = switch (kind) {
            case WEEKDAY -> d.getDayOfWeek().getValue() == value;
            case MONTH_DAY -> MonthDay.from(d).equals(monthDay);
            default -> d.getDayOfMonth() == value;
          };
          if (match) {
            out.add(d);
          }
        }
        if (out.isEmpty() && kind == Kind.MONTH_DAY) {
          out.add(monthDay.atYear(conference.start().getYear()));
        }
      }
    }
    return out;
  }

  /** Describes the day for answers, such as "Tuesday" or "day 3". */
  public String describe() {
    return switch (kind) {
      case WEEKDAY -> titleCase(DayOfWeek.of(value).name());
      case NUMBER -> "day " + value;
      case LAST -> "the last day";
      case MONTH_DAY -> titleCase(monthDay.getMonth().name()).substring(0, 3) + " " + monthDay.getDayOfMonth();
      case DAY_OF_MONTH -> "the " + value + ordinal(value);
      case RELATIVE -> value == 0 ? "today" : value == 1 ? "tomorrow" : value == -1 ? "yesterday" : value + " days from today";
      case AFTER_WEEKDAY -> "the days after " + titleCase(DayOfWeek.of(value).name());
      case BEFORE_WEEKDAY -> "the days before " + titleCase(DayOfWeek.of(value).name());
      case EXCEPT_WEEKDAY -> "days other than " + titleCase(DayOfWeek.of(value).name());
    };
  }

  private static String titleCase(String s) {
    return s.charAt(0) + s.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  private static String ordinal(int n) {
    if (n % 100 >= 11 && n % 100 <= 13) {
      return "th";
    }
    return switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }
}
