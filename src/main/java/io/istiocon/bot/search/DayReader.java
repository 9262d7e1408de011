package io.istiocon.bot.search;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the days a question names: "today", "tomorrow", weekdays ("tue", "周二"), "day 3", "the
 * last day", and dates ("Feb 24", "24th", "2/24", "2021-02-24"). Days are resolved against a
 * conference only when the question is answered ({@link DayRef}).
 */
final class DayReader {
  private DayReader() {}

  private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
      Map.entry("monday", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
      Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
      Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
      Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY),
      Map.entry("thurs", DayOfWeek.THURSDAY), Map.entry("friday", DayOfWeek.FRIDAY),
      Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
      Map.entry("sunday", DayOfWeek.SUNDAY),
      // French, Spanish and German, as people abroad type them ("lundi 21h45 à Paris")
      Map.entry("lundi", DayOfWeek.MONDAY), Map.entry("mardi", DayOfWeek.TUESDAY), Map.entry("mercredi", DayOfWeek.WEDNESDAY),
      Map.entry("jeudi", DayOfWeek.THURSDAY), Map.entry("vendredi", DayOfWeek.FRIDAY), Map.entry("lunes", DayOfWeek.MONDAY),
      Map.entry("martes", DayOfWeek.TUESDAY), Map.entry("miercoles", DayOfWeek.WEDNESDAY),
      Map.entry("jueves", DayOfWeek.THURSDAY), Map.entry("viernes", DayOfWeek.FRIDAY), Map.entry("montag", DayOfWeek.MONDAY),
      Map.entry("dienstag", DayOfWeek.TUESDAY), Map.entry("mittwoch", DayOfWeek.WEDNESDAY),
      Map.entry("donnerstag", DayOfWeek.THURSDAY), Map.entry("freitag", DayOfWeek.FRIDAY));

  private static final Map<String, Integer> NUMBERS = Map.of(
      "one", 1, "two", 2, "three", 3, "four", 4, "five", 5, "six", 6, "seven", 7,
      "first", 1, "second", 2, "third", 3);

  private static final Map<String, Integer> ORDINAL_WORDS = Map.of(
      "first", 1, "second", 2, "third", 3, "fourth", 4, "fifth", 5, "opening", 1);

  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
  private static final Pattern HAN_WEEKDAY = Pattern.compile("(?:星期|周|週|礼拜|禮拜)([一二三四五六日天])");
  private static final Pattern SLASH_DATE = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})\\b");
  private static final Pattern ORDINAL = Pattern.compile("(\\d{1,2})(st|nd|rd|th)");
  private static final Pattern DAY_N = Pattern.compile("day(\\d{1,2})");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");

  /** Words after an ordinal that make it a place in a ranking, not a day: "the 2nd most watched". */
  private static final Set<String> RANKING = Set.of("most", "least", "biggest", "largest", "smallest", "longest",
      "shortest", "best", "highest", "lowest", "busiest", "quietest", "earliest", "latest", "last", "popular");

  static void read(Words st) {
    readWholeEvent(st);
    readDeadlines(st);
    if (st.takeAny("today", "todays", "今天")) {
      st.days.add(DayRef.relative(0));
    }
    if (st.takeAny("tomorrow", "tomorrows", "明天")) {
      st.days.add(DayRef.relative(1));
    }
    if (st.takeAny("yesterday", "yesterdays", "昨天")) {
      st.days.add(DayRef.relative(-1));
    }
    for (int i = 0; i < st.words.size(); i++) {
      if (st.used[i]) {
        continue;
      }
      String w = st.word(i);
      String next = i + 1 < st.words.size() ? st.word(i + 1) : "";
      DayOfWeek weekday = WEEKDAYS.get(w.endsWith("s") && WEEKDAYS.containsKey(w.substring(0, w.length() - 1))
          ? w.substring(0, w.length() - 1) : w);
      if (weekday != null) {
        st.used[i] = true;
        String before = st.at(i - 1);
        if (st.negated[i]) {
          st.days.add(DayRef.except(weekday)); // "spotlights not on friday", "except friday's"
          continue;
        }
        if (st.free(i - 1) && (before.equals("after") || before.equals("before"))) {
          st.used[i - 1] = true;
          st.days.add(DayRef.beside(weekday, before.equals("before"))); // "workshops after monday"
          continue;
        }
        st.days.add(DayRef.weekday(weekday));
        readWeekdayRange(st, i, weekday);
        continue;
      }
      Matcher dayN = DAY_N.matcher(w);
      if (dayN.matches()) {
        st.used[i] = true;
        st.days.add(DayRef.number(Integer.parseInt(dayN.group(1))));
        continue;
      }
      if (w.equals("day") && !next.isEmpty() && !jargon(st, i)) {
        Integer n = NUMBER.matcher(next).matches() ? Integer.valueOf(next) : NUMBERS.get(next);
        if (n != null) {
          st.used[i] = true;
          st.used[i + 1] = true;
          st.days.add(DayRef.number(n));
          continue;
        }
      }
      if (next.equals("day") && (ORDINAL_WORDS.containsKey(w) || w.equals("last") || w.equals("final")
          || w.equals("closing") || ORDINAL.matcher(w).matches())) {
        st.used[i] = true;
        st.used[i + 1] = true;
        Matcher m = ORDINAL.matcher(w);
        st.days.add(ORDINAL_WORDS.containsKey(w) ? DayRef.number(ORDINAL_WORDS.get(w))
            : m.matches() ? DayRef.number(Integer.parseInt(m.group(1))) : DayRef.last());
        continue;
      }
      Month month = month(w);
      if (month != null) {
        Integer dom = dayOfMonth(next);
        if (dom != null && dom <= month.maxLength()) {
          st.used[i] = true;
          st.used[i + 1] = true;
          st.days.add(DayRef.monthDay(MonthDay.of(month, dom)));
          continue;
        }
        Integer before = i > 0 && !st.used[i - 1] ? dayOfMonth(st.word(i - 1)) : null;
        if (before != null && before <= month.maxLength()) {
          st.used[i] = true;
          st.used[i - 1] = true;
          st.days.add(DayRef.monthDay(MonthDay.of(month, before)));
          continue;
        }
      }
      Matcher ordinal = ORDINAL.matcher(w);
      // "the 24th", "on the 25th": a day of the month; "2nd most watched", "1st istio.io contribution" are not
      boolean dayOfMonth = next.isEmpty() || MONTHS.containsKey(next) || next.equals("of")
          || Set.of("the", "on").contains(st.at(i - 1)) && !TimeReader.SESSION_NOUNS.contains(next)
          && !RANKING.contains(next);
      if (ordinal.matches() && dayOfMonth && TypeWords.single(next) == null) {
        int dom = Integer.parseInt(ordinal.group(1));
        if (dom >= 1 && dom <= 31) {
          st.used[i] = true;
          st.days.add(DayRef.dayOfMonth(dom));
        }
      }
    }
  }

  /**
   * Takes a day that is the asker's deadline, not the program's: "wants a summary by friday",
   * "need it by tomorrow".
   */
  private static void readDeadlines(Words st) {
    for (int i = 0; i + 1 < st.size(); i++) {
      String day = st.at(i + 1);
      if (st.at(i).equals("by") && st.free(i) && st.free(i + 1)
          && (WEEKDAYS.containsKey(day) || day.equals("tomorrow") || day.equals("tonight"))) {
        st.take(i, i + 2);
      }
    }
  }

  /**
   * Takes the words that name the whole event, no day in particular: "longest sessions of the week",
   * "what did I miss this week", "the whole conference".
   */
  private static void readWholeEvent(Words st) {
    for (String whole : List.of("week", "conference", "event", "conf")) {
      boolean found = st.takeSeq("of", "the", whole) | st.takeSeq("the", "whole", whole)
          | st.takeSeq("the", "entire", whole) | st.takeSeq("whole", whole) | st.takeSeq("entire", whole)
          | st.takeSeq("all", whole) | st.takeSeq("all", "the", whole);
      if (whole.equals("week")) {
        found |= st.takeSeq("this", "week") | st.takeSeq("the", "week") | st.takeSeq("during", "the", "week");
      }
      st.wholeEvent |= found;
    }
  }

  /**
   * Returns whether "day" at {@code i} is jargon rather than a day of the program: "day-two admin",
   * "day-2 operations" are written with a hyphen and go on to a word that is no session.
   */
  private static boolean jargon(Words st, int i) {
    String after = st.at(i + 2);
    boolean hyphenated = st.glued(i);
    return hyphenated && !after.isEmpty() && !TimeReader.SESSION_NOUNS.contains(after) && TypeWords.single(after) == null
        && !Lexicon.isFiller(after);
  }

  /** Returns whether a word names a day of the week ("tue", "fridays"). */
  static boolean isWeekday(String w) {
    return WEEKDAYS.containsKey(w) || w.endsWith("s") && WEEKDAYS.containsKey(w.substring(0, w.length() - 1));
  }

  /** Reads "tuesday through thursday" as every day between, after the first weekday was read at {@code i}. */
  private static void readWeekdayRange(Words st, int i, DayOfWeek first) {
    int at = i + 1;
    if (!java.util.Set.of("through", "thru", "to", "till", "until").contains(st.at(at))) {
      return;
    }
    DayOfWeek last = WEEKDAYS.get(st.at(at + 1));
    if (last == null || !st.free(at + 1)) {
      return;
    }
    st.take(at, at + 2);
    for (DayOfWeek d = first; d != last; d = d.plus(1)) {
      st.days.add(DayRef.weekday(d));
    }
    st.days.add(DayRef.weekday(last));
  }

  private static Integer dayOfMonth(String w) {
    Matcher m = ORDINAL.matcher(w);
    String digits = m.matches() ? m.group(1) : NUMBER.matcher(w).matches() ? w : null;
    if (digits == null) {
      return null;
    }
    int n = Integer.parseInt(digits);
    return n >= 1 && n <= 31 ? n : null;
  }

  private static final Map<String, Month> MONTHS = months();

  private static Map<String, Month> months() {
    Map<String, Month> out = new java.util.HashMap<>();
    for (Month m : Month.values()) {
      String name = m.name().toLowerCase(java.util.Locale.ROOT);
      out.put(name, m);
      out.put(name.substring(0, 3), m);
      if (name.length() > 4) {
        out.put(name.substring(0, 4), m);
      }
    }
    out.put("sept", Month.SEPTEMBER);
    out.remove("marc");
    return Map.copyOf(out);
  }

  private static Month month(String w) {
    return MONTHS.get(w);
  }

  static String takeNumericDates(String folded, Set<DayRef> days) {
    Matcher iso = ISO_DATE.matcher(folded);
    StringBuilder out = new StringBuilder();
    while (iso.find()) {
      int month = Integer.parseInt(iso.group(2));
      int day = Integer.parseInt(iso.group(3));
      if (month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).maxLength()) {
        days.add(DayRef.monthDay(MonthDay.of(month, day)));
        iso.appendReplacement(out, " ");
      }
    }
    iso.appendTail(out);
    Matcher slash = SLASH_DATE.matcher(out.toString());
    StringBuilder out2 = new StringBuilder();
    while (slash.find()) {
      int month = Integer.parseInt(slash.group(1));
      int day = Integer.parseInt(slash.group(2));
      if (month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).maxLength()) {
        days.add(DayRef.monthDay(MonthDay.of(month, day)));
        slash.appendReplacement(out2, " ");
      }
    }
    slash.appendTail(out2);
    Matcher han = HAN_WEEKDAY.matcher(out2.toString());
    StringBuilder out3 = new StringBuilder();
    while (han.find()) {
      int day = "一二三四五六日天".indexOf(han.group(1).charAt(0)) + 1;
      days.add(DayRef.weekday(DayOfWeek.of(Math.min(day, 7))));
      han.appendReplacement(out3, " ");
    }
    han.appendTail(out3);
    return out3.toString();
  }
}
