package io.istiocon.bot.search;

import io.istiocon.bot.catalog.SessionType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the kinds of session and the languages a question asks for, or excludes: "keynotes",
 * "hands-on labs", "case studies", "talks in Chinese", "not the lightning ones", "without the
 * Chinese sessions". A word inside an exclusion ({@link Words#negated}) goes to the exclusions.
 */
final class TypeWords {
  private static final Map<String, SessionType> SINGLE = Map.ofEntries(
      Map.entry("keynote", SessionType.KEYNOTE), Map.entry("keynotes", SessionType.KEYNOTE),
      Map.entry("主题演讲", SessionType.KEYNOTE), Map.entry("workshop", SessionType.WORKSHOP),
      Map.entry("workshops", SessionType.WORKSHOP), Map.entry("tutorial", SessionType.WORKSHOP),
      Map.entry("tutorials", SessionType.WORKSHOP), Map.entry("lab", SessionType.WORKSHOP),
      Map.entry("labs", SessionType.WORKSHOP), Map.entry("工作坊", SessionType.WORKSHOP),
      Map.entry("lightning", SessionType.LIGHTNING), Map.entry("闪电", SessionType.LIGHTNING),
      Map.entry("spotlight", SessionType.SPOTLIGHT), Map.entry("spotlights", SessionType.SPOTLIGHT),
      Map.entry("panel", SessionType.PANEL), Map.entry("panels", SessionType.PANEL),
      Map.entry("social", SessionType.SOCIAL), Map.entry("socials", SessionType.SOCIAL),
      Map.entry("party", SessionType.SOCIAL), Map.entry("parties", SessionType.SOCIAL));

  /** Words that make "adoption" a kind of session rather than a topic ("adoption stories"). */
  private static final List<String> ADOPTION_NOUNS = List.of("story", "stories", "journey", "journeys", "talk", "talks",
      "session", "sessions", "case", "cases", "track", "tracks");

  private TypeWords() {}

  /** Returns the kind of session one word names ("keynotes", "lab"), or null. */
  static SessionType single(String word) {
    return SINGLE.get(word);
  }

  /** Reads kinds of session and languages, filing negated ones under the exclusions. */
  static void read(Words w) {
    readTypes(w);
    readLanguages(w);
  }

  private static void add(Words w, int at, SessionType... types) {
    Set<SessionType> into = at >= 0 && w.negated[at] ? w.notTypes : w.types;
    into.addAll(List.of(types));
  }

  /** Nouns a qualifier of a kind of talk goes with: "full-length talks", "the next actual talk". */
  private static final Set<String> TALK_NOUNS = Set.of("talk", "talks", "presentation", "presentations", "session",
      "sessions", "one", "ones");

  /**
   * Reads what a talk is said to be rather than its kind: "full-length" and "long-form" talks are no
   * lightning talks, an "actual" ("real", "proper") talk is no social session or office hours.
   */
  private static void readQualifiers(Words w) {
    for (int i = 0; i < w.size(); i++) {
      if (!w.free(i)) {
        continue;
      }
      boolean full = Set.of("full", "long").contains(w.at(i)) && Set.of("length", "form").contains(w.at(i + 1))
          || w.at(i).equals("fulllength");
      boolean actual = Set.of("actual", "real", "proper").contains(w.at(i));
      if (!full && !actual) {
        continue;
      }
      int words = full && !w.at(i).equals("fulllength") ? 2 : 1;
      int noun = i + words;
      while (noun < i + words + 2 && Set.of("chinese", "english", "language", "technical", "tech").contains(w.at(noun))) {
        noun++; // "full-length chinese talks"
      }
      if (!TALK_NOUNS.contains(w.at(noun))) {
        continue;
      }
      w.take(i, i + words);
      (w.negated[i] ? w.types : w.notTypes).add(full ? SessionType.LIGHTNING : SessionType.SOCIAL);
    }
  }

