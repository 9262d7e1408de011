package io.istiocon.bot.search;

import io.istiocon.bot.catalog.SessionType;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question's intent and filters from free text, and leaves the topic words for ranking.
 * It needs no catalog: catalog-specific names (speakers, companies) are found by the searcher.
 */
public final class QueryParser {
  /** Questions are cut to this many characters. */
  public static final int MAX_LENGTH = 500;

  private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
      Map.entry("monday", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
      Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
      Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
      Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY),
      Map.entry("thurs", DayOfWeek.THURSDAY), Map.entry("friday", DayOfWeek.FRIDAY),
      Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
      Map.entry("sunday", DayOfWeek.SUNDAY));

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

  private static final Set<String> TALK_WORDS = Set.of("talk", "talks", "session", "sessions", "presentation",
      "presentations", "one", "ones", "slot", "up", "item", "thing", "keynote", "workshop");

  /** Parses a question. */
  public Query parse(String question) {
    String text = question == null ? "" : question;
    boolean truncated = false;
    String cut = Text.cut(text, MAX_LENGTH);
    if (cut.length() < text.length()) {
      text = cut;
      truncated = true;
    }
    String folded = Text.fold(text);
    Set<DayRef> days = new LinkedHashSet<>();
    folded = takeNumericDates(folded, days);
    List<Text.Word> all = Text.words(folded);
    List<Text.Word> words = new ArrayList<>();
    List<Text.Word> joined = new ArrayList<>();
    for (Text.Word word : all) {
      (word.joined() ? joined : words).add(word);
    }
    State st = new State(words);
    st.days.addAll(days);

    for (String vague : List.of("kind", "kinds", "sort", "sorts", "type", "types")) {
      st.takeSeq(vague, "of"); // "what kind of talks": but KinD is also a tool, so only with "of"
    }
    for (String whole : List.of("schedule", "program", "programme", "agenda", "lineup", "list")) {
      st.takeSeqKeepLast("full", whole);
      st.takeSeqKeepLast("whole", whole);
      st.takeSeqKeepLast("entire", whole);
    }
    readLinks(st);
    readPopularity(st);
    readTime(st);
    readDays(st);
    readTypes(st);
    readLanguages(st);
    boolean who = st.takeAny("who", "whom", "whose") | st.takeSeq("speaker", "of") | st.takeAny("presenter", "presenters");
    boolean when = st.has("when") | st.takeSeq("what", "time") | st.takeSeq("which", "time") | st.takeSeq("what", "day")
        | st.takeSeq("which", "day");

    List<Text.Word> content = new ArrayList<>();
    Set<Integer> kept = new LinkedHashSet<>();
    List<String> leftovers = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (st.used[i]) {
        continue;
      }
      String w = words.get(i).text();
      leftovers.add(w);
      if (!Lexicon.isFiller(w) && !Lexicon.HELP.contains(w) && !Lexicon.ABOUT.contains(w)) {
        kept.add(words.get(i).position());
      }
    }
    // A compound's glue form stays when every part of it stayed.
    for (Text.Word word : all) {
      if (word.joined()) {
        boolean allKept = true;
        for (int p = word.position(); p < word.position() + word.span(); p++) {
          allKept &= kept.contains(p);
        }
        if (allKept) {
          content.add(word);
        }
      } else if (kept.contains(word.position())) {
        content.add(word);
      }
    }

    Query.Lead lead = st.lead != Query.Lead.NONE ? st.lead : who ? Query.Lead.SPEAKERS : when ? Query.Lead.TIME : Query.Lead.NONE;
    Query.Intent intent = intentOf(st, content, leftovers, who);
    String normalized = String.join(" ", words.stream().map(Text.Word::text).toList());
    return new Query(text, normalized, truncated, intent, st.types, st.languages, new ArrayList<>(st.days),
        st.time, st.popular, lead, content);
  }

  private static Query.Intent intentOf(State st, List<Text.Word> content, List<String> leftovers, boolean who) {
    boolean filters = !st.types.isEmpty() || !st.languages.isEmpty() || !st.days.isEmpty();
    if (content.isEmpty() && !filters && st.time == Query.Time.ANY && !st.popular) {
      for (String w : leftovers) {
        if (Lexicon.HELP.contains(w)) {
          return Query.Intent.HELP;
        }
      }
      for (String w : leftovers) {
        if (Lexicon.ABOUT.contains(w)) {
          return Query.Intent.ABOUT;
        }
      }
      for (String w : leftovers) {
        if (Lexicon.WHOLE_PROGRAM.contains(w) || w.equals("talks") || w.equals("sessions")) {
          return Query.Intent.PROGRAM;
        }
      }
      return st.lead == Query.Lead.NONE ? Query.Intent.HELP : Query.Intent.PROGRAM;
    }
    if (st.time == Query.Time.NOW) {
      return Query.Intent.NOW;
    }
    if (st.time == Query.Time.NEXT) {
      return Query.Intent.NEXT;
    }
    if (st.time == Query.Time.LATER_TODAY) {
      return Query.Intent.LATER;
    }
    if (st.popular) {
      return Query.Intent.POPULAR;
    }
    if (who) {
      return Query.Intent.SPEAKER;
    }
    return content.isEmpty() ? Query.Intent.FILTER : Query.Intent.SEARCH;
  }

  // ---- readers --------------------------------------------------------------------------

  private static void readLinks(State st) {
    if (st.takeSeq("slide", "deck") | st.takeAny("slides", "slide", "deck", "decks", "pdf", "pdfs", "ppt", "powerpoint", "幻灯片")) {
      st.lead = Query.Lead.SLIDES;
    }
    // "most watched" is about popularity, not a link.
    boolean mostWatched = st.hasSeq("most", "watched") || st.hasSeq("most", "viewed");
    if (!mostWatched && (st.takeAny("video", "videos", "recording", "recordings", "recorded", "watch", "rewatch",
        "youtube", "replay", "replays", "bilibili", "视频") | st.takeSeq("live", "stream"))) {
      if (st.lead == Query.Lead.NONE) {
        st.lead = Query.Lead.VIDEO;
      }
    }
    if (st.takeAny("link", "links", "url", "page", "website", "webpage")) {
      if (st.lead == Query.Lead.NONE) {
        st.lead = Query.Lead.PAGE;
      }
    }
  }

  private static void readPopularity(State st) {
    boolean popular = st.takeAny("popular", "popularity", "hottest", "trending", "favorite", "favourite", "favorites",
        "favourites", "viewership", "热门", "最受欢迎");
    for (String most : List.of("most", "highest", "top")) {
      for (String what : List.of("watched", "viewed", "views", "viewers", "attended", "seen", "liked", "rated", "visited")) {
        popular |= st.takeSeq(most, what);
      }
    }
    for (String what : List.of("talk", "talks", "session", "sessions", "one", "ones", "keynote", "keynotes")) {
      popular |= st.takeSeqKeepLast("best", what) | st.takeSeqKeepLast("top", what);
    }
    if (st.words.size() == 1 && st.has("top")) {
      popular |= st.takeAny("top");
    }
    for (int i = 0; i + 1 < st.words.size(); i++) {
      if (!st.used[i] && st.word(i).equals("top") && NUMBER.matcher(st.word(i + 1)).matches()) {
        st.used[i] = true;
        st.used[i + 1] = true;
        popular = true;
      }
    }
    if (popular) {
      st.takeAny("most", "highest", "top"); // "highest viewership": the qualifier is not a topic
    }
    st.popular = popular;
  }

  private static void readTime(State st) {
    if (st.takeSeq("right", "now") | st.takeAny("now", "currently", "现在", "正在") | st.takeSeq("at", "the", "moment")
        | st.takeSeq("on", "air") | st.takeSeqKeepLast("current", "talk") | st.takeSeqKeepLast("current", "session")) {
      st.time = Query.Time.NOW;
      st.takeAny("happening", "live");
      return;
    }
    if (st.takeSeq("later", "today") | st.takeSeq("rest", "of", "the", "day") | st.takeSeq("rest", "of", "today")
        | st.takeAny("later", "tonight") | st.takeSeq("this", "afternoon") | st.takeSeq("this", "evening")) {
      st.time = Query.Time.LATER_TODAY;
      return;
    }
    boolean next = st.takeAny("upcoming", "afterwards", "接下来") | st.takeSeq("coming", "up")
        | st.takeSeq("starting", "soon") | st.takeSeq("up", "next") | st.takeSeq("after", "this")
        | st.takeSeq("after", "that");
    for (int i = 0; i < st.words.size(); i++) {
      if (st.used[i] || !st.word(i).equals("next")) {
        continue;
      }
      String before = i > 0 ? st.word(i - 1) : "";
      String after = i + 1 < st.words.size() ? st.word(i + 1) : "";
      boolean onlyWord = st.unusedContentCount() == 1;
      if (onlyWord || after.isEmpty() || TALK_WORDS.contains(after)
          || before.equals("what") || before.equals("whats") || before.equals("s") || before.equals("is")
          || before.equals("comes")) {
        st.used[i] = true;
        if (TALK_WORDS.contains(after) && !after.equals("keynote") && !after.equals("workshop")) {
          st.used[i + 1] = true;
        }
        next = true;
      }
    }
    if (next) {
      st.time = Query.Time.NEXT;
    }
  }

  private static void readDays(State st) {
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
        st.days.add(DayRef.weekday(weekday));
        continue;
      }
      Matcher dayN = DAY_N.matcher(w);
      if (dayN.matches()) {
        st.used[i] = true;
        st.days.add(DayRef.number(Integer.parseInt(dayN.group(1))));
        continue;
      }
      if (w.equals("day") && !next.isEmpty()) {
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
      if (ordinal.matches() && !next.equals("talk") && !next.equals("session")) {
        int dom = Integer.parseInt(ordinal.group(1));
        if (dom >= 1 && dom <= 31) {
          st.used[i] = true;
          st.days.add(DayRef.dayOfMonth(dom));
        }
      }
    }
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

  private static String takeNumericDates(String folded, Set<DayRef> days) {
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

  private static void readTypes(State st) {
    Set<SessionType> types = st.types;
    if (st.takeSeq("case", "study") | st.takeSeq("case", "studies") | st.takeSeq("end", "user")
        | st.takeSeq("user", "stories") | st.takeSeq("user", "story") | st.takeAny("enduser", "endusers")) {
      types.add(SessionType.ADOPTION);
      types.add(SessionType.SPOTLIGHT);
    }
    if (st.takeAny("keynote", "keynotes", "主题演讲")) {
      types.add(SessionType.KEYNOTE);
    }
    if (st.takeAny("workshop", "workshops", "tutorial", "tutorials") | st.takeSeq("hands", "on")) {
      types.add(SessionType.WORKSHOP);
    }
    if (st.takeAny("lightning", "闪电")) {
      types.add(SessionType.LIGHTNING);
    }
    if (st.takeSeq("user", "spotlight") | st.takeSeq("user", "spotlights") | st.takeAny("spotlight", "spotlights")) {
      types.add(SessionType.SPOTLIGHT);
    }
    for (String what : List.of("story", "stories", "journey", "journeys", "talk", "talks", "session", "sessions", "case", "cases")) {
      if (st.takeSeq("adoption", what)) {
        types.add(SessionType.ADOPTION);
      }
    }
    if (st.takeAny("panel", "panels")) {
      types.add(SessionType.PANEL);
    }
    if (st.takeAny("social", "socials", "party", "parties") | st.takeSeq("networking", "event")
        | st.takeSeq("networking", "events")) {
      types.add(SessionType.SOCIAL);
    }
    if (st.takeSeq("technical", "talk") | st.takeSeq("technical", "talks") | st.takeSeq("tech", "talk")
        | st.takeSeq("tech", "talks")) {
      types.add(SessionType.TALK);
    }
  }

  private static void readLanguages(State st) {
    if (st.takeAny("chinese", "mandarin", "中文", "汉语", "普通话", "zh") | st.takeSeq("in", "china")) {
      st.languages.add("zh");
    }
    if (st.takeAny("english", "en")) {
      st.languages.add("en");
    }
  }

  /** Words of a question and which of them a reader has consumed. */
  private static final class State {
    final List<Text.Word> words;
    final boolean[] used;
    final Set<SessionType> types = EnumSet.noneOf(SessionType.class);
    final Set<String> languages = new LinkedHashSet<>();
    final Set<DayRef> days = new LinkedHashSet<>();
    Query.Time time = Query.Time.ANY;
    Query.Lead lead = Query.Lead.NONE;
    boolean popular;

    State(List<Text.Word> words) {
      this.words = words;
      this.used = new boolean[words.size()];
    }

    String word(int i) {
      return words.get(i).text();
    }

    boolean has(String w) {
      for (Text.Word word : words) {
        if (word.text().equals(w)) {
          return true;
        }
      }
      return false;
    }

    boolean hasSeq(String... seq) {
      return find(seq) >= 0;
    }

    int unusedContentCount() {
      int n = 0;
      for (int i = 0; i < words.size(); i++) {
        if (!used[i] && !Lexicon.isFiller(word(i))) {
          n++;
        }
      }
      return n;
    }

    /** Marks every unused occurrence of any of the words; returns whether there was one. */
    boolean takeAny(String... ws) {
      boolean found = false;
      for (int i = 0; i < words.size(); i++) {
        if (used[i]) {
          continue;
        }
        for (String w : ws) {
          if (word(i).equals(w)) {
            used[i] = true;
            found = true;
            break;
          }
        }
      }
      return found;
    }

    private int find(String... seq) {
      outer:
      for (int i = 0; i + seq.length <= words.size(); i++) {
        for (int k = 0; k < seq.length; k++) {
          if (used[i + k] || !word(i + k).equals(seq[k])) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }

    /** Marks a run of words; returns whether it was there. */
    boolean takeSeq(String... seq) {
      int at = find(seq);
      if (at < 0) {
        return false;
      }
      for (int k = 0; k < seq.length; k++) {
        used[at + k] = true;
      }
      return true;
    }

    /** Marks all but the last word of a run ("best" of "best talks"), leaving the noun. */
    boolean takeSeqKeepLast(String... seq) {
      int at = find(seq);
      if (at < 0) {
        return false;
      }
      for (int k = 0; k < seq.length - 1; k++) {
        used[at + k] = true;
      }
      return true;
    }
  }
}
