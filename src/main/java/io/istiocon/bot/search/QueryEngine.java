package io.istiocon.bot.search;

import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.SessionType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers questions against a {@link SearchIndex}: reads the question, turns its topic words into
 * concepts (with typo corrections, synonyms, compounds and named speakers or companies), filters
 * and ranks the sessions, and explains empty answers. Stateless and thread-safe.
 */
public final class QueryEngine {
  private static final float SYNONYM_WEIGHT = 0.9f;
  private static final float SPLIT_WEIGHT = 0.8f;
  private static final float FUZZY1_WEIGHT = 0.7f;
  private static final float FUZZY2_WEIGHT = 0.5f;
  private static final float PREFIX_WEIGHT = 0.5f;
  private static final float CATALOG_TYPO_WEIGHT = 0.2f;
  private static final int PHRASE_CHECK = 200;
  private static final int LARGE_CATALOG = 1000;
  /** Ranked answers keep this many sessions in order (set answers keep up to {@link Answer#MAX_HITS}). */
  private static final int RANKED_HITS = 200;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private final QueryParser parser = new QueryParser();

  /** Parses and answers a question. */
  public Answer answer(SearchIndex index, String question, Instant now) {
    return answer(index, parser.parse(question), now);
  }

  /** Parses a question without answering it. */
  public Query parse(String question) {
    return parser.parse(question);
  }

  /** Answers a parsed question at the given instant. */
  public Answer answer(SearchIndex index, Query query, Instant now) {
    List<String> notes = new ArrayList<>();
    if (query.truncated()) {
      notes.add("Your question was cut to its first " + QueryParser.MAX_LENGTH + " characters.");
    }
    if (query.intent() == Query.Intent.HELP || query.intent() == Query.Intent.ABOUT) {
      return empty(index, query, query.intent(), notes, List.of());
    }
    if (index.size() == 0) {
      notes.add("No catalog is loaded yet.");
      return empty(index, query, query.intent(), notes, List.of());
    }
    Session byId = sessionById(index, query);
    if (byId != null) {
      return new Answer(query, Query.Intent.SESSION_ID, List.of(new Answer.Hit(byId, 1.0)), 1, false, notes, List.of(),
          index.catalog());
    }
    Filter filter = new Filter(index, query, now);
    List<Concept> concepts = concepts(index, query.content());
    List<Concept> known = concepts.stream().filter(c -> !c.alternatives.isEmpty()).toList();
    List<String> unknown = concepts.stream().filter(c -> c.alternatives.isEmpty() && !c.han).map(c -> c.text).toList();
    Query.Intent intent = query.intent();
    if (known.isEmpty() && !unknown.isEmpty()) {
      if (query.hasFilters() || query.popular()) {
        // "beginner workshop": no session says "beginner", but the workshops are still the answer.
        notes.add("No session mentions " + quoted(unknown) + "; showing everything else the question asks for.");
        Selection all = filter.all(index, query.popular());
        if (all.total > 0) {
          return new Answer(query, intent, all.hits, all.total, true, notes, List.of(), index.catalog());
        }
      } else {
        notes.add("No session mentions " + quoted(unknown) + ".");
      }
      return empty(index, query, intent, notes, suggest(index, query));
    }
    if (!unknown.isEmpty()) {
      notes.add("No session mentions " + quoted(unknown) + "; showing matches for the rest.");
    }
    List<Entity> entities = known.stream().filter(c -> c.entity != null).map(c -> c.entity).toList();
    boolean entityOnly = !entities.isEmpty() && entities.size() == known.size();
    if (entityOnly && (intent == Query.Intent.SEARCH || intent == Query.Intent.SPEAKER)) {
      intent = entities.get(0).kind() == Entity.Kind.SPEAKER ? Query.Intent.SPEAKER : Query.Intent.COMPANY;
    }
    Selection selection = select(index, query, known, entities, filter);
    if (selection.total == 0) {
      explainEmpty(index, query, filter, now, notes);
      Selection relaxed = relaxed(index, query, known, entities, now, notes);
      if (relaxed.total > 0) {
        return new Answer(query, intent, relaxed.hits, relaxed.total, relaxed.set, notes, List.of(), index.catalog());
      }
      return empty(index, query, intent, notes, suggest(index, query));
    }
    if (selection.total > selection.hits.size()) {
      notes.add("Showing the first " + selection.hits.size() + " of " + selection.total + " sessions.");
    }
    return new Answer(query, intent, selection.hits, selection.total, selection.set, notes, List.of(), index.catalog());
  }

