package io.istiocon.bot.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a question's intent and filters from free text, and leaves the topic words for ranking.
 * Readers run in a fixed order, each taking the words it understands: exclusions are marked, then
 * popularity, links, time ({@link TimeReader}), days ({@link DayReader}), order and picks
 * ({@link OrderReader}), kinds of session and languages ({@link TypeWords}). It needs no catalog:
 * speakers and companies are found by the searcher.
 */
public final class QueryParser {
  /** Questions are cut to this many characters. */
  public static final int MAX_LENGTH = 500;

  /** Parses a question. */
  public Query parse(String question) {
    String text = question == null ? "" : question;
    boolean truncated = false;
    String cut = Text.cut(text, MAX_LENGTH);
    if (cut.length() < text.length()) {
      text = cut;
      truncated = true;
    }
    Set<DayRef> days = new LinkedHashSet<>();
    String folded = Clocks.mark(DayReader.takeNumericDates(OrderReader.plainNumbers(ForeignWords.english(Slang.expand(Text.fold(text)))), days));
    java.util.BitSet clauseStarts = new java.util.BitSet();
    List<Text.Word> all = Text.words(folded, clauseStarts);
    List<Text.Word> words = new ArrayList<>();
    for (Text.Word word : all) {
      if (!word.joined()) {
        words.add(word);
      }
    }
    List<Query.Respelling> respelled = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Text.Word word = words.get(i);
      String meant = word.han() ? null : Respeller.respell(word.text());
      if (meant != null) {
        words.set(i, new Text.Word(meant, word.position(), false));
        respelled.add(new Query.Respelling(word.text(), meant));
      }
    }
    Words w = new Words(words);
    w.compounds(all);
    w.clauses(clauseStarts);
    w.days.addAll(days);
    for (String vague : List.of("kind", "kinds", "sort", "sorts", "type", "types")) {
      w.takeSeq(vague, "of"); // "what kind of talks": but KinD is also a tool, so only with "of"
    }
    // Chat filler that would otherwise read as a kind of session, a place or a topic.
    for (String party : List.of("third", "3rd")) {
      w.takeSeq(party, "party");
      w.takeSeq(party, "parties");
    }
    w.takeSeq("just", "joined");
    w.takeSeq("just", "logged", "in");
    w.takeSeq("logged", "in");
    w.takeSeq("just", "got", "here");
    w.takeSeq("just", "tuned", "in");
    w.takeSeq("tuned", "in");
    w.takeSeq("tuning", "in");
    w.takeSeq("am", "i", "missing"); // "what am I missing at the moment": what is on
    w.takeSeq("joined", "late");
    w.takeSeq("早上", "上好"); // "早上好" is "good morning", no time: Han text is read in pairs of characters
    w.takeSeq("晚上", "上好");
    holding(w);
    alreadyOver(w);
    for (String whole : List.of("schedule", "program", "programme", "agenda", "lineup", "list")) {
      w.takeSeqKeepLast("full", whole);
      w.takeSeqKeepLast("whole", whole);
      w.takeSeqKeepLast("entire", whole);
    }
    w.markExclusions();
    OrderReader.readAudienceCount(w);
    OrderReader.readAudience(w);
    readLinks(w);
    TimeReader.read(w);
    DayReader.read(w);
    OrderReader.readPlace(w);
    TypeWords.read(w);
    boolean who = w.takeAny("who", "whom", "whose") | w.takeSeq("speaker", "of") | w.takeAny("presenter", "presenters");
    boolean when = w.has("when") | w.takeSeq("what", "time") | w.takeSeq("which", "time") | w.takeSeq("what", "day")
        | w.takeSeq("which", "day");
    When time = TimeReader.when(w);

