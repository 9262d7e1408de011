package io.istiocon.bot.search;

import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-session facts for filters and orders, in arrays indexed by session number, so a filter never
 * touches the records on the hot path: times, the local day, conference, popularity, type and
 * language; plus the sessions in program order and in popularity order.
 */
final class Schedule {
  private final long[] startSeconds;
  private final long[] endSeconds;
  private final int[] localDay;
  private final int[] conference;
  private final int[] popularity;
  private final byte[] type;
  private final int[] language;
  private final List<String> languages = new ArrayList<>();
  private final int[] chronological;
  private final int[] chronoRank;
  private final long[] chronoStarts;
  private final int[] byPopularity;
  private final long longestSeconds;

  Schedule(Catalog catalog, Session[] docs) {
    int n = docs.length;
    startSeconds = new long[n];
    endSeconds = new long[n];
    localDay = new int[n];
    conference = new int[n];
    popularity = new int[n];
    type = new byte[n];
    language = new int[n];
    Map<String, Integer> conferenceIds = new HashMap<>();
    for (Conference c : catalog.conferences()) {
      conferenceIds.put(c.id(), conferenceIds.size());
    }
    Map<String, Integer> languageIds = new HashMap<>();
    long longest = 0;
    for (int d = 0; d < n; d++) {
      Session s = docs[d];
      conference[d] = conferenceIds.get(s.conference());
      startSeconds[d] = s.start().getEpochSecond();
      endSeconds[d] = s.end().getEpochSecond();
      longest = Math.max(longest, endSeconds[d] - startSeconds[d]);
      localDay[d] = (int) catalog.conferences().get(conference[d]).dayOf(s.start()).toEpochDay();
      popularity[d] = s.popularity().orElse(-1);
      type[d] = (byte) s.type().ordinal();
      language[d] = languageIds.computeIfAbsent(s.language(), l -> {
        languages.add(l);
        return languages.size() - 1;
      });
    }
    longestSeconds = longest;
    // Program order across conferences (start, end, conference, id), and the most watched first.
    Integer[] order = new Integer[n];
    for (int d = 0; d < n; d++) {
      order[d] = d;
    }
    Arrays.sort(order, (a, b) -> {
      int c = Long.compare(startSeconds[a], startSeconds[b]);
      if (c == 0) {
        c = Long.compare(endSeconds[a], endSeconds[b]);
      }
      if (c == 0) {
        c = docs[a].conference().compareTo(docs[b].conference());
      }
      return c != 0 ? c : docs[a].id().compareTo(docs[b].id());
    });
    chronological = new int[n];
    chronoRank = new int[n];
    chronoStarts = new long[n];
    for (int r = 0; r < n; r++) {
      chronological[r] = order[r];
      chronoRank[order[r]] = r;
      chronoStarts[r] = startSeconds[order[r]];
    }
    Integer[] popular = order.clone();
    Arrays.sort(popular, (a, b) -> popularity[a] != popularity[b] ? Integer.compare(popularity[b], popularity[a])
        : Integer.compare(chronoRank[a], chronoRank[b]));
    byPopularity = new int[n];
    for (int r = 0; r < n; r++) {
      byPopularity[r] = popular[r];
    }
  }

  long start(int d) {
    return startSeconds[d];
  }

  long end(int d) {
    return endSeconds[d];
  }

  /** Returns the session's start date in its conference's zone, as an epoch day. */
  int localDay(int d) {
    return localDay[d];
  }

  /** Returns the index of the session's conference in {@link Catalog#conferences()}. */
  int conference(int d) {
    return conference[d];
  }

  /** Returns the live viewers, or -1 when the catalog does not say. */
  int popularity(int d) {
    return popularity[d];
  }

  /** Returns the ordinal of the session's {@link io.istiocon.bot.catalog.SessionType}. */
  int type(int d) {
    return type[d];
  }

  /** Returns the id of the session's language in {@link #languages()}. */
  int language(int d) {
    return language[d];
  }

  /** Returns the distinct languages, indexed by language id. */
  List<String> languages() {
    return languages;
  }

  /** Returns the sessions in program order (start, end, conference, id). Callers must not change it. */
  int[] chronological() {
    return chronological;
  }

  /** Returns a session's place in program order: smaller comes first. */
  int chronoRank(int d) {
    return chronoRank[d];
  }

  /** Returns the sessions most watched first, then in program order. Callers must not change it. */
  int[] byPopularity() {
    return byPopularity;
  }

  /** Returns the first place in program order whose session starts at or after the instant. */
  int firstStartingAtOrAfter(long epochSecond) {
    int lo = 0;
    int hi = chronoStarts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (chronoStarts[mid] < epochSecond) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Returns the longest session's length in seconds. */
  long longestSeconds() {
    return longestSeconds;
  }
}