  private static Answer empty(SearchIndex index, Query query, Query.Intent intent, List<String> notes,
      List<String> suggestions) {
    return new Answer(query, intent, List.of(), 0, false, notes, suggestions, index.catalog());
  }

  /** Sessions chosen for an answer, in order; {@code total} counts beyond the cap. */
  private record Selection(List<Answer.Hit> hits, int total, boolean set) {
    static final Selection NONE = new Selection(List.of(), 0, false);
  }

  private Selection select(SearchIndex index, Query query, List<Concept> known, List<Entity> entities, Filter filter) {
    if (known.isEmpty()) {
      return filter.all(index, query.popular());
    }
    if (!entities.isEmpty() && entities.size() == known.size()) {
      return entitySet(index, entities, filter, query.popular());
    }
    return rank(index, query, known, entities, filter);
  }

  // ---- concepts ---------------------------------------------------------------------------

  /** One idea in a question: a word or phrase, and the index terms that may stand for it. */
  static final class Concept {
    final String text;
    final boolean han;
    final List<List<String>> alternatives = new ArrayList<>();
    final List<Float> weights = new ArrayList<>();
    Entity entity;

    Concept(String text, boolean han) {
      this.text = text;
      this.han = han;
    }

    void add(List<String> stems, float weight) {
      int at = alternatives.indexOf(stems);
      if (at >= 0) {
        weights.set(at, Math.max(weights.get(at), weight));
      } else {
        alternatives.add(List.copyOf(stems));
        weights.add(weight);
      }
    }

    /** Returns the stems that stand for the concept itself (its first alternative). */
    List<String> primary() {
      return alternatives.isEmpty() ? List.of() : alternatives.get(0);
    }
  }

  /** A question word after correction against the catalog's vocabulary. */
  private record Slot(Text.Word word, String best, List<List<String>> alts, List<Float> weights) {}

  static int maxEdits(String word) {
    int n = word.length();
    return n < 4 ? 0 : n <= 6 ? 1 : 2;
  }

  private List<Concept> concepts(SearchIndex index, List<Text.Word> content) {
    List<Text.Word> words = new ArrayList<>();
    Map<Integer, Text.Word> glues = new HashMap<>();
    for (Text.Word word : content) {
      if (word.joined()) {
        glues.put(word.position(), word);
      } else {
        words.add(word);
      }
    }
    List<Slot> slots = new ArrayList<>();
    for (Text.Word word : words) {
      slots.add(correct(index, word));
    }
    List<Concept> concepts = new ArrayList<>();
    int i = 0;
    while (i < slots.size()) {
      Slot slot = slots.get(i);
      // 1. A speaker or company named by the next words.
      int entityLength = entityAt(index, slots, i);
      if (entityLength > 0) {
        List<String> key = bests(slots, i, entityLength);
        Entity entity = index.entity(key);
        if (entity == null) {
          entity = index.entity(List.of(String.join("", key)));
        }
        Concept c = new Concept(String.join(" ", key), false);
        c.entity = entity;
        c.add(stems(key), 1f);
        if (entityLength > 1) {
          c.add(List.of(Stemmer.stem(String.join("", key))), 1f);
        }
        concepts.add(c);
        i += entityLength;
        continue;
      }
      // 2. A compound, written glued or apart ("multi-cluster", "multi cluster", "multicluster").
      Text.Word glue = glues.get(slot.word.position());
      int span = 0;
      String joined = null;
      if (glue != null && glue.span() > 1 && i + glue.span() <= slots.size()) {
        span = glue.span();
        joined = glue.text();
      } else if (i + 1 < slots.size() && !slot.word.han() && !slots.get(i + 1).word.han()
          && slots.get(i + 1).word.position() == slot.word.position() + 1) {
        String glued = slot.best + slots.get(i + 1).best;
        if (index.surfaceDf(glued) > 0) {
          span = 2;
          joined = glued;
        }
      }
      // 3. Synonyms, longest phrase first.
      List<String> bestStems = new ArrayList<>();
      for (int k = i; k < slots.size(); k++) {
        bestStems.add(stemOf(slots.get(k)));
      }
      Synonyms.Match synonym = index.synonyms().longestAt(bestStems, 0);
      if (synonym != null && synonym.length() >= Math.max(span, 1)) {
        Concept c = new Concept(text(slots, i, synonym.length()), slot.word.han());
        List<String> matched = bestStems.subList(0, synonym.length());
        if (synonym.length() == 1) {
          addSlot(c, slot);
        } else {
          c.add(matched, 1f);
          c.add(List.of(String.join("", matched)), 1f);
        }
        for (List<String> alt : synonym.alternatives()) {
          c.add(alt, SYNONYM_WEIGHT);
          if (alt.size() > 1) {
            c.add(List.of(String.join("", alt)), SYNONYM_WEIGHT);
          }
        }
        concepts.add(c);
        i += synonym.length();
        continue;
      }
      if (span > 1) {
        Concept c = new Concept(text(slots, i, span), false);
        c.add(bestStems.subList(0, span), 1f);
        c.add(List.of(Stemmer.stem(joined)), 1f);
        concepts.add(c);
        i += span;
        continue;
      }
      Concept c = new Concept(slot.word.text(), slot.word.han());
      addSlot(c, slot);
      concepts.add(c);
      i++;
    }
    concepts.removeIf(c -> c.alternatives.stream().noneMatch(alt -> alt.stream().allMatch(index::hasStem))
        && clearUnknown(c));
    return concepts;
  }

