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
    folded = DayReader.takeNumericDates(folded, days);
    List<Text.Word> all = Text.words(folded);
    List<Text.Word> words = new ArrayList<>();
    List<Text.Word> joined = new ArrayList<>();
    for (Text.Word word : all) {
      (word.joined() ? joined : words).add(word);
    }
    Words st = new Words(words);
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
    DayReader.read(st);
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

  private static Query.Intent intentOf(Words st, List<Text.Word> content, List<String> leftovers, boolean who) {
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

  private static void readLinks(Words st) {
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

  private static void readPopularity(Words st) {
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

  private static void readTime(Words st) {
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

  private static void readTypes(Words st) {
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

  private static void readLanguages(Words st) {
    if (st.takeAny("chinese", "mandarin", "中文", "汉语", "普通话", "zh") | st.takeSeq("in", "china")) {
      st.languages.add("zh");
    }
    if (st.takeAny("english", "en")) {
      st.languages.add("en");
    }
  }
}