  private static void readTypes(Words w) {
    readQualifiers(w);
    // Longest phrases first: "adoption case studies" is adoption stories, "case studies" also spotlights.
    for (String what : ADOPTION_NOUNS) {
      int at = w.find("adoption", what);
      if (at >= 0) {
        w.take(at, at + 2);
        w.takeSeq("studies");
        add(w, at, SessionType.ADOPTION);
      }
    }
    for (String[] seq : new String[][] {{"case", "study"}, {"case", "studies"}, {"end", "user"}, {"user", "stories"},
        {"user", "story"}, {"enduser"}, {"endusers"}}) {
      int at = w.find(seq);
      if (at >= 0) {
        w.take(at, at + seq.length);
        add(w, at, SessionType.ADOPTION, SessionType.SPOTLIGHT);
      }
    }
    for (String[] seq : new String[][] {{"user", "spotlight"}, {"user", "spotlights"}, {"hands", "on"},
        {"networking", "event"}, {"networking", "events"}, {"technical", "talk"}, {"technical", "talks"},
        {"tech", "talk"}, {"tech", "talks"}, {"hang", "out"}, {"hangout"}, {"meet", "people"}, {"meet", "other"},
        {"mingle"}, {"socialize"}, {"socialise"}, {"happy", "hour"}}) {
      int at = w.find(seq);
      if (at >= 0) {
        w.take(at, at + seq.length);
        add(w, at, seq[0].equals("user") ? SessionType.SPOTLIGHT : seq[0].equals("hands") ? SessionType.WORKSHOP
            : seq[0].equals("tech") || seq[0].equals("technical") ? SessionType.TALK : SessionType.SOCIAL);
      }
    }
    for (int i = 0; i < w.size(); i++) {
      SessionType type = SINGLE.get(w.at(i));
      if (type != null && w.free(i)) {
        w.used[i] = true;
        add(w, i, type);
        if (Set.of("track", "tracks").contains(w.at(i + 1)) && w.free(i + 1)) {
          w.used[i + 1] = true; // "the lightning track": a conference without tracks calls its kinds so
        }
      }
    }
  }

  private static final java.util.Map<String, String> LANGUAGES = languages();

  /** Returns the code of another language named as one ("in japanese", "german-language talks"), or null. */
  private static String otherLanguage(Words w, int i) {
    String code = LANGUAGES.get(w.at(i));
    boolean asLanguage = w.at(i - 1).equals("in") || Set.of("language", "speaking", "spoken").contains(w.at(i + 1))
        || TimeReader.SESSION_NOUNS.contains(w.at(i + 1)) || TypeWords.single(w.at(i + 1)) != null;
    return code != null && asLanguage ? code : null;
  }

  /** Returns the languages by their folded English names ("japanese" is ja). */
  private static java.util.Map<String, String> languages() {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (String code : java.util.Locale.getISOLanguages()) {
      String name = Text.fold(new java.util.Locale(code).getDisplayLanguage(java.util.Locale.ENGLISH));
      if (!name.isEmpty() && !name.contains(" ")) {
        out.putIfAbsent(name, code);
      }
    }
    return java.util.Map.copyOf(out);
  }

  private static void readLanguages(Words w) {
    for (int i = 0; i < w.size(); i++) {
      if (!w.free(i)) {
        continue;
      }
      String word = w.at(i);
      String language = switch (word) {
        case "chinese", "mandarin", "中文", "汉语", "普通话", "zh" -> "zh";
        case "english", "en", "英文", "英语" -> "en";
        default -> word.equals("in") && w.at(i + 1).equals("china") && w.free(i + 1) ? "zh" : otherLanguage(w, i);
      };
      if (language == null) {
        continue;
      }
      w.take(i, word.equals("in") ? i + 2 : i + 1);
      (w.negated[i] ? w.notLanguages : w.languages).add(language);
      if (w.at(i + 1).equals("language") || w.at(i + 1).equals("speaking")) {
        w.used[i + 1] = true; // "chinese-language sessions"
      }
    }
  }
}
