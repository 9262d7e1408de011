package io.istiocon.bot.search;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the lengths of time and the clock times of a question, with the words around them that
 * say what they mean: "in 10 minutes", "within the next half hour", "the last hour", "2 hours ago",
 * "two hours from now", "a 2.5-hour lab"; "at 1pm", "before noon", "after 3", "between 9 and 11",
 * "from 1pm onwards". Part of {@link TimeReader}'s grammar.
 */
final class SpanReader {
  private static final Map<String, Integer> NUMBERS = Map.ofEntries(
      Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
      Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
      Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
      Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("ninety", 90), Map.entry("couple", 2),
      Map.entry("few", 3), Map.entry("several", 3));
  private static final Set<String> MINUTES = Set.of("minute", "minutes", "min", "mins");
  private static final Set<String> HOURS = Set.of("hour", "hours", "hr", "hrs");
  private static final Set<String> VAGUE = Set.of("about", "around", "roughly", "approximately", "approx", "some", "like");
  private static final Set<String> FUTURE = Set.of("next", "coming", "upcoming", "following");
  private static final Set<String> PAST = Set.of("last", "past", "previous", "preceding", "recent");
  private static final Set<String> SPAN_PREPOSITIONS = Set.of("in", "within", "over", "during", "for");
  private static final Set<String> SINCE = Set.of("after", "since", "from");
  private static final Set<String> AT = Set.of("at", "around", "about", "approximately");
  private static final Set<String> ONWARDS = Set.of("onwards", "onward", "on", "later", "afterwards");

  private SpanReader() {}

  // ---- lengths of time: "in 10 minutes", "the last hour", "2 hours ago", "a 2.5-hour lab" ----

  /** A length of time found at a word: minutes, and the index just past it. */
  private record Span(long minutes, int end) {}

  private static Span duration(Words w, int i) {
    if (!w.free(i)) {
      return null;
    }
    Duration marked = Clocks.length(w.at(i));
    if (marked != null) {
      return new Span(marked.toMinutes(), i + 1);
    }
    String first = w.at(i);
    if (first.equals("half") || first.equals("quarter")) {
      int j = i + 1;
      j += w.at(j).equals("of") ? 1 : 0;
      j += w.at(j).equals("a") || w.at(j).equals("an") ? 1 : 0;
      if (HOURS.contains(w.at(j))) {
        return new Span(first.equals("half") ? 30 : 15, j + 1);
      }
      return null;
    }
    Integer n = number(first);
    String before = w.at(i - 1);
    boolean cued = FUTURE.contains(before) || PAST.contains(before)
        || before.equals("in") && startsSoon(w) && n != null && n <= 60; // "starts in 5?", "anything kicking off in 10"

    if (n == null) {
      if (cued && (MINUTES.contains(first) || HOURS.contains(first))) {
        long unit = HOURS.contains(first) ? 60 : 1; // "the last hour"
        boolean half = w.at(i + 1).equals("and") && w.at(i + 2).equals("a") && w.at(i + 3).equals("half");
        return half ? new Span(unit + unit / 2, i + 4) : new Span(unit, i + 1);
      }
      return null;
    }
    int j = i + 1;
    j += w.at(j).equals("of") ? 1 : 0; // "a couple of hours"
    boolean half = false;
    if (w.at(j).equals("and") && w.at(j + 1).equals("a") && w.at(j + 2).equals("half")) {
      half = true;
      j += 3;
    }
    long unit = MINUTES.contains(w.at(j)) ? 1 : HOURS.contains(w.at(j)) ? 60 : 0;
    if (unit == 0) {
      // "anything in the next 15?": a bare number after "next" or "last" counts minutes
      boolean bare = cued && !half && n >= 2 && n <= 120 && !Character.isLetter(w.at(i + 1).isEmpty() ? ' ' : w.at(i + 1).charAt(0));
      return bare ? new Span(n, i + 1) : null;
    }
    int end = j + 1;
    if (w.at(end).equals("and") && w.at(end + 1).equals("a") && w.at(end + 2).equals("half")) {
      half = true; // "an hour and a half"
      end += 3;
    }
    return new Span(n * unit + (half ? unit / 2 : 0), end);
  }

  /** Returns whether the question asks what starts: a bare number after "in" then counts minutes ("starts in 5?"). */
  private static boolean startsSoon(Words w) {
    for (String verb : List.of("starts", "start", "starting", "begins", "begin", "beginning", "kicking", "kicks")) {
      if (w.has(verb)) {
        return true;
      }
    }
    return false;
  }

  private static Integer number(String word) {
    if (!word.isEmpty() && word.length() <= 3 && word.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(word);
    }
    return NUMBERS.get(word);
  }

