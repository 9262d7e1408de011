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
      return new Answer(query, query.intent(), List.of(), false, notes, List.of(), index.catalog());
    }
    if (index.size() == 0) {
      notes.add("No catalog is loaded yet.");
      return new Answer(query, query.intent(), List.of(), false, notes, List.of(), index.catalog());
    }
    Session byId = sessionById(index, query);
    if (byId != null) {
      return new Answer(query, Query.Intent.SESSION_ID, List.of(new Answer.Hit(byId, 1.0)), false, notes, List.of(),
          index.catalog());
    }
    Filter filter = new Filter(index, query, now);
    List<Concept> concepts = concepts(index, query.content());
    List<Concept> known = concepts.stream().filter(c -> !c.alternatives.isEmpty()).toList();
    List<String> unknown = concepts.stream().filter(c -> c.alternatives.isEmpty() && !c.han).map(c -> c.text).toList();
    Query.Intent intent = query.intent();
    List<Answer.Hit> hits;
    boolean set;
    if (known.isEmpty() && !unknown.isEmpty()) {
      if (query.hasFilters() || query.popular()) {
        // "beginner workshop": no session says "beginner", but the workshops are still the answer.
        notes.add("No session mentions " + quoted(unknown) + "; showing everything else the question asks for.");
        List<Answer.Hit> all = order(index, query, filter.all(index), true, now);
        if (!all.isEmpty()) {
          return new Answer(query, intent, all, true, notes, List.of(), index.catalog());
        }
      } else {
        notes.add("No session mentions " + quoted(unknown) + ".");
      }
      return new Answer(query, intent, List.of(), false, notes, suggest(index, query), index.catalog());
    }
    if (!unknown.isEmpty()) {
      notes.add("No session mentions " + quoted(unknown) + "; showing matches for the rest.");
    }
    List<Entity> entities = known.stream().filter(c -> c.entity != null).map(c -> c.entity).toList();
    boolean entityOnly = !entities.isEmpty() && entities.size() == known.size();
    if (known.isEmpty()) {
      hits = filter.all(index);
      set = true;
    } else if (entityOnly) {
      hits = entitySet(index, entities, filter);
      set = true;
      if (intent == Query.Intent.SEARCH || intent == Query.Intent.SPEAKER) {
        intent = entities.get(0).kind() == Entity.Kind.SPEAKER ? Query.Intent.SPEAKER : Query.Intent.COMPANY;
      }
    } else {
      hits = rank(index, known, entities, filter);
      set = false;
    }
    hits = order(index, query, hits, set, now);
    if (hits.isEmpty()) {
      explainEmpty(index, query, filter, now, notes);
      List<Answer.Hit> relaxed = relaxed(index, query, known, entities, filter, now, notes);
      if (!relaxed.isEmpty()) {
        return new Answer(query, intent, relaxed, set, notes, List.of(), index.catalog());
      }
      return new Answer(query, intent, List.of(), set, notes, suggest(index, query), index.catalog());
    }
    return new Answer(query, intent, hits, set, notes, List.of(), index.catalog());
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
    if (index.surfaceDf(word) > 0) {
      return null; // a word the program uses is a topic, even if some id is spelled the same
    }
    for (int d = 0; d < index.size(); d++) {
      if (index.doc(d).id().equalsIgnoreCase(word) && word.length() >= 2) {
        return index.doc(d);
      }
    }
    return null;
  }

  /** The question's filters, resolved per conference at the question's instant. */
  private static final class Filter {
    final Query query;
    final Instant now;
    final Map<String, Set<LocalDate>> days = new HashMap<>();

    Filter(SearchIndex index, Query query, Instant now) {
      this.query = query;
      this.now = now;
      if (!query.days().isEmpty()) {
        for (Conference conference : index.catalog().conferences()) {
          Set<LocalDate> dates = new HashSet<>();
          for (DayRef day : query.days()) {
            dates.addAll(day.resolve(conference, now));
          }
          days.put(conference.id(), dates);
        }
      }
    }

    boolean accepts(SearchIndex index, int d) {
      return accepts(index, d, true, true, true);
    }

    boolean accepts(SearchIndex index, int d, boolean useTypes, boolean useDays, boolean useTime) {
      Session s = index.doc(d);
      if (useTypes && !query.types().isEmpty() && !query.types().contains(s.type())) {
        return false;
      }
      if (!query.languages().isEmpty() && !languageMatches(s.language())) {
        return false;
      }
      Conference conference = index.conferenceOf(d);
      if (useDays && !query.days().isEmpty() && !days.get(conference.id()).contains(conference.dayOf(s.start()))) {
        return false;
      }
      if (!useTime) {
        return true;
      }
      return switch (query.time()) {
        case ANY -> true;
        case NOW -> s.isOn(now);
        case NEXT -> s.start().isAfter(now);
        case LATER_TODAY -> s.start().isAfter(now) && conference.dayOf(s.start()).equals(conference.dayOf(now));
      };
    }

    private boolean languageMatches(String language) {
      for (String wanted : query.languages()) {
        if (language.equals(wanted) || language.startsWith(wanted + "-")) {
          return true;
        }
      }
      return false;
    }

    List<Answer.Hit> all(SearchIndex index) {
      List<Answer.Hit> out = new ArrayList<>();
      for (int d = 0; d < index.size(); d++) {
        if (accepts(index, d)) {
          out.add(new Answer.Hit(index.doc(d), 1.0));
        }
      }
      return out;
    }
  }

  private static List<Answer.Hit> entitySet(SearchIndex index, List<Entity> entities, Filter filter) {
    int[] docs = entities.get(0).docs();
    for (Entity e : entities.subList(1, entities.size())) {
      int[] both = Arrays.stream(docs).filter(d -> Arrays.binarySearch(e.docs(), d) >= 0).toArray();
      if (both.length == 0) {
        docs = union(docs, e.docs()); // "google and intel": either
      } else {
        docs = both;
      }
    }
    List<Answer.Hit> out = new ArrayList<>();
    for (int d : docs) {
      if (filter.accepts(index, d)) {
        out.add(new Answer.Hit(index.doc(d), 1.0));
      }
    }
    return out;
  }

  private static int[] union(int[] a, int[] b) {
    return Arrays.stream(concat(a, b)).distinct().sorted().toArray();
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private List<Answer.Hit> rank(SearchIndex index, List<Concept> concepts, List<Entity> entities, Filter filter) {
    SearchIndex.Scratch s = index.scratch();
    for (Concept c : concepts) {
      for (int k = 0; k < c.alternatives.size(); k++) {
        index.scoreAlternative(c.alternatives.get(k), c.weights.get(k), s);
      }
      index.closeConcept(s);
    }
    Set<Integer> allowed = null;
    if (!entities.isEmpty()) {
      allowed = new HashSet<>();
      for (Entity e : entities) {
        for (int d : e.docs()) {
          allowed.add(d);
        }
      }
    }
    int n = concepts.size();
    List<int[]> candidates = new ArrayList<>();
    float[] finals = new float[s.touchedCount];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < s.touchedCount; i++) {
      int d = s.touched[i];
      if (!filter.accepts(index, d)) {
        continue;
      }
      if (allowed != null && !allowed.contains(d)) {
        continue;
      }
      float coverage = (float) s.matched[d] / n;
      float score = s.total[d] * (0.4f + 0.6f * coverage * coverage);
      if (n >= 2 && s.matched[d] == n) {
        score *= 1.2f;
      }
      finals[i] = score;
      order.add(i);
    }
    if (order.isEmpty() && allowed != null) {
      // The named speaker or company has nothing on this topic: rank everyone instead.
      return rank(index, concepts.stream().filter(c -> c.entity == null).toList().isEmpty() ? concepts
          : concepts, List.of(), filter);
    }
    order.sort((a, b) -> Float.compare(finals[b], finals[a]));
    // Phrase bonus: the question's words in a row in the title (strong) or abstract.
    if (n >= 2) {
      int[][] phrase = new int[n][];
      for (int k = 0; k < n; k++) {
        List<String> primary = concepts.get(k).primary();
        phrase[k] = primary.stream().mapToInt(index::termId).toArray();
      }
      for (int r = 0; r < Math.min(PHRASE_CHECK, order.size()); r++) {
        int i = order.get(r);
        int where = phraseAt(index.phraseOf(s.touched[i]), phrase);
        if (where == 1) {
          finals[i] *= 1.5f;
        } else if (where == 2) {
          finals[i] *= 1.15f;
        }
      }
      order.sort((a, b) -> Float.compare(finals[b], finals[a]));
    }
    List<Answer.Hit> out = new ArrayList<>();
    float top = order.isEmpty() ? 0 : finals[order.get(0)];
    for (int i : order) {
      if (finals[i] < top * 0.1f) {
        break;
      }
      out.add(new Answer.Hit(index.doc(s.touched[i]), finals[i]));
      candidates.add(new int[] {i});
    }
    return out;
  }

  /** Returns 1 when the phrase is in a title, 2 when in an abstract, 0 otherwise. */
  private static int phraseAt(int[] seq, int[][] phrase) {
    int[] flat = Arrays.stream(phrase).flatMapToInt(Arrays::stream).toArray();
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

  private static final Comparator<Answer.Hit> CHRONOLOGICAL = Comparator
      .comparing((Answer.Hit h) -> h.session().start())
      .thenComparing(h -> h.session().end())
      .thenComparing(h -> h.session().conference())
      .thenComparing(h -> h.session().id());

  private static final Comparator<Answer.Hit> BY_SCORE = Comparator
      .comparingDouble((Answer.Hit h) -> -h.score())
      .thenComparing(CHRONOLOGICAL);

  private static List<Answer.Hit> order(SearchIndex index, Query query, List<Answer.Hit> hits, boolean set, Instant now) {
    List<Answer.Hit> out = new ArrayList<>(hits);
    if (query.popular()) {
      double top = out.stream().mapToDouble(Answer.Hit::score).max().orElse(0);
      if (!set) {
        out.removeIf(h -> h.score() < top * 0.3);
      }
      out.sort(Comparator.comparingInt((Answer.Hit h) -> -h.session().popularity().orElse(-1))
          .thenComparing(BY_SCORE));
    } else if (set || query.time() != Query.Time.ANY) {
      out.sort(CHRONOLOGICAL);
    } else {
      out.sort(BY_SCORE);
    }
    return out;
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
          Set<LocalDate> dates = new LinkedHashSet<>();
          filter.days.values().forEach(dates::addAll);
          boolean inside = false;
          for (Conference c : conferences) {
            for (LocalDate date : dates) {
              inside |= c.dayNumber(date) > 0;
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
  private List<Answer.Hit> relaxed(SearchIndex index, Query query, List<Concept> known, List<Entity> entities,
      Filter filter, Instant now, List<String> notes) {
    if (query.time() == Query.Time.NOW) {
      Query next = new Query(query.text(), query.normalized(), query.truncated(), Query.Intent.NEXT, query.types(),
          query.languages(), query.days(), Query.Time.NEXT, query.popular(), query.lead(), query.content());
      Answer upcoming = answer(index, next, now);
      if (!upcoming.isEmpty()) {
        notes.add("Coming up next:");
        return upcoming.hits();
      }
    }
    if (query.time() != Query.Time.ANY || !query.days().isEmpty()) {
      Query anyTime = new Query(query.text(), query.normalized(), query.truncated(), query.intent(), query.types(),
          query.languages(), List.of(), Query.Time.ANY, true, query.lead(), query.content());
      Filter loose = new Filter(index, anyTime, now);
      List<Answer.Hit> hits = known.isEmpty() ? loose.all(index)
          : entities.size() == known.size() ? entitySet(index, entities, loose)
          : rank(index, known, entities, loose);
      hits = order(index, anyTime, hits, false, now);
      if (!hits.isEmpty()) {
        notes.add(known.isEmpty() && query.types().isEmpty() && query.languages().isEmpty()
            ? "All sessions are recorded; the most watched:" : "Matches on other days:");
        return hits;
      }
    }
    if (!query.types().isEmpty() && !known.isEmpty()) {
      Query anyType = new Query(query.text(), query.normalized(), query.truncated(), query.intent(), Set.of(),
          query.languages(), query.days(), query.time(), query.popular(), query.lead(), query.content());
      Filter loose = new Filter(index, anyType, now);
      List<Answer.Hit> hits = entities.size() == known.size() ? entitySet(index, entities, loose)
          : rank(index, known, entities, loose);
      hits = order(index, anyType, hits, false, now);
      if (!hits.isEmpty()) {
        notes.add("Other kinds of session that match:");
        return hits;
      }
    }
    return List.of();
  }

  /** Suggests titles, speakers, companies and tags that look like the question. */
  private static List<String> suggest(SearchIndex index, Query query) {
    String wanted = query.content().stream().filter(w -> !w.joined()).map(Text.Word::text)
        .collect(Collectors.joining(" "));
    if (wanted.isBlank()) {
      return List.of();
    }
    Set<String> seen = new HashSet<>();
    List<Object[]> scored = new ArrayList<>();
    List<String> candidates = new ArrayList<>();
    for (Entity e : index.speakers()) {
      candidates.add(e.label());
    }
    for (Entity e : index.companies()) {
      candidates.add(e.label());
    }
    candidates.addAll(index.tags());
    for (int d = 0; d < index.size(); d++) {
      candidates.add(index.doc(d).title());
    }
    Set<String> wantedGrams = trigrams(wanted);
    for (String candidate : candidates) {
      if (!seen.add(candidate)) {
        continue;
      }
      double best = dice(wantedGrams, trigrams(Text.fold(candidate)));
      for (String word : candidate.split("\\s+")) {
        for (String w : wanted.split(" ")) {
          if (w.length() >= 3) {
            best = Math.max(best, dice(trigrams(w), trigrams(Text.fold(word))) * 0.9);
          }
        }
      }
      if (best >= 0.3) {
        scored.add(new Object[] {candidate, best});
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
