package io.istiocon.bot.search;

import io.istiocon.bot.catalog.SessionType;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the time a question names, as a small grammar over its words: first the pieces (zones,
 * lengths of time, clock times, parts of the day, the moment of asking), each with the words
 * around it that say what it means ("within the next" 10 minutes, "before" noon, 2 hours "ago");
 * then {@link #when} joins the pieces into one {@link When}, with the relation the verbs ask for
 * ("starts", "ends", "is on"). Nothing here knows the catalog or the clock.
 */
final class TimeReader {
  /** Nouns a length can describe: "a 10-minute talk", "the 2.5-hour lab". */
  static final Set<String> SESSION_NOUNS = Set.of("talk", "talks", "session", "sessions", "keynote", "keynotes",
      "workshop", "workshops", "lab", "labs", "spotlight", "spotlights", "lightning", "panel", "panels", "slot",
      "slots", "presentation", "presentations", "one", "ones", "thing", "things", "event", "events", "block", "tutorial",
      "tutorials", "long", "story", "stories", "item", "items");
  static final Set<String> UNTIL = Set.of("before", "by", "until", "till", "til", "untill");
  private static final Set<String> STARTS = Set.of("start", "starts", "starting", "started", "begin", "begins",
      "beginning", "began", "kick", "kicks", "kicking", "kicked", "commence", "commences", "commencing", "开始");
  private static final Set<String> ENDS = Set.of("end", "ends", "ending", "ended", "finish", "finishes", "finished",
      "finishing", "wrap", "wraps", "wrapped", "wrapping", "concluded", "concludes", "结束");
  private static final Set<String> RUNNING = Set.of("live", "happening", "running", "streaming", "airing", "playing",
      "showing", "ongoing", "underway", "progress", "正在", "在播", "进行");
  static final Set<String> NOW = Set.of("now", "currently", "presently", "现在", "目前", "当前");
  private static final Set<String> STILL = Set.of("still", "left", "remaining", "yet", "until", "till", "rest", "else");

  /** Parts of the day: [from, to) in local time; a "to" before "from" runs past midnight. */
  private record Part(LocalTime from, LocalTime to, boolean pm) {}

  private static final Map<String, Part> PARTS = Map.ofEntries(
      Map.entry("morning", part(5, 12, false)), Map.entry("mornings", part(5, 12, false)),
      Map.entry("上午", part(5, 12, false)), Map.entry("早上", part(5, 12, false)), Map.entry("早晨", part(5, 12, false)),
      Map.entry("afternoon", part(12, 17, true)), Map.entry("afternoons", part(12, 17, true)),
      Map.entry("下午", part(12, 17, true)), Map.entry("lunchtime", part(12, 13, true)), Map.entry("lunch", part(12, 13, true)),
      Map.entry("中午", part(11, 14, true)), Map.entry("evening", part(17, 22, true)), Map.entry("evenings", part(17, 22, true)),
      Map.entry("晚上", part(17, 22, true)), Map.entry("night", part(17, 4, true)), Map.entry("nights", part(17, 4, true)),
      Map.entry("tonight", part(17, 4, true)), Map.entry("tonite", part(17, 4, true)), Map.entry("今晚", part(17, 4, true)),
      Map.entry("overnight", part(22, 6, true)), Map.entry("凌晨", part(0, 5, false)));

  private TimeReader() {}

  /** Returns whether a word names a part of the day ("afternoon", "tonight"). */
  static boolean isPartOfDay(String word) {
    return PARTS.containsKey(word);
  }

  private static Part part(int from, int to, boolean pm) {
    return new Part(LocalTime.of(from, 0), LocalTime.of(to, 0), pm);
  }

  /** Reads every time piece of the question into {@code w}. Runs before the day and type readers. */
  static void read(Words w) {
    ZoneReader.read(w);
    readReference(w);
    SpanReader.readLengths(w);
    SpanReader.readClocks(w);
    readParts(w);
    MomentReader.read(w);
    readEveryDay(w);
  }

  // ---- "right after the keynote" ------------------------------------------------------------

  private static final Set<String> BEFORE = Set.of("before", "preceding", "ahead");
  private static final Set<String> CURRENT = Set.of("current", "ongoing", "present", "running");
  private static final Set<String> AFTER = Set.of("after", "following", "once", "follows", "follow");
  private static final Set<String> RIGHT = Set.of("right", "straight", "just", "immediately", "directly", "comes",
      "come", "session", "talk");

  /**
   * Reads the session an answer is placed against: "right after the keynote", "what's after the
   * roadmap keynote", "the session right before the closing remarks", "before office hours". It
   * names a kind of session, up to three words of a title, or both.
   */
  private static void readReference(Words w) {
    for (int i = 0; i < w.size(); i++) {
      String cue = w.at(i);
      if (!w.free(i) || !(BEFORE.contains(cue) || AFTER.contains(cue))) {
        continue;
      }
      int j = i + 1;
      j += cue.equals("ahead") && w.at(j).equals("of") ? 1 : 0;
      boolean article = Set.of("the", "this", "that").contains(w.at(j));
      j += article ? 1 : 0;
      List<String> words = new java.util.ArrayList<>();
      SessionType type = null;
      for (; j < w.size() && words.size() <= 3 && w.free(j); j++) {
        String word = w.at(j);
        if (DayReader.isWeekday(word) && j + 1 < w.size()) {
          continue; // "the thursday social": the day stays for the day reader, which names the session's day
        }
        type = TypeWords.single(word);
        if (type != null || isTimeWord(word) || Lexicon.STOPWORDS.contains(word)) {
          break;
        }
        if (!Lexicon.isFiller(word)) {
          words.add(word);
        }
      }
      // "after the current talk", "after this session": the one on now
      boolean current = words.stream().allMatch(CURRENT::contains) && (article || !words.isEmpty())
          && (!words.isEmpty() || TimeReader.SESSION_NOUNS.contains(w.at(j - 1)) && !w.at(j - 1).equals("one"));
      if (current) {
        words.clear();
      }
      // Without "the" or a kind of session, only "right before office hours" names one: "before choosing istio" does not.
      boolean right = RIGHT.contains(w.at(i - 1));
      boolean named = current || (type != null ? words.size() <= 2 : (article || right && words.size() >= 2)
          && !words.isEmpty() && words.size() <= 3);
      if (!named) {
        continue;
      }
      int start = i;
      while (RIGHT.contains(w.at(start - 1)) && w.free(start - 1)) {
        start--;
      }
      int end = type != null ? j + 1 : j;
      if (Set.of("ends", "is", "finishes", "starts", "begins").contains(w.at(end))) {
        end += w.at(end + 1).equals("over") ? 2 : 1;
      }
      // "talks after the roadmap": all of them; "what's after the roadmap", "right after": the next one
      boolean all = !right && Set.of("talks", "sessions", "presentations", "ones").contains(w.at(start - 1));
      w.reference = new When.Reference(BEFORE.contains(cue), type == null ? -1 : type.ordinal(), words, all);
      w.take(start, end);
      for (int k = start; k < end; k++) {
        w.used[k] &= !DayReader.isWeekday(w.at(k)); // the day is read by the day reader
      }
      return;
    }
  }

  /** Returns whether a word belongs to another reader: a day, a part of the day, a clock time, a length. */
  private static boolean isTimeWord(String word) {
    return PARTS.containsKey(word) || DayReader.isWeekday(word) || Clocks.isMarker(word)
        || Set.of("today", "tomorrow", "yesterday", "noon", "midnight", "midday", "lunch", "day").contains(word)
        || word.chars().allMatch(Character::isDigit);
  }

  // ---- parts of the day -------------------------------------------------------------------

  private static void readParts(Words w) {
    for (int i = 0; i < w.size(); i++) {
      Part part = PARTS.get(w.at(i));
      if (part == null || !w.free(i)) {
        continue;
      }
      LocalTime from = part.from();
      LocalTime to = part.to();
      int start = i;
      String modifier = w.at(i - 1);
      if (modifier.equals("early") || modifier.equals("late")) {
        int hours = (int) Duration.between(from, to.isAfter(from) ? to : to.plusHours(24).minusNanos(1)).toHours();
        int third = Math.max(2, hours / 3 + 1);
        if (modifier.equals("early")) {
          to = from.plusHours(third);
        } else {
          from = to.minusHours(third);
        }
        start--;
      }
      if (w.at(start - 1).equals("this") || w.at(start - 1).equals("the") && w.at(start - 2).equals("in")) {
        start -= w.at(start - 1).equals("this") ? 1 : 2;
      }
      boolean instant = w.from != null && w.from.equals(w.to);
      String cue = w.at(start - 1);
      if (cue.equals("from") && Set.of("back", "returning", "returned", "home").contains(w.at(start - 2))) {
        w.take(start - 2, i + 1); // "just got back from lunch": where the asker was, no time of the program
        continue;
      }
      if (UNTIL.contains(cue) && w.free(start - 1)) {
        w.to = from; // "before lunch"
        start--;
      } else if ((cue.equals("after") || cue.equals("since")) && w.free(start - 1)) {
        w.from = to; // "after lunch"
        start--;
      } else if (instant) {
        if (part.pm() && w.from.getHour() < 12) {
          w.from = w.from.plusHours(12); // "3 in the afternoon"
          w.to = w.from;
        }
      } else if (w.from == null && w.to == null) {
        w.from = from;
        w.to = to;
      } else if (part.pm() && w.from != null && w.to != null && w.from.getHour() < 12 && w.to.getHour() <= 12
          && w.from.isBefore(from)) {
        w.from = w.from.plusHours(12); // "between 8 and 9 tonight"
        w.to = w.to.getHour() == 12 ? w.to : w.to.plusHours(12);
      } else if (w.to == null) {
        w.to = to; // "after 3 this afternoon"
      } else if (w.from == null && within(from, w.to, to)) {
        w.from = from; // "before 10 this morning"
      }
      w.take(start, i + 1);
    }
  }

  private static boolean within(LocalTime from, LocalTime t, LocalTime to) {
    return to.isAfter(from) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
  }

  private static void readEveryDay(Words w) {
    if (w.takeSeq("each", "day") | w.takeSeq("every", "day") | w.takeSeq("all", "days") | w.takeAny("daily", "每天")
        | w.takeSeq("all", "five", "days") | w.takeSeq("each", "of", "the", "days")) {
      w.everyDay = true;
      w.takeSeq("of", "the", "conference");
      w.takeSeq("of", "the", "event");
    }
  }

  // ---- joining the pieces -----------------------------------------------------------------

  /** Joins what the readers found into the question's time, choosing the relation from its verbs. */
  static When when(Words w) {
    if (w.toldTheTime && w.around == null && w.reference == null) {
      if (w.from == null && w.to == null && w.days.isEmpty()) {
        w.around = When.Around.of(When.Kind.NOW); // "it's 9pm here in nyc, what's on": now
      } else if (w.clip == When.Clip.NONE && !w.missed) {
        w.clip = When.Clip.FROM_NOW; // "it's 8:30am here in shanghai, what's on this morning?": the rest of it
      }
    }
    if (w.missed && w.around == null && w.from == null && w.to == null) {
      if (w.days.isEmpty() && !w.everyDay && !w.wholeEvent) {
        w.around = When.Around.of(When.Kind.EARLIER_TODAY); // "what did I miss": today's, up to now
      } else {
        w.clip = When.Clip.TO_NOW; // "what did I miss on monday", "missed most of the week"
      }
    }
    boolean anchored = w.around != null || w.from != null || w.to != null || !w.days.isEmpty() || w.everyDay
        || w.reference != null || w.clip != When.Clip.NONE;
    if (!anchored) {
      return When.ANY;
    }
    When.Relation relation = relation(w);
    consumeVerbs(w);
    When.Around around = w.around;
    if (around != null && w.inSpan && relation == When.Relation.RUNNING) {
      around = new When.Around(When.Kind.SPAN, around.to(), around.to()); // "what's on in 2 hours": at that moment
    }
    When.Clip clip = w.clip;
    boolean today = (w.days.isEmpty() || w.days.equals(java.util.Set.of(DayRef.relative(0)))) && !w.everyDay;
    if (clip == When.Clip.NONE && today && (w.from != null || w.to != null) && around == null) {
      for (String cue : STILL) {
        if (w.has(cue)) {
          clip = When.Clip.FROM_NOW; // "which sessions still start before noon"
        }
      }
      if (w.has("catch") && !w.hasSeq("catch", "up")) {
        clip = When.Clip.FROM_NOW; // "what can I catch before lunch today?"
      }
    }
    if (clip == When.Clip.NONE && around == null && w.days.contains(DayRef.relative(0)) && w.from == null && w.to == null) {
      for (String cue : STILL) {
        if (w.has(cue)) {
          around = When.Around.of(When.Kind.LATER_TODAY); // "anything left on today's program"
        }
      }
    }
    return new When(List.copyOf(w.days), w.everyDay, w.from, w.to, around, w.zone, relation, clip, w.reference);
  }

  /** Takes the verbs and cues that said how sessions relate to the time: they are no topic ("what starts at 1pm"). */
  private static void consumeVerbs(Words w) {
    for (int i = 0; i < w.size(); i++) {
      String word = w.at(i);
      if (!w.free(i)) {
        continue;
      }
      if (STARTS.contains(word) || ENDS.contains(word) || RUNNING.contains(word) || STILL.contains(word)) {
        w.used[i] = true;
        if (Set.of("kick", "kicks", "kicking", "kicked").contains(word) && w.at(i + 1).equals("off")
            || Set.of("wrap", "wraps", "wrapped", "wrapping").contains(word) && w.at(i + 1).equals("up")) {
          w.used[i + 1] = true;
        }
      } else if (word.equals("going") && w.at(i + 1).equals("on")) {
        w.take(i, i + 2);
      } else if (word.equals("then") && UNTIL.contains(w.at(i - 1))) {
        w.take(i - 1, i + 1); // "before then": the time named before
      }
    }
  }

  private static When.Relation relation(Words w) {
    if (w.relation != null) {
      return w.relation; // a reader chose it with the words it took
    }
    boolean starts = false;
    boolean ends = false;
    boolean running = false;
    for (int i = 0; i < w.size(); i++) {
      String word = w.at(i);
      starts |= STARTS.contains(word) && !(word.equals("start") && w.at(i + 1).equals("to"));
      ends |= ENDS.contains(word) && !(word.equals("end") && w.at(i - 1).equals("to"));
      running |= RUNNING.contains(word) || word.equals("going") && w.at(i + 1).equals("on")
          || word.equals("on") && Set.of("s", "whats", "is", "anything", "something", "be", "was", "what").contains(w.at(i - 1));
    }
    if (starts) {
      return When.Relation.STARTS;
    }
    if (ends) {
      return When.Relation.ENDS;
    }
    if (w.missed) {
      return When.Relation.RUNNING; // "what did I miss": whatever ran before now, over or not
    }
    When.Around around = w.around;
    boolean instant = w.from != null && w.from.equals(w.to) || around != null && (around.kind() == When.Kind.NOW
        || around.kind() == When.Kind.SPAN && around.from().equals(around.to()));
    boolean past = around != null && around.kind() == When.Kind.SPAN && around.to().isZero() && around.from().isNegative();
    return running || instant || past ? When.Relation.RUNNING : When.Relation.STARTS;
  }
}
