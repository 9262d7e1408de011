package io.istiocon.bot.search;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how a question wants its answer ordered, and whether it wants one session picked: "most
 * watched", "the smallest audience", "which pulled the bigger audience", "the first talk on
 * friday", "the earliest keynote", "the longest workshop", "thursday's second spotlight". Runs
 * after the time and day readers, so "last hour" and "first day" are already taken.
 */
final class OrderReader {
  /** Words that measure popularity; with "most" or "least" nearby they order the answer. */
  private static final Set<String> AUDIENCE = Set.of("watched", "viewed", "views", "viewers", "viewer", "viewership",
      "audience", "audiences", "attended", "attendance", "crowd", "crowds", "seen", "liked", "rated", "visited",
      "popular", "popularity", "count", "eyeballs", "attention");
  private static final Set<String> MORE = Set.of("most", "highest", "top", "biggest", "largest", "greatest", "more",
      "bigger", "larger", "higher", "greater", "topped", "maximum", "max", "best", "record", "packed", "better");
  private static final Set<String> LESS = Set.of("least", "fewest", "lowest", "smallest", "less", "fewer", "smaller",
      "lower", "minimum", "min", "worst", "bottom", "quietest", "worse");
  /** Words between a marker and what it measures: "drew the most live viewers". */
  private static final Set<String> BETWEEN = Set.of("the", "a", "live", "view", "of", "in", "terms", "number", "amount",
      "online");
  private static final Set<String> EARLY = Set.of("first", "earliest", "opening");
  private static final Set<String> LATE = Set.of("last", "latest", "final", "closing");
  private static final Set<String> LONG = Set.of("longest", "lengthiest");
  private static final Set<String> SHORT = Set.of("shortest", "briefest", "quickest");
  private static final List<String> ORDINALS = List.of("second", "third", "fourth", "fifth", "sixth", "seventh",
      "eighth", "ninth", "tenth");
  private static final List<String> NUMBERED = List.of("2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th");

  private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
  private static final Pattern KILO = Pattern.compile("(?<![\\w.])(\\d{1,3}(?:\\.\\d)?)k(?!\\w)");
  private static final Set<String> AT_LEAST = Set.of("over", "above", "cleared", "exceeded", "beyond", "past", "topping",
      "least", "than", ">");
  private static final Set<String> AT_MOST = Set.of("under", "below", "fewer", "less", "most", "<");
  private static final Set<String> HEADS = Set.of("viewers", "views", "watchers", "people", "attendees", "viewer",
      "live");

  private OrderReader() {}

  /** Returns folded text with numbers written plainly: "1,100" as 1100, "1.2k" as 1200. */
  static String plainNumbers(String folded) {
    String out = THOUSANDS.matcher(folded).replaceAll("");
    Matcher k = KILO.matcher(out);
    return k.find() ? k.replaceAll(m -> String.valueOf(Math.round(Double.parseDouble(m.group(1)) * 1000))) : out;
  }

  /**
   * Reads a count of live viewers a session must have had: "cleared 1,100 live viewers", "more
   * than 500 views", "at least 400 people", "under 300 viewers".
   */
  static void readAudienceCount(Words w) {
    for (int i = 1; i < w.size(); i++) {
      String number = w.at(i);
      if (!w.free(i) || number.isEmpty() || number.length() > 7 || !number.chars().allMatch(Character::isDigit)
          || !HEADS.contains(w.at(i + 1))) {
        continue;
      }
      String cue = w.at(i - 1);
      boolean least = AT_LEAST.contains(cue) && !(cue.equals("than") && LESS.contains(w.at(i - 2)))
          && !(cue.equals("least") && !w.at(i - 2).equals("at"));
      boolean most = AT_MOST.contains(cue) && !(cue.equals("most") && !w.at(i - 2).equals("at"))
          || cue.equals("than") && LESS.contains(w.at(i - 2));
      if (!least && !most) {
        continue;
      }
      int n = Integer.parseInt(number);
      w.audience = least ? new Query.Audience(n, Integer.MAX_VALUE) : new Query.Audience(0, n);
      int start = Set.of("than", "least", "most").contains(cue) ? i - 2 : i - 1;
      int end = i + 2;
      end += w.at(end - 1).equals("live") && Set.of("viewers", "views", "watchers").contains(w.at(end)) ? 1 : 0;
      w.take(start, end);
      if (w.order == Query.Order.NONE) {
        w.order = least ? Query.Order.POPULAR : Query.Order.UNPOPULAR;
      }
      return;
    }
  }