  /** Drops alternatives the index has never seen; a concept left with none is unknown. */
  private static boolean clearUnknown(Concept c) {
    c.alternatives.clear();
    c.weights.clear();
    return c.han; // unknown Han bigrams ("有什") are dropped quietly: they are usually question words
  }

  private static void addSlot(Concept c, Slot slot) {
    for (int k = 0; k < slot.alts.size(); k++) {
      c.add(slot.alts.get(k), slot.weights.get(k));
    }
  }

  private static String stemOf(Slot slot) {
    return slot.word.han() ? slot.best : Stemmer.stem(slot.best);
  }

  private static List<String> stems(List<String> surfaces) {
    return surfaces.stream().map(Stemmer::stem).toList();
  }

  private static List<String> bests(List<Slot> slots, int from, int length) {
    List<String> out = new ArrayList<>();
    for (int k = from; k < from + length; k++) {
      out.add(slots.get(k).best);
    }
    return out;
  }

  private static String text(List<Slot> slots, int from, int length) {
    List<String> out = new ArrayList<>();
    for (int k = from; k < from + length; k++) {
      out.add(slots.get(k).word.text());
    }
    return String.join(" ", out);
  }

  private static int entityAt(SearchIndex index, List<Slot> slots, int i) {
    for (int len = Math.min(index.longestEntityKey(), slots.size() - i); len >= 1; len--) {
      if (slots.get(i + len - 1).word.position() != slots.get(i).word.position() + len - 1) {
        continue; // only adjacent words name someone
      }
      List<String> key = bests(slots, i, len);
      if (index.entity(key) != null) {
        return len;
      }
      if (len == 2 && index.entity(List.of(String.join("", key))) != null) {
        return len;
      }
    }
    return 0;
  }

  /** Corrects a question word against the catalog's words: exact, then typo, prefix or split. */
  private static Slot correct(SearchIndex index, Text.Word word) {
    String w = word.text();
    String stem = word.han() ? w : Stemmer.stem(w);
    List<List<String>> alts = new ArrayList<>();
    List<Float> weights = new ArrayList<>();
    if (word.han() || index.surfaceDf(w) > 0 || index.hasStem(stem) || w.length() < 4 || isNumeric(w)) {
      String typoOf = word.han() ? null : catalogTypo(index, w);
      if (typoOf != null) {
        // The catalog's own rare misspelling ("Isito-cni") should not outrank what was meant.
        alts.add(List.of(Stemmer.stem(typoOf)));
        weights.add(1f);
        alts.add(List.of(stem));
        weights.add(CATALOG_TYPO_WEIGHT);
        return new Slot(word, typoOf, alts, weights);
      }
      alts.add(List.of(stem));
      weights.add(1f);
      return new Slot(word, w, alts, weights);
    }
    List<FuzzyDictionary.Candidate> near = new ArrayList<>(index.near(w, maxEdits(w)));
    if (!near.isEmpty()) {
      near.sort(Comparator.comparingInt(FuzzyDictionary.Candidate::distance)
          .thenComparing(c -> -index.surfaceDf(c.word()))
          .thenComparing(FuzzyDictionary.Candidate::word));
      int best = near.get(0).distance();
      String bestWord = near.get(0).word();
      for (FuzzyDictionary.Candidate c : near) {
        if (c.distance() > best || alts.size() >= 3) {
          break;
        }
        alts.add(List.of(Stemmer.stem(c.word())));
        weights.add(c.distance() == 1 ? FUZZY1_WEIGHT : FUZZY2_WEIGHT);
      }
      return new Slot(word, bestWord, alts, weights);
    }
    // "redhat" -> "red hat"
    for (int cut = 2; cut <= w.length() - 2; cut++) {
      String left = w.substring(0, cut);
      String right = w.substring(cut);
      if (index.surfaceDf(left) > 0 && index.surfaceDf(right) > 0 && left.length() + right.length() >= 5) {
        alts.add(List.of(Stemmer.stem(left), Stemmer.stem(right)));
        weights.add(SPLIT_WEIGHT);
        return new Slot(word, w, alts, weights);
      }
    }
    List<String> completions = new ArrayList<>(index.withPrefix(w, 64));
    completions.sort(Comparator.comparing((String c) -> -index.surfaceDf(c)).thenComparing(c -> c));
    for (String completion : completions.subList(0, Math.min(3, completions.size()))) {
      alts.add(List.of(Stemmer.stem(completion)));
      weights.add(PREFIX_WEIGHT);
    }
    return new Slot(word, completions.isEmpty() ? w : completions.get(0), alts, weights);
  }

