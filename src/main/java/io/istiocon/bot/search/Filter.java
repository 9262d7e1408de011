package io.istiocon.bot.search;

import io.istiocon.bot.catalog.SessionType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A question's filters and exclusions, tied to the moment and zone of asking: kinds of session,
 * languages, time ({@link TimeWindow}), session length, and the sessions of an excluded speaker or
 * company. Also orders sessions the way the question asks ({@link #sort}).
 */
final class Filter {
  /** A length asked for matches sessions within this share of it ("10-minute talks" finds 8 to 12). */
  private static final double LENGTH_TOLERANCE = 0.2;

  final Query query;
  final TimeWindow time;
  private final int typeMask;
  private final int notTypeMask;
  private final boolean[] languageOk; // per language id, or null for any language
  private final int[] excluded; // sorted session numbers, or null
  private final long minLength;
  private final long maxLength;
  /** For "what did I miss": sessions still running after this second come after those over; else MAX_VALUE. */
  private final long runningAfter;

  Filter(SearchIndex index, Query query, Instant now, ZoneId asker, int[] excluded) {
    this.query = query;
    this.time = TimeWindow.of(index, query.when(), now, asker);
    this.typeMask = mask(query.types());
    this.notTypeMask = mask(query.notTypes());
    List<String> known = index.schedule().languages();
    if (query.languages().isEmpty() && query.notLanguages().isEmpty()) {
      this.languageOk = null;
    } else {
      this.languageOk = new boolean[known.size()];
      for (int id = 0; id < known.size(); id++) {
        String language = known.get(id);
        languageOk[id] = (query.languages().isEmpty() || matches(query.languages(), language))
            && !matches(query.notLanguages(), language);
      }
    }
    this.excluded = excluded;
    When when = query.when();
    boolean missed = when.clip() == When.Clip.TO_NOW
        || when.around() != null && when.around().kind() == When.Kind.EARLIER_TODAY;
    this.runningAfter = missed && query.order() == Query.Order.LATEST ? now.getEpochSecond() : Long.MAX_VALUE;
    if (query.length() == null) {
      this.minLength = -1;
      this.maxLength = Long.MAX_VALUE;
    } else {
      long seconds = query.length().getSeconds();
      this.minLength = query.lengthBound() < 0 ? -1 : Math.round(seconds * (query.lengthBound() > 0 ? 1 : 1 - LENGTH_TOLERANCE));
      this.maxLength = query.lengthBound() > 0 ? Long.MAX_VALUE
          : query.lengthBound() < 0 ? seconds : Math.round(seconds * (1 + LENGTH_TOLERANCE));
    }
  }

  private static int mask(Iterable<SessionType> types) {
    int mask = 0;
    for (SessionType type : types) {
      mask |= 1 << type.ordinal();
    }
    return mask;
  }

  private static boolean matches(Iterable<String> wanted, String language) {
    for (String w : wanted) {
      if (language.equals(w) || language.startsWith(w + "-")) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether the session passes every filter. */
  boolean accepts(SearchIndex index, int d) {
    Schedule s = index.schedule();
    int type = 1 << s.type(d);
    if (typeMask != 0 && (typeMask & type) == 0 || (notTypeMask & type) != 0) {
      return false;
    }
    if (languageOk != null && !languageOk[s.language(d)]) {
      return false;
    }
    long length = s.end(d) - s.start(d);
    if (length < minLength || length > maxLength) {
      return false;
    }
    if (excluded != null && Arrays.binarySearch(excluded, d) >= 0) {
      return false;
    }
    Query.Audience audience = query.audience();
    if (audience != null && (s.popularity(d) < audience.min() || s.popularity(d) > audience.max()
        || s.popularity(d) < 0)) {
      return false;
    }
    if (query.lead() == Query.Lead.NO_VIDEO && index.doc(d).videoLink().isPresent()
        || query.lead() == Query.Lead.NO_SLIDES && index.doc(d).slidesLink().isPresent()) {
      return false;
    }
    return time.accepts(s, d);
  }

  /** Returns every session the filters accept, in the question's order. */
  Ranker.Selection all(SearchIndex index) {
    int[] order = index.schedule().chronological();
    int[] range = time.range(index.schedule(), index.size());
    int[] accepted = new int[Math.max(0, range[1] - range[0])];
    int count = 0;
    for (int r = range[0]; r < range[1]; r++) {
      if (accepts(index, order[r])) {
        accepted[count++] = order[r];
      }
    }
    return selection(index, accepted, count);
  }

  /** Returns the accepted ones of {@code docs}, in the question's order. */
  Ranker.Selection within(SearchIndex index, int[] docs) {
    int[] accepted = new int[docs.length];
    int count = 0;
    for (int d : docs) {
      if (accepts(index, d)) {
        accepted[count++] = d;
      }
    }
    return selection(index, accepted, count);
  }

  private Ranker.Selection selection(SearchIndex index, int[] docs, int count) {
    int[] sorted = sort(index, docs, count);
    List<Answer.Hit> out = new ArrayList<>(Math.min(sorted.length, Answer.MAX_HITS));
    for (int i = 0; i < sorted.length && out.size() < Answer.MAX_HITS; i++) {
      out.add(new Answer.Hit(index.doc(sorted[i]), 1.0));
    }
    return new Ranker.Selection(out, count, true);
  }

  /**
   * Sorts sessions in the question's order: program order, most or least watched (sessions without
   * a figure last), latest first, or longest or shortest first; ties in program order. What was
   * missed comes latest first, those over before those still running ("what did I just miss").
   */
  int[] sort(SearchIndex index, int[] docs, int count) {
    Query.Order order = query.order();
    Schedule s = index.schedule();
    long[] keys = new long[count];
    int n = s.chronological().length;
    for (int i = 0; i < count; i++) {
      int d = docs[i];
      long primary = s.end(d) > runningAfter ? 1 : primary(s, d, order);
      keys[i] = (primary << 32) | (order == Query.Order.LATEST ? n - 1 - s.chronoRank(d) : s.chronoRank(d));
    }
    Arrays.sort(keys);
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      int rank = (int) (keys[i] & 0xffffffffL);
      out[i] = s.chronological()[order == Query.Order.LATEST ? n - 1 - rank : rank];
    }
    return out;
  }

  /** Returns the sort key before program order: smaller first, at most 31 bits. */
  static long primary(Schedule s, int d, Query.Order order) {
    int popularity = s.popularity(d);
    long length = Math.min(Integer.MAX_VALUE - 1, s.end(d) - s.start(d));
    return switch (order) {
      case POPULAR -> Integer.MAX_VALUE - 1L - Math.max(-1, popularity);
      case UNPOPULAR -> popularity < 0 ? Integer.MAX_VALUE - 1L : popularity;
      case LONGEST -> Integer.MAX_VALUE - 1L - length;
      case SHORTEST -> length;
      default -> 0;
    };
  }
}