  /** Reads "most watched", "the smallest audience" and the like; runs before the link reader takes "watched". */
  static void readAudience(Words w) {
    boolean popular = w.takeAny("hottest", "trending", "favorite", "favourite", "favorites", "favourites", "热门", "最受欢迎");
    if ((w.has("观看") || w.has("人数") || w.has("看的")) && (w.has("最多") || w.has("最少"))) {
      // "哪个分享观看人数最多": which drew the most viewers
      w.order = w.has("最多") ? Query.Order.POPULAR : Query.Order.UNPOPULAR;
      w.takeAny("观看", "看人", "人数", "数最", "最多", "最少", "看的");
      return;
    }
    for (int i = 0; i < w.size(); i++) {
      if (!w.free(i) || !AUDIENCE.contains(w.at(i)) || w.at(i).equals("count") && !w.at(i - 1).equals("view")) {
        continue;
      }
      int j = i - 1;
      while (BETWEEN.contains(w.at(j)) && j > i - 5) {
        j--;
      }
      String marker = w.at(j);
      Query.Order order = MORE.contains(marker) ? Query.Order.POPULAR : LESS.contains(marker) ? Query.Order.UNPOPULAR : null;
      if (order == null && (w.at(i).equals("popular") || w.at(i).equals("popularity"))) {
        order = Query.Order.POPULAR; // "popular talks"
        j = i;
      }
      if (order != null) {
        w.order = order;
        for (int k = j; k <= i; k++) {
          if (MORE.contains(w.at(k)) || LESS.contains(w.at(k)) || AUDIENCE.contains(w.at(k)) || BETWEEN.contains(w.at(k))) {
            w.used[k] = true;
          }
        }
        w.takeAny("drew", "pulled", "attracted", "got", "had", "drawing");
        takeTop(w); // "top 3 most viewed"
        takeMeasures(w);
        return;
      }
    }
    for (String what : List.of("talk", "talks", "session", "sessions", "one", "ones", "keynote", "keynotes")) {
      popular |= w.takeSeqKeepLast("best", what) | w.takeSeqKeepLast("top", what);
    }
    if (w.size() == 1 && w.has("top")) {
      popular |= w.takeAny("top");
    }
    popular |= takeTop(w);
    if (popular) {
      w.order = Query.Order.POPULAR;
    }
    if (w.order == Query.Order.POPULAR || w.order == Query.Order.UNPOPULAR) {
      takeMeasures(w);
    }
  }

  /** What a view count is called once the order by it is read: no topic ("top three by views", "that have a view count"). */
  private static final Set<String> MEASURES = Set.of("views", "viewers", "viewer", "viewership", "view", "audience",
      "audiences", "watched", "viewed", "watchers", "eyeballs");
  private static final Set<String> MEASURE_NOUNS = Set.of("count", "counts", "numbers", "number", "figure", "figures",
      "stats", "data");

  /** Takes the words that name the view count the answer is already ordered by, with "by" and "in" before them. */
  private static void takeMeasures(Words w) {
    for (int i = 0; i < w.size(); i++) {
      if (!w.free(i) || !MEASURES.contains(w.at(i))) {
        continue;
      }
      int end = i + 1;
      end += MEASURE_NOUNS.contains(w.at(end)) ? 1 : 0;
      int start = Set.of("by", "in", "of", "on").contains(w.at(i - 1)) && w.free(i - 1) ? i - 1 : i;
      w.take(start, end);
    }
  }

  /** Takes "top 3" or "top ten"; returns whether there was one. */
  private static boolean takeTop(Words w) {
    for (int i = 0; i + 1 < w.size(); i++) {
      String n = w.at(i + 1);
      if (w.free(i) && w.at(i).equals("top") && (!n.isEmpty() && n.chars().allMatch(Character::isDigit)
          || Set.of("three", "five", "ten", "few").contains(n))) {
        w.take(i, i + 2);
        return true;
      }
    }
    return false;
  }