  /**
   * Returns the word a rare catalog word is probably a misspelling of: the word appears in at most
   * five abstracts and nowhere else, and a word one edit away is used ten times as often.
   */
  private static String catalogTypo(SearchIndex index, String w) {
    int df = index.surfaceDf(w);
    if (df == 0 || df > 5 || w.length() < 4 || index.isLabelWord(w)) {
      return null;
    }
    String best = null;
    int bestDf = Math.max(10, 10 * df);
    for (FuzzyDictionary.Candidate c : index.near(w, 1)) {
      int cdf = index.surfaceDf(c.word());
      if (cdf >= bestDf) {
        best = c.word();
        bestDf = cdf;
      }
    }
    return best;
  }

  private static boolean isNumeric(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isDigit(w.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  // ---- selecting and ranking --------------------------------------------------------------

  private static Session sessionById(SearchIndex index, Query query) {
    if (query.content().size() != 1) {
      return null;
    }
    String word = query.content().get(0).text();
    if (word.length() < 2 || index.surfaceDf(word) > 0) {
      return null; // a word the program uses is a topic, even if some id is spelled the same
    }
    return index.byId(word);
  }

  /** The question's filters, resolved per conference at the question's instant. */
  private static final class Filter {
    final Query query;
    final long now;
    final int typeMask;
    final int[][] days; // per conference index: epoch days, or null for any day
    final int[] today; // per conference index: today's epoch day in its zone
    final boolean[] languageOk; // per language id, or null for any language

    Filter(SearchIndex index, Query query, Instant instant) {
      this.query = query;
      if (query.languages().isEmpty()) {
        this.languageOk = null;
      } else {
        List<String> known = index.languages();
        this.languageOk = new boolean[known.size()];
        for (int id = 0; id < known.size(); id++) {
          for (String wanted : query.languages()) {
            languageOk[id] |= known.get(id).equals(wanted) || known.get(id).startsWith(wanted + "-");
          }
        }
      }
      this.now = instant.getEpochSecond();
      int mask = 0;
      for (SessionType type : query.types()) {
        mask |= 1 << type.ordinal();
      }
      this.typeMask = mask;
      List<Conference> conferences = index.catalog().conferences();
      this.today = new int[conferences.size()];
      this.days = query.days().isEmpty() ? null : new int[conferences.size()][];
      for (int c = 0; c < conferences.size(); c++) {
        Conference conference = conferences.get(c);
        today[c] = (int) conference.dayOf(instant).toEpochDay();
        if (days != null) {
          Set<Integer> dates = new LinkedHashSet<>();
          for (DayRef day : query.days()) {
            day.resolve(conference, instant).forEach(date -> dates.add((int) date.toEpochDay()));
          }
          days[c] = dates.stream().mapToInt(Integer::intValue).toArray();
        }
      }
    }

    boolean accepts(SearchIndex index, int d) {
      if (typeMask != 0 && (typeMask & (1 << index.typeOrdinal(d))) == 0) {
        return false;
      }
      if (languageOk != null && !languageOk[index.languageId(d)]) {
        return false;
      }
      int c = index.conferenceIndex(d);
      if (days != null && !contains(days[c], index.localDay(d))) {
        return false;
      }
      return switch (query.time()) {
        case ANY -> true;
        case NOW -> index.startSeconds(d) <= now && now < index.endSeconds(d);
        case NEXT -> index.startSeconds(d) > now;
        case LATER_TODAY -> index.startSeconds(d) > now && index.localDay(d) == today[c];
      };
    }

    private static boolean contains(int[] values, int value) {
      for (int v : values) {
        if (v == value) {
          return true;
        }
      }
      return false;
    }

    /** Returns the slice of program order that can hold matches; time and day questions need only a part. */
    int[] range(SearchIndex index) {
      int n = index.size();
      int[] range = switch (query.time()) {
        case ANY -> new int[] {0, n};
        case NOW -> new int[] {index.firstStartingAtOrAfter(now - index.longestSeconds()),
            index.firstStartingAtOrAfter(now + 1)};
        case NEXT, LATER_TODAY -> new int[] {index.firstStartingAtOrAfter(now + 1), n};
      };
      if (days != null) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        List<Conference> conferences = index.catalog().conferences();
        for (int c = 0; c < conferences.size(); c++) {
          for (int day : days[c]) {
            java.time.ZoneId zone = conferences.get(c).zone();
            first = Math.min(first, LocalDate.ofEpochDay(day).atStartOfDay(zone).toEpochSecond());
            last = Math.max(last, LocalDate.ofEpochDay(day + 1L).atStartOfDay(zone).toEpochSecond());
          }
        }
        if (first == Long.MAX_VALUE) {
          return new int[] {0, 0};
        }
        range[0] = Math.max(range[0], index.firstStartingAtOrAfter(first));
        range[1] = Math.min(range[1], index.firstStartingAtOrAfter(last));
      }
      return range;
    }

    /** Returns every session the filters accept: most watched first, or in program order. */
    Selection all(SearchIndex index, boolean popular) {
      List<Answer.Hit> out = new ArrayList<>();
      int total = 0;
      if (popular) {
        for (int d : index.byPopularity()) {
          if (accepts(index, d)) {
            total++;
            if (out.size() < Answer.MAX_HITS) {
              out.add(new Answer.Hit(index.doc(d), 1.0));
            }
          }
        }
      } else {
        int[] order = index.chronological();
        int[] range = range(index);
        for (int r = range[0]; r < range[1]; r++) {
          int d = order[r];
          if (accepts(index, d)) {
            total++;
            if (out.size() < Answer.MAX_HITS) {
              out.add(new Answer.Hit(index.doc(d), 1.0));
            }
          }
        }
      }
      return new Selection(out, total, true);
    }
  }

  private static Selection entitySet(SearchIndex index, List<Entity> entities, Filter filter, boolean popular) {
    int[] docs = entities.get(0).docs();
    for (Entity e : entities.subList(1, entities.size())) {
      int[] both = Arrays.stream(docs).filter(d -> Arrays.binarySearch(e.docs(), d) >= 0).toArray();
      docs = both.length == 0 ? union(docs, e.docs()) : both; // "google and intel": either
    }
    int[] accepted = new int[docs.length];
    int count = 0;
    for (int d : docs) {
      if (filter.accepts(index, d)) {
        accepted[count++] = d;
      }
    }
    int[] sorted = sortDocs(index, accepted, count, popular);
    List<Answer.Hit> out = new ArrayList<>();
    for (int i = 0; i < sorted.length && out.size() < Answer.MAX_HITS; i++) {
      out.add(new Answer.Hit(index.doc(sorted[i]), 1.0));
    }
    return new Selection(out, count, true);
  }

  /** Sorts sessions into program order, or most watched first and then program order. */
  private static int[] sortDocs(SearchIndex index, int[] docs, int count, boolean popular) {
    long[] keys = new long[count];
    for (int i = 0; i < count; i++) {
      int d = docs[i];
      long primary = popular ? (long) Integer.MAX_VALUE - 1 - index.popularity(d) : 0;
      keys[i] = (primary << 32) | index.chronoRank(d);
    }
    Arrays.sort(keys);
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = index.chronological()[(int) (keys[i] & 0xffffffffL)];
    }
    return out;
  }

