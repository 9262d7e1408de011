package io.istiocon.bot.search;

import io.istiocon.bot.catalog.Conference;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A question's {@link When} tied to the moment of asking, the asker's zone and each conference:
 * the stretches of time, in epoch seconds, that a session must start in, run during or end in. An
 * instant is a stretch whose start equals its end. Built once per question, then asked about
 * every candidate session.
 */
final class TimeWindow {
  private static final long MINUTE = 60;

  private final When.Relation relation;
  private final long[][] spans; // per conference: start0, end0, start1, end1, ...; null for any time
  /** The session the answer follows ("right after the keynote"), or -1. */
  final int reference;

  private TimeWindow(When.Relation relation, long[][] spans, int reference) {
    this.relation = relation;
    this.spans = spans;
    this.reference = reference;
  }

  /** Ties {@code when} to the moment and zone of asking; {@code asker} null means each conference's own zone. */
  static TimeWindow of(SearchIndex index, When when, Instant now, ZoneId asker) {
    if (when.isAny()) {
      return new TimeWindow(when.relation(), null, -1);
    }
    List<Conference> conferences = index.catalog().conferences();
    long[][] spans = new long[conferences.size()][];
    for (int c = 0; c < conferences.size(); c++) {
      spans[c] = spans(when, conferences.get(c), now, asker);
    }
    When.Reference ref = when.reference();
    if (ref == null) {
      return new TimeWindow(when.relation(), spans, -1);
    }
    boolean named = !when.days().isEmpty() || when.everyDay() || when.hasWindow();
    int reference = reference(index, ref, named ? new TimeWindow(When.Relation.STARTS, spans, -1) : null,
        now.getEpochSecond());
    if (reference < 0) {
      return new TimeWindow(when.relation(), named ? spans : null, -1); // no such session: the rest of the time still holds
    }
    // Right after: sessions that start once it ends. Right before: sessions that end by the time it starts.
    long[][] beside = new long[conferences.size()][];
    for (int c = 0; c < conferences.size(); c++) {
      beside[c] = ref.before()
          ? new long[] {Long.MIN_VALUE, index.schedule().start(reference) + 1}
          : new long[] {index.schedule().end(reference), Long.MAX_VALUE};
      if (ref.all() && named) {
        beside[c] = within(spans[c], beside[c]); // "wednesday morning talks after the roadmap": that morning's
      }
    }
    return new TimeWindow(ref.before() ? When.Relation.ENDS : When.Relation.STARTS, beside, reference);
  }

  /** Returns the zone the question's words are read in for a conference. */
  static ZoneId zone(When when, Conference conference, ZoneId asker) {
    return when.zone() != null ? when.zone() : asker != null ? asker : conference.zone();
  }