  /** Reads "first", "last", "longest", "second" before a session; runs after the day reader took "first day". */
  static void readPlace(Words w) {
    // "what closed out the wednesday evening block?", "what kicked off tuesday?"
    boolean last = w.takeSeq("closed", "out") | w.takeSeq("closes", "out") | w.takeSeq("rounded", "out");
    boolean first = w.takeSeq("kicked", "off") | w.takeSeq("kicks", "off") | w.takeSeq("第一", "一个")
        | w.takeSeq("第一", "一场"); // "第一个环节": the first session (but "第一次", the first time, is a story)
    last |= w.takeSeq("最后", "后一", "一个") | w.takeSeq("最后", "后一", "一场");
    for (String opens : List.of("opens", "opened")) {
      int at = w.find(opens);
      if (at > 0 && Set.of("what", "which", "who", "whats").contains(w.at(at - 1))) {
        w.used[at] = true; // "what opens the program tomorrow?"
        first = true;
      }
    }
    // "which ran longer, the kiali workshop or the multicluster one?": a comparison of two, ordered by length
    boolean versus = w.has("or") || w.has("vs") || w.has("versus");
    for (String longer : List.of("longer", "shorter")) {
      int at = w.find(longer);
      if (at >= 0 && versus && w.order == Query.Order.NONE) {
        w.used[at] = true;
        w.order = longer.equals("longer") ? Query.Order.LONGEST : Query.Order.SHORTEST;
        w.takeAny("ran", "lasted", "was", "is");
      }
    }
    if ((last || first) && w.order == Query.Order.NONE) {
      w.order = last ? Query.Order.LATEST : Query.Order.EARLIEST;
      w.pick = 1;
    }
    for (int i = 0; i < w.size(); i++) {
      if (!w.free(i)) {
        continue;
      }
      String word = w.at(i);
      int ordinal = ORDINALS.indexOf(word) >= 0 ? ORDINALS.indexOf(word) + 2
          : NUMBERED.indexOf(word) >= 0 ? NUMBERED.indexOf(word) + 2 : 0;
      Query.Order order = EARLY.contains(word) ? Query.Order.EARLIEST : LATE.contains(word) ? Query.Order.LATEST
          : LONG.contains(word) ? Query.Order.LONGEST : SHORT.contains(word) ? Query.Order.SHORTEST
          : ordinal > 0 ? Query.Order.EARLIEST : null;
      if (order == null || !namesASession(w, i)) {
        continue;
      }
      if (w.order == Query.Order.NONE) {
        w.order = order;
      }
      w.pick = Math.max(1, ordinal);
      w.used[i] = true;
      w.takeAny("very");
    }
  }

  /**
   * Returns whether the word at {@code i} describes a session: "first talk", "the last one", "the
   * shortest non-lightning session", "second biggest audience", "the longest?".
   */
  private static boolean namesASession(Words w, int i) {
    for (int k = i + 1; k <= i + 4 && k < w.size(); k++) {
      String next = w.at(k);
      if (TimeReader.SESSION_NOUNS.contains(next) || TypeWords.single(next) != null
          || Set.of("adoption", "case", "user", "technical").contains(next)) {
        return true;
      }
      if (!w.free(k) && w.order != Query.Order.NONE && k == i + 1) {
        return true; // "the second biggest audience": the order was read already
      }
      boolean passable = !w.free(k) || w.negated[k] || Set.of("very", "big", "main", "english", "chinese", "live",
          "scheduled", "real", "actual", "non", "full", "length", "proper").contains(next);
      if (!passable) {
        break;
      }
    }
    // "what's first after lunch?": only time follows
    boolean onlyTime = i + 1 < w.size();
    for (int k = i + 1; k < w.size(); k++) {
      onlyTime &= !w.free(k) || Lexicon.isFiller(w.at(k));
    }
    if (onlyTime && Set.of("whats", "what", "s", "is", "was").contains(w.at(i - 1))) {
      return true;
    }
    // "which one was the longest?": a superlative at the end of a question, after "the"
    return w.at(i - 1).equals("the") && (w.at(i + 1).isEmpty() || Set.of("on", "of", "in", "at", "one").contains(w.at(i + 1)))
        && !EARLY.contains(w.at(i)) && !LATE.contains(w.at(i));
  }
}