  private static int[] union(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return Arrays.stream(out).distinct().sorted().toArray();
  }

  private Selection rank(SearchIndex index, Query query, List<Concept> concepts, List<Entity> entities, Filter filter) {
    SearchIndex.Scratch s = index.scratch();
    int n = index.size();
    // Rare concepts find the candidates; very common ones ("istio" in most abstracts) only add to
    // them, unless every concept is common.
    List<Concept> ordered = new ArrayList<>(concepts);
    Map<Concept, Integer> df = new HashMap<>();
    for (Concept c : concepts) {
      int most = 0;
      for (List<String> alt : c.alternatives) {
        int altDf = Integer.MAX_VALUE;
        for (String stem : alt) {
          altDf = Math.min(altDf, index.df(stem));
        }
        most = Math.max(most, altDf);
      }
      df.put(c, most);
    }
    ordered.sort(Comparator.comparingInt(df::get));
    // A common word only re-scores the sessions rarer words found instead of walking its whole
    // posting list: a session with nothing but "istio" would rank far below the cut anyway. On large
    // catalogs the rarest concept is always walked and anything in over a twentieth of the sessions
    // is common; small catalogs only skip words in over a third of them, when a rarer one exists.
    boolean large = n >= LARGE_CATALOG;
    int commonDf = large ? n / 20 : n / 3;
    boolean anyRare = large || df.get(ordered.get(0)) <= commonDf;
    for (int i = 0; i < ordered.size(); i++) {
      Concept c = ordered.get(i);
      boolean common = anyRare && i > 0 && df.get(c) > commonDf;
      for (int k = 0; k < c.alternatives.size(); k++) {
        index.scoreAlternative(c.alternatives.get(k), c.weights.get(k), s, common);
      }
      index.closeConcept(s);
    }
    int[] allowed = null;
    if (!entities.isEmpty()) {
      allowed = entities.get(0).docs();
      for (Entity e : entities.subList(1, entities.size())) {
        allowed = union(allowed, e.docs());
      }
    }
    int conceptCount = concepts.size();
    int[] candidates = new int[s.touchedCount];
    int count = 0;
    float top = 0;
    for (int i = 0; i < s.touchedCount; i++) {
      int d = s.touched[i];
      if (!filter.accepts(index, d) || (allowed != null && Arrays.binarySearch(allowed, d) < 0)) {
        continue;
      }
      float coverage = (float) s.matched[d] / conceptCount;
      float score = s.total[d] * (0.4f + 0.6f * coverage * coverage);
      if (conceptCount >= 2 && s.matched[d] == conceptCount) {
        score *= 1.2f;
      }
      s.total[d] = score;
      candidates[count++] = d;
      top = Math.max(top, score);
    }
    if (count == 0 && allowed != null) {
      // The named speaker or company has nothing on this topic: rank everyone instead.
      return rank(index, query, concepts, List.of(), filter);
    }
    // Keep the best by score (ties by program order), then give a phrase bonus near the top.
    int[] best = topByScore(index, s, candidates, count, RANKED_HITS);
    if (conceptCount >= 2) {
      int[] phrase = concepts.stream().flatMap(c -> c.primary().stream()).mapToInt(index::termId).toArray();
      for (int r = 0; r < Math.min(PHRASE_CHECK, best.length); r++) {
        int d = best[r];
        if (s.matched[d] < conceptCount) {
          continue; // a phrase needs every concept
        }
        int where = phraseAt(index.phraseOf(d), phrase);
        if (where == 1) {
          s.total[d] *= 1.5f;
        } else if (where == 2) {
          s.total[d] *= 1.15f;
        }
        top = Math.max(top, s.total[d]);
      }
      best = topByScore(index, s, best, best.length, best.length);
    }
    float threshold = top * (query.popular() ? 0.3f : 0.1f);
    int total = 0;
    for (int i = 0; i < count; i++) {
      if (s.total[candidates[i]] >= threshold) {
        total++;
      }
    }
    List<Answer.Hit> out = new ArrayList<>(Math.min(total, Answer.MAX_HITS));
    if (query.popular() || query.time() != Query.Time.ANY) {
      // Most watched first, or in program order for "next kafka talk": among the good matches.
      int[] good = new int[total];
      int k = 0;
      for (int i = 0; i < count; i++) {
        if (s.total[candidates[i]] >= threshold) {
          good[k++] = candidates[i];
        }
      }
      for (int d : sortDocs(index, good, k, query.popular())) {
        if (out.size() >= Answer.MAX_HITS) {
          break;
        }
        out.add(new Answer.Hit(index.doc(d), s.total[d]));
      }
      return new Selection(out, total, false);
    }
    for (int d : best) {
      if (s.total[d] < threshold || out.size() >= RANKED_HITS) {
        break;
      }
      out.add(new Answer.Hit(index.doc(d), s.total[d]));
    }
    return new Selection(out, total, false);
  }