    List<Text.Word> content = new ArrayList<>();
    List<Text.Word> excluded = new ArrayList<>();
    Set<Integer> kept = new LinkedHashSet<>();
    List<String> leftovers = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i).text();
      if (w.used[i] || Clocks.isMarker(word)) {
        continue;
      }
      leftovers.add(word);
      // "one" is filler ("which one"), except as part of a name ("Saal One").
      boolean nameNumber = word.equals("one") && i > 0 && !w.used[i - 1] && !Lexicon.isFiller(words.get(i - 1).text());
      if (nameNumber || !Lexicon.isFiller(word) && !Lexicon.HELP.contains(word) && !Lexicon.ABOUT.contains(word)) {
        if (w.negated[i]) {
          excluded.add(words.get(i));
        } else {
          kept.add(words.get(i).position());
        }
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
    Query.Lead lead = w.lead != Query.Lead.NONE ? w.lead : who ? Query.Lead.SPEAKERS : when ? Query.Lead.TIME : Query.Lead.NONE;
    String normalized = String.join(" ", words.stream().map(Text.Word::text).toList());
    // "right before the closing remarks": the latest that ends by then comes first
    Query.Order order = w.order == Query.Order.NONE && time.reference() != null && time.reference().before()
        ? Query.Order.LATEST : w.order;
    Query query = new Query(text, normalized, truncated, Query.Intent.SEARCH, w.types, w.languages, w.notTypes,
        w.notLanguages, excluded, time, order, w.pick, w.length, w.lengthBound, lead, content, respelled, w.audience,
        split(words, w, content, order));
    return query.withIntent(intentOf(query, leftovers, who));
  }

  /** Words that set two sessions against each other: "the sketching talk or the intuit one", "5g vs sketching". */
  private static final Set<String> VERSUS = Set.of("or", "vs", "versus", "v", "than");

  /**
   * Returns where a question that compares two sessions in the order it asks for splits between them
   * ("which did better in views, the sketching talk or the Intuit one?"), or -1: an "or" or "vs" with
   * topic words on both sides, in a question ordered by views or length.
   */
  private static int split(List<Text.Word> words, Words w, List<Text.Word> content, Query.Order order) {
    if (order == Query.Order.NONE || w.pick > 1) {
      return -1;
    }
    for (int i = 1; i + 1 < words.size(); i++) {
      if (w.used[i] || !VERSUS.contains(words.get(i).text())) {
        continue;
      }
      int at = words.get(i).position();
      boolean before = content.stream().anyMatch(c -> !c.joined() && c.position() < at);
      boolean after = content.stream().anyMatch(c -> !c.joined() && c.position() > at);
      return before && after ? at : -1;
    }
    return -1;
  }

  private static Query.Intent intentOf(Query q, List<String> leftovers, boolean who) {
    if (q.content().isEmpty() && !q.hasFilters() && q.order() == Query.Order.NONE && q.notContent().isEmpty()) {
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
      return q.lead() == Query.Lead.NONE ? Query.Intent.HELP : Query.Intent.PROGRAM;
    }
    When.Around around = q.when().around();
    if (around != null && around.kind() == When.Kind.NOW) {
      return Query.Intent.NOW;
    }
    if (around != null && around.kind() == When.Kind.NEXT) {
      return Query.Intent.NEXT;
    }
    if (around != null && around.kind() == When.Kind.LATER_TODAY) {
      return Query.Intent.LATER;
    }
    if (q.order() == Query.Order.POPULAR) {
      return Query.Intent.POPULAR;
    }
    if (who) {
      return Query.Intent.SPEAKER;
    }
    return q.content().isEmpty() ? Query.Intent.FILTER : Query.Intent.SEARCH;
  }

  /** Words that may come before what the asker holds: "with my coffee in hand". */
  private static final Set<String> HOLDER = Set.of("with", "my", "a", "some", "our");

  /**
   * Takes what the asker says they hold ("coffee in hand", "with a beer in hand"): it is their
   * story, not a topic.
   */
  private static void holding(Words w) {
    for (int at = w.find("in", "hand"); at > 0; at = w.find("in", "hand")) {
      int from = at - 1;
      while (from > 0 && at - from < 3 && HOLDER.contains(w.at(from - 1)) && w.free(from - 1)) {
        from--;
      }
      w.take(from, at + 2);
    }
  }

  private static final Set<String> LANGUAGE_WORDS = Set.of("english", "chinese", "mandarin", "中文", "英文");
  private static final Set<String> BLOCK_WORDS = Set.of("part", "block", "track", "half", "portion", "sessions", "talks",
      "bit", "stuff", "program", "day");
  private static final Set<String> BE = Set.of("is", "are", "was", "were", "s", "seems", "looks");
  private static final Set<String> OVER = Set.of("done", "over", "finished", "wrapped", "ended");

  /**
   * Takes a part of the program the asker says is over ("looks like the english part is done for
   * today", "the chinese block is over"): it tells where they are, not a language they ask for.
   */
  private static void alreadyOver(Words w) {
    w.takeSeq("looks", "like");
    w.takeSeq("seems", "like");
    for (int i = 0; i + 3 < w.size(); i++) {
      if (!w.free(i) || !LANGUAGE_WORDS.contains(w.at(i))) {
        continue;
      }
      int k = i + 1;
      if (BLOCK_WORDS.contains(w.at(k))) {
        k++;
      }
      if (!BE.contains(w.at(k)) || !OVER.contains(w.at(k + 1))) {
        continue;
      }
      int end = k + 2;
      if (w.at(end).equals("for") && Set.of("today", "now", "the").contains(w.at(end + 1))) {
        end += w.at(end + 1).equals("the") && w.at(end + 2).equals("day") ? 3 : 2;
      }
      w.take(i > 0 && w.at(i - 1).equals("the") ? i - 1 : i, end);
    }
  }

  private static void readLinks(Words w) {
    if (w.takeSeq("slide", "deck") | w.takeAny("slides", "slide", "deck", "decks", "pdf", "pdfs", "ppt", "pptx", "powerpoint",
        "幻灯片", "讲义")) {
      w.lead = Query.Lead.SLIDES;
    }
    if (w.takeAny("video", "videos", "recording", "recordings", "recorded", "watch", "rewatch", "youtube", "replay",
        "replays", "bilibili", "视频", "录像", "回放") | w.takeSeq("live", "stream")) {
      if (w.lead == Query.Lead.NONE) {
        w.lead = Query.Lead.VIDEO;
      }
    }
    Query.Lead missing = Links.missing(w);
    if (missing != null) {
      w.lead = missing; // "which sessions don't have a video recording?", "sessions with no slides posted"
    }
    if (w.takeAny("link", "links", "url", "page", "website", "webpage")) {
      if (w.lead == Query.Lead.NONE) {
        w.lead = Query.Lead.PAGE;
      }
    }
  }
}