  static void readLengths(Words w) {
    for (int i = 0; i < w.size(); i++) {
      Span span = duration(w, i);
      if (span == null) {
        continue;
      }
      Duration d = Duration.ofMinutes(span.minutes());
      int start = i;
      int end = span.end();
      boolean vague = false;
      while (VAGUE.contains(w.at(start - 1)) || w.at(start - 1).equals("just")) {
        vague |= VAGUE.contains(w.at(start - 1));
        start--;
      }
      int before = w.at(start - 1).equals("the") ? start - 2 : start - 1;
      if (number(w.at(i)) == null && Clocks.length(w.at(i)) == null && !w.at(i).equals("half") && !w.at(i).equals("quarter")) {
        before = i - 1; // "the last hour": the cue is right before the unit
      }
      String cue = w.at(before);
      if (FUTURE.contains(cue) || PAST.contains(cue)) {
        start = before;
        start -= w.at(start - 1).equals("the") ? 1 : 0;
        start -= SPAN_PREPOSITIONS.contains(w.at(start - 1)) ? 1 : 0;
        w.around = FUTURE.contains(cue) ? new When.Around(When.Kind.SPAN, Duration.ZERO, d)
            : new When.Around(When.Kind.SPAN, d.negated(), Duration.ZERO);
      } else if (cue.equals("in") || cue.equals("within")) {
        start = before;
        Duration to = vague ? d.plus(d.dividedBy(2)) : d;
        w.around = new When.Around(When.Kind.SPAN, Duration.ZERO, to);
        w.inSpan = cue.equals("in");
      } else if (cue.equals("for") && (w.has("back") || w.has("return"))) {
        start = before; // "stepping into a meeting for an hour, what will be playing when I get back?"
        w.around = new When.Around(When.Kind.SPAN, d, d);
      } else if (cue.equals("for") && (w.has("happened") || w.has("missed") || w.has("miss") || awayBefore(w, before))) {
        start = before; // "was away for half an hour, what happened?"
        w.around = new When.Around(When.Kind.SPAN, d.negated(), Duration.ZERO);
      } else if (w.at(end).equals("ago")) {
        end++;
        w.around = new When.Around(When.Kind.SPAN, d.negated(), d.negated());
      } else if (w.at(end).equals("from") && w.at(end + 1).equals("now") || w.at(end).equals("later")
          || w.at(end).equals("hence") || w.at(end).equals("away")) {
        end += w.at(end).equals("from") ? 2 : 1;
        w.around = new When.Around(When.Kind.SPAN, d, d);
      } else if (cue.equals("than") && LengthBounds.bound(w.at(before - 1)) != 0
          || (cue.equals("under") || cue.equals("over")) && w.free(before)) {
        w.length = d; // "sessions shorter than 15 minutes", "talks longer than half an hour", "under 15 minutes"
        w.lengthBound = LengthBounds.bound(cue.equals("than") ? w.at(before - 1) : cue);
        start = cue.equals("than") ? before - 1 : before;
      } else if (TimeReader.SESSION_NOUNS.contains(w.at(end)) || TypeWords.single(w.at(end)) != null) {
        w.length = d; // "a 10-minute talk": the noun stays for the type reader
        end += w.at(end).equals("long") ? 1 : 0;
      }
      // A length with nothing around it ("still got a couple of hours") says nothing about time, and no topic either.
      w.take(start, end);
    }
  }

  /**
   * Returns whether the words just before "for" say the asker was away: "was afk for", "i've been out
   * for", "were away for"; not "broke ingress for 2 hours".
   */
  private static boolean awayBefore(Words w, int forAt) {
    for (int k = forAt - 1; k >= Math.max(0, forAt - 4) && !w.clauseStart(k + 1); k--) {
      if (Set.of("was", "been", "away", "out", "gone", "offline", "afk").contains(w.at(k))) {
        return true;
      }
    }
    return false;
  }

  // ---- clock times: "at 1pm", "before noon", "between 9 and 11", "18:10" ---------------------

  private static final Set<String> AFTER_BARE_HOUR = Set.of("", "and", "or", "to", "till", "until", "onwards", "onward",
      "oclock", "o", "on", "today", "tomorrow", "tonight", "what", "which", "is", "are", "anything", "pacific", "time",
      "my", "your", "our", "local", "here", "there", "in", "for", "this", "then", "am", "pm", "sharp", "please", "whats");