  /** Returns up to {@code k} candidates, best score first, ties in program order. */
  private static int[] topByScore(SearchIndex index, SearchIndex.Scratch s, int[] candidates, int count, int k) {
    float cut = Float.NEGATIVE_INFINITY;
    if (count > k) {
      // Partial selection: the k-th best score in linear time; only those at or above it are sorted.
      float[] scores = new float[count];
      for (int i = 0; i < count; i++) {
        scores[i] = s.total[candidates[i]];
      }
      cut = kthLargest(scores, k);
    }
    long[] keys = new long[Math.min(count, k + 64)];
    int n = 0;
    for (int i = 0; i < count; i++) {
      int d = candidates[i];
      float score = s.total[d];
      if (score >= cut) {
        if (n == keys.length) {
          keys = Arrays.copyOf(keys, n * 2);
        }
        // Scores are positive, so their bits sort like them; high bits: best first; low: program order.
        keys[n++] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(score)) << 32) | index.chronoRank(d);
      }
    }
    Arrays.sort(keys, 0, n);
    int[] out = new int[Math.min(k, n)];
    for (int i = 0; i < out.length; i++) {
      out[i] = index.chronological()[(int) (keys[i] & 0xffffffffL)];
    }
    return out;
  }

  /** Returns the k-th largest value (1-based), reordering the array (Hoare's selection). */
  static float kthLargest(float[] a, int k) {
    int lo = 0;
    int hi = a.length - 1;
    int target = k - 1;
    while (lo < hi) {
      float pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] > pivot) {
          i++;
        }
        while (a[j] < pivot) {
          j--;
        }
        if (i <= j) {
          float t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (target <= j) {
        hi = j;
      } else if (target >= i) {
        lo = i;
      } else {
        return a[target];
      }
    }
    return a[target];
  }

  /** Returns 1 when the phrase is in a title, 2 when in an abstract, 0 otherwise. */
  private static int phraseAt(int[] seq, int[] flat) {
    if (flat.length < 2) {
      return 0;
    }
    int firstTitleEnd = 0;
    while (firstTitleEnd < seq.length && seq[firstTitleEnd] != -1) {
      firstTitleEnd++;
    }
    outer:
    for (int i = 0; i + flat.length <= seq.length; i++) {
      for (int k = 0; k < flat.length; k++) {
        if (seq[i + k] != flat[k]) {
          continue outer;
        }
      }
      return i < firstTitleEnd ? 1 : 2;
    }
    return 0;
  }

  // ---- empty answers ----------------------------------------------------------------------

  private static void explainEmpty(SearchIndex index, Query query, Filter filter, Instant now, List<String> notes) {
    List<Conference> conferences = index.catalog().conferences();
    Instant opens = conferences.stream().map(Conference::opens).min(Comparator.naturalOrder()).orElse(now);
    Instant closes = conferences.stream().map(Conference::closes).max(Comparator.naturalOrder()).orElse(now);
    String span = conferences.stream().map(c -> c.name() + " runs " + c.start().format(DAY) + " – "
        + c.end().format(DAY_YEAR) + " (" + c.zone().getId() + ")").collect(Collectors.joining("; "));
    switch (query.time()) {
      case NOW -> notes.add(now.isAfter(closes) ? "Nothing is on right now: " + pastTense(span) + "."
          : now.isBefore(opens) ? "Nothing is on yet: " + span + "."
          : "Nothing is on right now" + describeFilters(query) + ".");
      case NEXT -> notes.add(now.isAfter(closes) ? "Nothing is coming up: " + pastTense(span) + "."
          : "Nothing more is coming up" + describeFilters(query) + ".");
      case LATER_TODAY -> notes.add("Nothing more is on today" + describeFilters(query) + ".");
      case ANY -> {
        if (!query.days().isEmpty()) {
          boolean inside = false;
          for (int c = 0; c < conferences.size(); c++) {
            for (int day : filter.days[c]) {
              inside |= conferences.get(c).dayNumber(LocalDate.ofEpochDay(day)) > 0;
            }
          }
          String when = query.days().stream().map(DayRef::describe).collect(Collectors.joining(" or "));
          notes.add(inside ? "Nothing matches on " + when + "." : "Nothing is on " + when + ": " + span + ".");
        } else if (query.hasFilters()) {
          notes.add("Nothing matches" + describeFilters(query) + ".");
        }
      }
    }
  }

  private static String pastTense(String span) {
    return span.replace(" runs ", " ran ");
  }

  private static String describeFilters(Query query) {
    List<String> parts = new ArrayList<>();
    if (!query.types().isEmpty()) {
      parts.add(query.types().stream().sorted().map(SessionType::plural).map(t -> t.toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(" or ")));
    }
    if (!query.languages().isEmpty()) {
      parts.add("in " + query.languages().stream().map(QueryEngine::languageName).collect(Collectors.joining(" or ")));
    }
    if (!query.days().isEmpty()) {
      parts.add("on " + query.days().stream().map(DayRef::describe).collect(Collectors.joining(" or ")));
    }
    return parts.isEmpty() ? "" : " for " + String.join(", ", parts);
  }

  /** Returns an English name for a language code. */
  public static String languageName(String code) {
    return switch (code) {
      case "en" -> "English";
      case "zh" -> "Chinese";
      case "und" -> "unspecified language";
      default -> Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).isEmpty() ? code
          : Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    };
  }

  /**
   * When filters leave nothing, drops the most specific one (time, then day, then type) and says so,
   * so "what's on now" after the event still points somewhere useful.
   */
  private Selection relaxed(SearchIndex index, Query query, List<Concept> known, List<Entity> entities, Instant now,
      List<String> notes) {
    if (query.time() == Query.Time.NOW) {
      Query next = new Query(query.text(), query.normalized(), query.truncated(), Query.Intent.NEXT, query.types(),
          query.languages(), query.days(), Query.Time.NEXT, query.popular(), query.lead(), query.content());
      Selection upcoming = select(index, next, known, entities, new Filter(index, next, now));
      if (upcoming.total > 0) {
        notes.add("Coming up next:");
        return upcoming;
      }
    }
    if (query.time() != Query.Time.ANY || !query.days().isEmpty()) {
      Query anyTime = new Query(query.text(), query.normalized(), query.truncated(), query.intent(), query.types(),
          query.languages(), List.of(), Query.Time.ANY, true, query.lead(), query.content());
      Selection hits = select(index, anyTime, known, entities, new Filter(index, anyTime, now));
      if (hits.total > 0) {
        notes.add(known.isEmpty() && query.types().isEmpty() && query.languages().isEmpty()
            ? "All sessions are recorded; the most watched:" : "Matches on other days:");
        return hits;
      }
    }
    if (!query.types().isEmpty() && !known.isEmpty()) {
      Query anyType = new Query(query.text(), query.normalized(), query.truncated(), query.intent(), Set.of(),
          query.languages(), query.days(), query.time(), query.popular(), query.lead(), query.content());
      Selection hits = select(index, anyType, known, entities, new Filter(index, anyType, now));
      if (hits.total > 0) {
        notes.add("Other kinds of session that match:");
        return hits;
      }
    }
    return Selection.NONE;
  }

  /**
   * Suggests what the question may have meant: speakers, companies and tags that look like it, and
   * titles holding a catalog word a few edits from an unknown one. Works from the vocabulary and
   * the (small) name lists, so it costs the same on a catalog of any size.
   */
  private static List<String> suggest(SearchIndex index, Query query) {
    List<String> words = query.content().stream().filter(w -> !w.joined() && !w.han()).map(Text.Word::text).toList();
    if (words.isEmpty()) {
      return List.of();
    }
    String wanted = String.join(" ", words);
    Set<String> wantedGrams = trigrams(wanted);
    List<Object[]> scored = new ArrayList<>();
    List<String> names = new ArrayList<>();
    index.speakers().forEach(e -> names.add(e.label()));
    index.companies().forEach(e -> names.add(e.label()));
    names.addAll(index.tags());
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (seen.add(name)) {
        double similarity = dice(wantedGrams, trigrams(Text.fold(name)));
        if (similarity >= 0.35) {
          scored.add(new Object[] {name, similarity});
        }
      }
    }
    for (String word : words) {
      if (word.length() < 4) {
        continue;
      }
      List<FuzzyDictionary.Candidate> near = new ArrayList<>(index.near(word, maxEdits(word) + 1));
      near.sort(Comparator.comparingInt(FuzzyDictionary.Candidate::distance)
          .thenComparing(c -> -index.surfaceDf(c.word())).thenComparing(FuzzyDictionary.Candidate::word));
      for (FuzzyDictionary.Candidate c : near.subList(0, Math.min(2, near.size()))) {
        String title = index.titleWith(Stemmer.stem(c.word()));
        if (title != null && seen.add(title)) {
          scored.add(new Object[] {title, 0.6 - 0.1 * c.distance()});
        }
      }
    }
    scored.sort((a, b) -> Double.compare((double) b[1], (double) a[1]));
    return scored.stream().limit(3).map(a -> (String) a[0]).toList();
  }

  private static Set<String> trigrams(String s) {
    String padded = "  " + s + " ";
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 3 <= padded.length(); i++) {
      out.add(padded.substring(i, i + 3));
    }
    return out;
  }

  private static double dice(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String g : a) {
      if (b.contains(g)) {
        common++;
      }
    }
    return 2.0 * common / (a.size() + b.size());
  }

  private static String quoted(List<String> words) {
    return words.stream().map(w -> "\u201c" + w + "\u201d").collect(Collectors.joining(", "));
  }

  static String formatDay(ZonedDateTime t) {
    return t.format(DAY) + " " + t.format(TIME);
  }
}