  private static long[] spans(When when, Conference c, Instant now, ZoneId asker) {
    ZoneId zone = zone(when, c, asker);
    long at = now.getEpochSecond();
    List<long[]> days = null;
    boolean window = when.hasWindow();
    if (when.everyDay() || !when.days().isEmpty() || window) {
      days = new ArrayList<>();
      if (when.everyDay()) {
        for (LocalDate d = c.start(); !d.isAfter(c.end()); d = d.plusDays(1)) {
          days.add(day(d, window ? zone : c.zone(), when));
        }
      }
      for (DayRef ref : when.days()) {
        boolean mine = window || ref.kind() == DayRef.Kind.RELATIVE || when.zone() != null;
        ZoneId dayZone = mine ? zone : c.zone();
        for (LocalDate d : dates(ref, c, now, dayZone, mine)) {
          days.add(day(d, dayZone, when));
        }
      }
      if (when.days().isEmpty() && !when.everyDay()) {
        days.add(day(now.atZone(zone).toLocalDate(), zone, when)); // "this afternoon": today's
      }
    }
    long[] around = around(when.around(), now, zone);
    List<long[]> out = new ArrayList<>();
    if (days == null) {
      out.add(around == null ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE} : around);
    } else {
      for (long[] day : days) {
        long[] cut = around == null ? day : intersect(day, around);
        if (cut != null) {
          out.add(cut);
        }
      }
    }
    long[] flat = new long[out.size() * 2];
    int n = 0;
    for (long[] span : out) {
      long from = span[0];
      long to = span[1];
      if (when.clip() == When.Clip.FROM_NOW) {
        from = Math.max(from, at);
      } else if (when.clip() == When.Clip.TO_NOW) {
        to = Math.min(to, at);
      }
      if (from < to || from == to && span[0] == span[1]) {
        flat[n++] = from;
        flat[n++] = to;
      }
    }
    return Arrays.copyOf(flat, n);
  }

  /** Returns the dates a day names; a weekday read in the asker's zone may fall just outside the program. */
  private static List<LocalDate> dates(DayRef ref, Conference c, Instant now, ZoneId zone, boolean mine) {
    if (ref.kind() == DayRef.Kind.RELATIVE) {
      return List.of(now.atZone(zone).toLocalDate().plusDays(ref.value()));
    }
    if (mine && ref.kind() == DayRef.Kind.WEEKDAY) {
      List<LocalDate> out = new ArrayList<>();
      for (LocalDate d = c.start().minusDays(1); !d.isAfter(c.end().plusDays(1)); d = d.plusDays(1)) {
        if (d.getDayOfWeek() == DayOfWeek.of(ref.value())) {
          out.add(d);
        }
      }
      return out;
    }
    return ref.resolve(c, now);
  }

  /** Returns a day's window: [from, to) of the date in the zone; an instant when from equals to. */
  private static long[] day(LocalDate date, ZoneId zone, When when) {
    LocalTime from = when.from() == null ? LocalTime.MIDNIGHT : when.from();
    long start = date.atTime(from).atZone(zone).toEpochSecond();
    if (when.from() != null && when.from().equals(when.to())) {
      return new long[] {start, start};
    }
    LocalDate endDate = when.to() == null || !when.to().isAfter(from) ? date.plusDays(1) : date;
    LocalTime to = when.to() == null ? LocalTime.MIDNIGHT : when.to();
    return new long[] {start, endDate.atTime(to).atZone(zone).toEpochSecond()};
  }

  /** Returns the stretch around the moment of asking, or null for none. */
  private static long[] around(When.Around around, Instant now, ZoneId zone) {
    if (around == null) {
      return null;
    }
    long at = now.getEpochSecond();
    LocalDate today = now.atZone(zone).toLocalDate();
    return switch (around.kind()) {
      case NOW -> new long[] {at, at};
      case NEXT -> new long[] {at + 1, Long.MAX_VALUE};
      case LATER_TODAY -> new long[] {at + 1, today.plusDays(1).atStartOfDay(zone).toEpochSecond()};
      case EARLIER_TODAY -> new long[] {today.atStartOfDay(zone).toEpochSecond(), at};
      case SPAN -> around.from().equals(around.to())
          ? new long[] {at + around.from().getSeconds(), at + around.from().getSeconds()}
          : new long[] {at + around.from().getSeconds() + (around.from().isZero() ? 1 : 0), at + around.to().getSeconds() + 1};
    };
  }

  private static long[] intersect(long[] a, long[] b) {
    if (a[0] == a[1]) {
      return contains(b, a[0]) ? a : null;
    }
    if (b[0] == b[1]) {
      return contains(a, b[0]) ? b : null;
    }
    long from = Math.max(a[0], b[0]);
    long to = Math.min(a[1], b[1]);
    return from < to ? new long[] {from, to} : null;
  }

  private static boolean contains(long[] span, long t) {
    return span[0] == span[1] ? span[0] == t : span[0] <= t && t < span[1];
  }

  /**
   * Finds the session of a type that "after the keynote" means: the one running at the moment of
   * asking, else the last one over today, else the next one; within the named days if any.
   */
  private static int reference(SearchIndex index, When.Reference ref, TimeWindow named, long now) {
    Schedule schedule = index.schedule();
    int type = ref.type();
    List<String> stems = ref.words().stream().map(Stemmer::stem).toList();
    int running = -1;
    int before = -1;
    int after = -1;
    int first = -1;
    for (int d : schedule.chronological()) {
      if (type >= 0 && schedule.type(d) != type || named != null && !named.accepts(schedule, d)
          || !titleHolds(index, d, stems)) {
        continue;
      }
      first = first < 0 ? d : first;
      if (named != null) {
        return d; // "after the keynote on tuesday": that day's first
      } else if (schedule.start(d) <= now && now < schedule.end(d)) {
        running = d;
      } else if (schedule.end(d) <= now && now - schedule.end(d) < 12 * 3600) {
        before = d;
      } else if (schedule.start(d) > now && after < 0) {
        after = d;
      }
    }
    return running >= 0 ? running : before >= 0 ? before : after >= 0 ? after : first;
  }

  /** Returns the spans cut to one stretch, as flat pairs. */
  private static long[] within(long[] spans, long[] stretch) {
    long[] out = new long[spans.length];
    int n = 0;
    for (int i = 0; i + 1 < spans.length; i += 2) {
      long[] cut = intersect(new long[] {spans[i], spans[i + 1]}, stretch);
      if (cut != null) {
        out[n++] = cut[0];
        out[n++] = cut[1];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Returns whether the session's title, or its speakers and their companies, hold every word ("the ebay one"). */
  private static boolean titleHolds(SearchIndex index, int d, List<String> stems) {
    for (String stem : stems) {
      if (!index.postings().fieldHas(d, stem, Field.TITLE) && !index.postings().fieldHas(d, stem, Field.SPEAKER)
          && !index.postings().fieldHas(d, stem, Field.COMPANY)) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether the question names no time. */
  boolean isAny() {
    return spans == null;
  }

  /** Returns whether a session of conference {@code c}, running from {@code start} to {@code end}, fits. */
  boolean accepts(int c, long start, long end) {
    if (spans == null) {
      return true;
    }
    long[] mine = spans[c];
    for (int i = 0; i < mine.length; i += 2) {
      long from = mine[i];
      long to = mine[i + 1];
      boolean fits;
      if (from == to) {
        fits = switch (relation) {
          case STARTS -> from <= start && start < from + MINUTE;
          case RUNNING -> start <= from && from < end;
          case ENDS -> from - MINUTE < end && end <= from;
        };
      } else {
        fits = switch (relation) {
          case STARTS -> from <= start && start < to;
          case RUNNING -> start < to && end > from;
          case ENDS -> from < end && end <= to;
        };
      }
      if (fits) {
        return true;
      }
    }
    return false;
  }

  /** Accepts by session number (see {@link #accepts(int, long, long)}). */
  boolean accepts(Schedule schedule, int d) {
    return accepts(schedule.conference(d), schedule.start(d), schedule.end(d));
  }

  /** Returns the slice of program order that can hold sessions that fit: {from, to}. */
  int[] range(Schedule schedule, int sessions) {
    if (spans == null) {
      return new int[] {0, sessions};
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (long[] mine : spans) {
      for (int i = 0; i < mine.length; i += 2) {
        first = Math.min(first, mine[i]);
        last = Math.max(last, mine[i] == mine[i + 1] ? mine[i] + MINUTE : mine[i + 1]);
      }
    }
    if (first == Long.MAX_VALUE) {
      return new int[] {0, 0};
    }
    long reach = relation == When.Relation.STARTS ? 0 : schedule.longestSeconds();
    long from = first == Long.MIN_VALUE ? Long.MIN_VALUE : first - reach;
    return new int[] {schedule.firstStartingAtOrAfter(from), last == Long.MAX_VALUE ? sessions
        : schedule.firstStartingAtOrAfter(last + 1)};
  }
}
