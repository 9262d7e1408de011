package io.istiocon.bot.search;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The time a question names, as read from its words and not yet tied to a clock or a zone: days,
 * a window of the day ("this afternoon", "before noon", "at 1pm"), a span around the moment of
 * asking ("in 10 minutes", "in the last hour"), the zone the words were meant in, and how a session
 * must relate to that time (start in it, run during it, end in it). {@link TimeWindow} ties it to
 * an instant, a zone and a conference.
 *
 * @param days named days; empty means today when a window or clock time is given, else any day
 * @param everyDay "each day of the conference": the window applies to every day
 * @param from start of the window of the day, inclusive, or null for the day's start
 * @param to end of the window, exclusive, or null for the day's end; before {@code from} means the next day
 * @param around a span relative to the moment of asking, or null
 * @param zone the zone named in the question ("Berlin time", "UTC+8"), or null for the asker's
 * @param relation how a session must relate to the time
 * @param clip whether the time is cut at the moment of asking: from it ("still", "left") or up to it ("missed")
 * @param reference the session the answer must come right before or after ("right after the keynote",
 *     "the talk before office hours"), or null
 */
public record When(
    List<DayRef> days,
    boolean everyDay,
    LocalTime from,
    LocalTime to,
    Around around,
    ZoneId zone,
    Relation relation,
    Clip clip,
    Reference reference) {

  /** No time named. */
  public static final When ANY = new When(List.of(), false, null, null, null, null, Relation.STARTS, Clip.NONE, null);

  public When {
    days = List.copyOf(days);
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(clip, "clip");
  }

  /**
   * The session a question places its answer against: right after it ends, or right before it starts.
   *
   * @param before whether the answer comes before it
   * @param type the ordinal of its kind of session ("the keynote"), or -1
   * @param words folded words its title holds ("the roadmap keynote", "the closing remarks"); with
   *     no kind either, the session on at the moment of asking ("after the current talk")
   * @param all whether every session after (or before) it is meant ("wednesday talks after the
   *     roadmap"), not only the one right next to it
   */
  public record Reference(boolean before, int type, List<String> words, boolean all) {
    public Reference {
      words = List.copyOf(words);
    }

    /** Creates a reference to the one session right next to it. */
    public Reference(boolean before, int type, List<String> words) {
      this(before, type, words, false);
    }
  }

  /** Where the time is cut at the moment of asking. */
  public enum Clip { NONE, FROM_NOW, TO_NOW }

  /** How a session must relate to the time named. */
  public enum Relation {
    /** It starts within the time. */
    STARTS,
    /** It is running at some point of the time (for an instant: running then). */
    RUNNING,
    /** It ends within the time. */
    ENDS
  }

  /** What the span around the moment of asking means. */
  public enum Kind {
    /** Running now. */
    NOW,
    /** Starting after now. */
    NEXT,
    /** Starting after now, today. */
    LATER_TODAY,
    /** Started today, before now. */
    EARLIER_TODAY,
    /** From {@code now + from} to {@code now + to}. */
    SPAN
  }

  /**
   * A time relative to the moment of asking.
   *
   * @param from offset of the span's start (negative: in the past); for NOW and NEXT zero
   * @param to offset of the span's end, at least {@code from}
   */
  public record Around(Kind kind, Duration from, Duration to) {
    public Around {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.compareTo(from) < 0) {
        throw new IllegalArgumentException("span ends before it starts: " + from + " to " + to);
      }
    }

    static Around of(Kind kind) {
      return new Around(kind, Duration.ZERO, Duration.ZERO);
    }
  }

  /** Returns whether the question names any time at all. */
  public boolean isAny() {
    return days.isEmpty() && !everyDay && from == null && to == null && around == null && reference == null;
  }

  /** Returns whether the answer depends on the moment of asking, so caches must key it by the minute. */
  public boolean dependsOnClock() {
    if (around != null || clip != Clip.NONE || reference != null) {
      return true;
    }
    for (DayRef day : days) {
      if (day.kind() == DayRef.Kind.RELATIVE) {
        return true;
      }
    }
    return (from != null || to != null) && days.isEmpty() && !everyDay; // "this afternoon" is today's
  }

  /**
   * Returns whether the asker's zone may change the answer: a clock time, a part of a day or a
   * relative day without a named zone; or a weekday or date, which is read in the asker's zone
   * when the program has nothing on it in its own.
   */
  public boolean dependsOnZone() {
    if (zone != null) {
      return false;
    }
    if (from != null || to != null || !days.isEmpty()) {
      return true;
    }
    return around != null && (around.kind() == Kind.LATER_TODAY || around.kind() == Kind.EARLIER_TODAY);
  }

  /** Returns whether a time of day is named ("morning", "at 1pm"), which makes a named day the asker's day. */
  boolean hasWindow() {
    return from != null || to != null;
  }

  /** Returns a copy with other days. */
  When withDays(List<DayRef> newDays) {
    return new When(newDays, everyDay, from, to, around, zone, relation, clip, reference);
  }

  /** Returns a copy cut at the moment of asking another way. */
  When withClip(Clip newClip) {
    return new When(days, everyDay, from, to, around, zone, relation, newClip, reference);
  }

  /** Returns a copy whose window holds on every day of the conference. */
  When onEveryDay() {
    return new When(days, true, from, to, around, zone, relation, clip, reference);
  }

  /** Returns a copy read in another zone. */
  When withZone(ZoneId newZone) {
    return new When(days, everyDay, from, to, around, newZone, relation, clip, reference);
  }

  /** Returns whether a weekday or a date is named. */
  boolean namesDate() {
    for (DayRef day : days) {
      if (day.kind() != DayRef.Kind.RELATIVE) {
        return true;
      }
    }
    return false;
  }

  /** Returns a copy with another relative span. */
  When withAround(Around newAround) {
    return new When(days, everyDay, from, to, newAround, zone, relation, clip, reference);
  }
}
