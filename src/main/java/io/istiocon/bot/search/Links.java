package io.istiocon.bot.search;

import java.util.Set;

/**
 * A link asked for by its absence: "which sessions don't have a video recording?", "sessions with no
 * slides posted", "talks without slides", "which ones are missing a recording". The sessions that
 * lack it are the answer, as a filter.
 */
final class Links {
  private static final Set<String> VIDEO = Set.of("video", "videos", "recording", "recordings", "recorded", "youtube",
      "replay", "replays", "视频", "录像", "回放");
  private static final Set<String> SLIDES = Set.of("slides", "slide", "deck", "decks", "pdf", "pdfs", "幻灯片", "讲义");
  private static final Set<String> ABSENT = Set.of("without", "dont", "doesnt", "didnt", "missing", "lack", "lacking",
      "lacks", "没有");
  /** Words after which "no" says a link is absent ("with no slides", "have no recording"). */
  private static final Set<String> HAVING = Set.of("with", "have", "has", "had", "got");
  /** Words that ask for a set of sessions, one of which must come first ("which…", "sessions…", "talks…"). */
  private static final Set<String> ASKING = Set.of("which", "sessions", "talks", "keynotes", "workshops", "ones",
      "presentations", "哪些");
  private static final Set<String> AFTER = Set.of("posted", "uploaded", "available", "shared", "online", "up", "yet");
  /** How many words before a link word an absence may be said ("don't have a video recording"). */
  private static final int REACH = 4;

  private Links() {}

  /** Returns the lead that asks for sessions without a link, or null when no link is said to be missing. */
  static Query.Lead missing(Words w) {
    for (int i = 0; i < w.size(); i++) {
      String word = w.at(i);
      boolean video = VIDEO.contains(word);
      if (!video && !SLIDES.contains(word)) {
        continue;
      }
      for (int j = Math.max(0, i - REACH); j < i; j++) {
        boolean absent = ABSENT.contains(w.at(j)) || w.at(j).equals("no") && HAVING.contains(w.at(j - 1));
        absent |= w.at(j).equals("t") && (w.at(j - 1).equals("don") || w.at(j - 1).equals("doesn"));
        if (absent && asksForSessions(w, j)) {
          for (int k = j; k <= i; k++) {
            w.negated[k] = false;
          }
          w.take(j, AFTER.contains(w.at(i + 1)) ? i + 2 : i + 1); // "no slides posted"
          return video ? Query.Lead.NO_VIDEO : Query.Lead.NO_SLIDES;
        }
      }
      if (!asksForSessions(w, i)) {
        continue;
      }
      if (w.at(i + 1).equals("missing") || w.at(i + 1).equals("posted") && w.at(i - 1).equals("no")) {
        w.take(i, i + 2);
        return video ? Query.Lead.NO_VIDEO : Query.Lead.NO_SLIDES;
      }
    }
    return null;
  }

  private static boolean asksForSessions(Words w, int before) {
    for (int k = 0; k < before; k++) {
      if (ASKING.contains(w.at(k))) {
        return true;
      }
    }
    return false;
  }
}