  /** Returns the time at a word: a clock marker, noon or midnight, or a bare hour after a time word ("after 3"). */
  private static LocalTime clock(Words w, int i, boolean afterTimeWord) {
    if (!w.free(i)) {
      return null;
    }
    String word = w.at(i);
    LocalTime marked = Clocks.time(word);
    if (marked != null) {
      return Clocks.bare(word) && marked.getHour() >= 1 && marked.getHour() <= 6 ? marked.plusHours(12) : marked;
    }
    if (word.equals("noon") || word.equals("midday")) {
      return LocalTime.NOON;
    }
    if (word.equals("midnight")) {
      return LocalTime.MIDNIGHT;
    }
    if ((word.equals("half") || word.equals("quarter")) && (w.at(i + 1).equals("past") || w.at(i + 1).equals("to"))) {
      // "half past 10", "quarter to 4": the hour comes after, as a clock or a bare number
      LocalTime hour = Clocks.time(w.at(i + 2));
      Integer bare = number(w.at(i + 2));
      if (hour == null && bare != null && bare >= 1 && bare <= 12) {
        hour = LocalTime.of(bare <= 6 ? bare + 12 : bare, 0);
      }
      if (hour != null) {
        w.take(i + 1, i + 3);
        int minutes = word.equals("half") ? 30 : w.at(i + 1).equals("past") ? 15 : -15;
        return hour.plusMinutes(minutes);
      }
    }
    // A bare hour is a time after a time word ("after 3"), or before "o'clock" or a part of the day ("3 in the afternoon").
    boolean timeAfter = w.at(i + 1).equals("oclock") || w.at(i + 1).equals("in") && w.at(i + 2).equals("the")
        && TimeReader.isPartOfDay(w.at(i + 3));
    Integer hour = (afterTimeWord || timeAfter) && word.chars().allMatch(Character::isDigit) && word.length() <= 2
        ? Integer.valueOf(word) : null;
    String next = w.at(i + 1);
    if (hour == null || hour < 1 || hour > 23 || !(timeAfter || AFTER_BARE_HOUR.contains(next) || Zones.abbreviation(next) != null
        || DayReader.isWeekday(next))) {
      return null;
    }
    if (next.equals("oclock")) {
      w.used[i + 1] = true;
    } else if (next.equals("o") && w.at(i + 2).equals("clock")) {
      w.take(i + 1, i + 3);
    }
    return LocalTime.of(hour >= 1 && hour <= 6 ? hour + 12 : hour, 0);
  }

  static void readClocks(Words w) {
    for (int i = 0; i < w.size(); i++) {
      // "it's 8:30am here in shanghai" (read "it" then, the 's being dropped): the asker's clock, which is now
      boolean itIs = w.at(i - 1).equals("its") || w.at(i - 1).equals("it") && i == 1
          || w.at(i - 1).equals("is") && w.at(i - 2).equals("it");
      if (Clocks.time(w.at(i)) != null && itIs && w.free(i)) {
        w.take(w.at(i - 1).equals("is") ? i - 2 : i - 1, i + 1);
        w.toldTheTime = true;
        continue;
      }
      String prep = w.at(i - 1);
      boolean timeWord = TimeReader.UNTIL.contains(prep) || SINCE.contains(prep) || AT.contains(prep) || prep.equals("between");
      LocalTime t = clock(w, i, timeWord && w.free(i - 1));
      if (t == null) {
        continue;
      }
      int start = timeWord && w.free(i - 1) ? i - 1 : i;
      int end = i + 1;
      // "between now and noon", "from now until 3pm", "now till 5": from the moment of asking to then
      int nowAt = prep.equals("and") && w.at(i - 2).equals("now") && w.at(i - 3).equals("between") ? i - 3
          : (TimeReader.UNTIL.contains(prep) || prep.equals("to")) && w.at(i - 2).equals("now")
          ? (w.at(i - 3).equals("from") ? i - 3 : i - 2) : -1;
      if (nowAt >= 0 && w.free(nowAt) && w.free(i - 2)) {
        w.to = t;
        w.clip = When.Clip.FROM_NOW;
        w.take(nowAt, end);
        continue;
      }
      if (prep.equals("between") || (prep.equals("from") || !timeWord)
          && Set.of("and", "to", "till", "until", "-").contains(w.at(i + 1))) {
        LocalTime t2 = clock(w, i + 2, true);
        if (t2 != null) {
          if (t2.isBefore(t) && t2.getHour() < 12 && t.getHour() < 12) {
            t2 = t2.plusHours(12); // "between 11 and 1"
          }
          w.from = t;
          w.to = t2;
          w.take(start, i + 3);
          continue;
        }
      }
      if (TimeReader.UNTIL.contains(prep)) {
        w.to = t;
      } else if (SINCE.contains(prep) || ONWARDS.contains(w.at(i + 1)) && !w.at(i + 1).equals("on")) {
        w.from = t;
        end += ONWARDS.contains(w.at(i + 1)) ? 1 : 0;
      } else {
        w.from = t;
        w.to = t; // an instant
      }
      w.take(start, end);
    }
  }
}
