package io.istiocon.bot.search;

import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.Speaker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An inverted index over one catalog: BM25F postings per stem and field, the catalog's own words
 * for typo correction, and the speakers and companies a question may name. Built once per catalog
 * version and never changed, so any number of threads may read it.
 */
public final class SearchIndex {
  private static final float K1 = 1.2f;

  /** Corporate words that do not tell one company from another ("Huawei Cloud" is Huawei). */
  private static final Set<String> GENERIC_COMPANY_WORDS = Set.of(
      "cloud", "inc", "ltd", "llc", "labs", "lab", "research", "networks", "network", "government",
      "development", "china", "tech", "technologies", "technology", "corp", "corporation", "company",
      "co", "group", "software", "systems", "gmbh", "io", "com");

  private final Catalog catalog;
  private final Synonyms synonyms;
  private final Session[] docs;
  private final Conference[] conferenceOf;
  private final Map<String, Integer> termIds = new HashMap<>();
  private int[][] postDocs;
  private int[][] postTfs;
  private float[][] postImpacts; // BM25F's saturated, normalised term weight per posting, before idf
  private final int[][] lengths;
  private final float[] avgLength = new float[Field.ALL.length];
  private final Map<String, Integer> surfaceIds = new HashMap<>();
  private int[] surfaceDocFreq = new int[1024];
  private boolean[] surfaceIsLabel = new boolean[1024];
  private final FuzzyDictionary dictionary;
  private final int[][] phrases;
  private final Map<List<String>, Entity> entityKeys = new HashMap<>();
  private int longestEntityKey = 1;
  private final List<Entity> speakers = new ArrayList<>();
  private final List<Entity> companies = new ArrayList<>();
  private final List<String> tags;
  private final ThreadLocal<Scratch> scratch;
  // Per session, for filters and orders without touching the records on the hot path.
  private final long[] startSeconds;
  private final long[] endSeconds;
  private final int[] localDay;
  private final int[] conferenceIndex;
  private final int[] popularity;
  private final byte[] typeOf;
  private final int[] languageOf;
  private final List<String> languages = new ArrayList<>();
  private final float[] weightOverNorm; // [doc * fields + field]
  private final Map<String, Integer> byId = new HashMap<>();
  private final int[] chronological;
  private final int[] chronoRank;
  private final long[] chronoStarts;
  private final int[] byPopularity;
  private final long longestSeconds;

  private SearchIndex(Catalog catalog, Synonyms synonyms) {
    this.catalog = catalog;
    this.synonyms = synonyms;
    List<Session> all = catalog.sessions();
    int n = all.size();
    this.docs = all.toArray(new Session[0]);
    this.conferenceOf = new Conference[n];
    this.lengths = new int[Field.ALL.length][n];
    this.phrases = new int[n][];
    this.startSeconds = new long[n];
    this.endSeconds = new long[n];
    this.localDay = new int[n];
    this.conferenceIndex = new int[n];
    this.popularity = new int[n];
    this.typeOf = new byte[n];
    this.languageOf = new int[n];
    Map<String, Integer> languageIds = new HashMap<>();
    Map<String, Integer> conferences = new HashMap<>();
    for (Conference conference : catalog.conferences()) {
      conferences.put(conference.id(), conferences.size());
    }
    int[][] docBuf = new int[1024][];
    int[][] tfBuf = new int[1024][];
    int[] sizes = new int[1024];
    int[] surfaceTerm = new int[1024];
    int[] surfaceLastDoc = new int[1024];
    java.util.Arrays.fill(surfaceLastDoc, -1);
    int[] packedByTerm = new int[1024];
    int[] touchedTerms = new int[256];
    int[] phrase = new int[256];
    Set<String> tagSet = new TreeSet<>();
    long[] totals = new long[Field.ALL.length];
    long longest = 0;
    // Splitting text into words is most of the work and independent per session: it runs in
    // parallel, a batch at a time; ids and postings are then assigned in session order, so the
    // index is the same whatever the thread count.
    java.util.concurrent.atomic.AtomicReferenceArray<List<List<Text.Word>>> batch = null;
    for (int d = 0; d < n; d++) {
      if (d % ANALYZE_BATCH == 0) {
        batch = analyzeBatch(d, Math.min(n, d + ANALYZE_BATCH));
      }
      List<List<Text.Word>> fieldWords = batch.get(d % ANALYZE_BATCH);
      Session s = docs[d];
      int ci = conferences.get(s.conference());
      conferenceOf[d] = catalog.conferences().get(ci);
      conferenceIndex[d] = ci;
      startSeconds[d] = s.start().getEpochSecond();
      endSeconds[d] = s.end().getEpochSecond();
      longest = Math.max(longest, endSeconds[d] - startSeconds[d]);
      localDay[d] = (int) conferenceOf[d].dayOf(s.start()).toEpochDay();
      popularity[d] = s.popularity().orElse(-1);
      typeOf[d] = (byte) s.type().ordinal();
      languageOf[d] = languageIds.computeIfAbsent(s.language(), l -> {
        languages.add(l);
        return languages.size() - 1;
      });
      tagSet.addAll(s.tags());
      int touched = 0;
      int phraseLength = 0;
      for (Field field : Field.ALL) {
        List<Text.Word> words = fieldWords.get(field.ordinal());
        int length = 0;
        int shift = field.ordinal() * Field.BITS;
        for (Text.Word word : words) {
          Integer boxed = surfaceIds.get(word.text());
          int sid;
          if (boxed == null) {
            sid = surfaceIds.size();
            surfaceIds.put(word.text(), sid);
            if (sid == surfaceTerm.length) {
              int grown = sid * 2;
              surfaceTerm = Arrays.copyOf(surfaceTerm, grown);
              surfaceDocFreq = Arrays.copyOf(surfaceDocFreq, grown);
              surfaceIsLabel = Arrays.copyOf(surfaceIsLabel, grown);
              surfaceLastDoc = Arrays.copyOf(surfaceLastDoc, grown);
              Arrays.fill(surfaceLastDoc, sid, grown, -1);
            }
            String stem = stemOf(word);
            Integer term = termIds.get(stem);
            if (term == null) {
              term = termIds.size();
              termIds.put(stem, term);
              if (term == docBuf.length) {
                docBuf = Arrays.copyOf(docBuf, term * 2);
                tfBuf = Arrays.copyOf(tfBuf, term * 2);
                sizes = Arrays.copyOf(sizes, term * 2);
                packedByTerm = Arrays.copyOf(packedByTerm, term * 2);
              }
            }
            surfaceTerm[sid] = term;
          } else {
            sid = boxed;
          }
          if (surfaceLastDoc[sid] != d) {
            surfaceLastDoc[sid] = d;
            surfaceDocFreq[sid]++;
          }
          if (field != Field.ABSTRACT) {
            surfaceIsLabel[sid] = true;
          }
          if (!word.joined()) {
            length++;
          }
          int id = surfaceTerm[sid];
          int old = packedByTerm[id];
          if (old == 0) {
            if (touched == touchedTerms.length) {
              touchedTerms = Arrays.copyOf(touchedTerms, touched * 2);
            }
            touchedTerms[touched++] = id;
          }
          if (((old >>> shift) & Field.MAX_TF) < Field.MAX_TF) {
            packedByTerm[id] = old + (1 << shift);
          }
          if ((field == Field.TITLE || field == Field.ABSTRACT) && !word.joined()
              && !Lexicon.STOPWORDS.contains(word.text())) {
            if (phraseLength == phrase.length) {
              phrase = Arrays.copyOf(phrase, phraseLength * 2);
            }
            phrase[phraseLength++] = id;
          }
        }
        if (field == Field.TITLE) {
          if (phraseLength == phrase.length) {
            phrase = Arrays.copyOf(phrase, phraseLength * 2);
          }
          phrase[phraseLength++] = -1; // titles and abstracts are separate phrases
        }
        lengths[field.ordinal()][d] = length;
        totals[field.ordinal()] += length;
      }
      phrases[d] = Arrays.copyOf(phrase, phraseLength);
      for (int t = 0; t < touched; t++) {
        int id = touchedTerms[t];
        int size = sizes[id];
        if (docBuf[id] == null) {
          docBuf[id] = new int[4];
          tfBuf[id] = new int[4];
        } else if (size == docBuf[id].length) {
          docBuf[id] = Arrays.copyOf(docBuf[id], size * 2);
          tfBuf[id] = Arrays.copyOf(tfBuf[id], size * 2);
        }
        docBuf[id][size] = d;
        tfBuf[id][size] = packedByTerm[id];
        sizes[id] = size + 1;
        packedByTerm[id] = 0;
      }
    }
    int terms = termIds.size();
    postDocs = new int[terms][];
    postTfs = new int[terms][];
    for (int id = 0; id < terms; id++) {
      postDocs[id] = docBuf[id] == null ? new int[0] : Arrays.copyOf(docBuf[id], sizes[id]);
      postTfs[id] = tfBuf[id] == null ? new int[0] : Arrays.copyOf(tfBuf[id], sizes[id]);
    }
    surfaceDocFreq = Arrays.copyOf(surfaceDocFreq, surfaceIds.size());
    surfaceIsLabel = Arrays.copyOf(surfaceIsLabel, surfaceIds.size());
    for (Field field : Field.ALL) {
      avgLength[field.ordinal()] = n == 0 ? 1 : Math.max(1f, (float) totals[field.ordinal()] / n);
    }
    // BM25F's per-field weight and length normalisation, computed once per session.
    this.weightOverNorm = new float[n * Field.ALL.length];
    for (int d = 0; d < n; d++) {
      for (Field f : Field.ALL) {
        float norm = 1 - f.b + f.b * lengths[f.ordinal()][d] / avgLength[f.ordinal()];
        weightOverNorm[d * Field.ALL.length + f.ordinal()] = f.weight / norm;
      }
      byId.putIfAbsent(docs[d].id().toLowerCase(java.util.Locale.ROOT), d);
    }
    this.postImpacts = new float[terms][];
    for (int id = 0; id < terms; id++) {
      int[] ds = postDocs[id];
      float[] impacts = new float[ds.length];
      for (int i = 0; i < ds.length; i++) {
        impacts[i] = impact(ds[i], postTfs[id][i]);
      }
      postImpacts[id] = impacts;
    }
    this.longestSeconds = longest;
    this.tags = List.copyOf(tagSet);
    List<String> latin = new ArrayList<>();
    for (String word : surfaceIds.keySet()) {
      if (!Text.isHan(word.codePointAt(0))) {
        latin.add(word);
      }
    }
    this.dictionary = new FuzzyDictionary(latin);
    // Program order across conferences, and the most watched first.
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
    this.chronological = new int[n];
    this.chronoRank = new int[n];
    this.chronoStarts = new long[n];
    for (int r = 0; r < n; r++) {
      chronological[r] = order[r];
      chronoRank[order[r]] = r;
      chronoStarts[r] = startSeconds[order[r]];
    }
    Integer[] popular = order.clone();
    Arrays.sort(popular, (a, b) -> popularity[a] != popularity[b] ? Integer.compare(popularity[b], popularity[a])
        : Integer.compare(chronoRank[a], chronoRank[b]));
    this.byPopularity = new int[n];
    for (int r = 0; r < n; r++) {
      byPopularity[r] = popular[r];
    }
    buildEntities();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
  }

  private static final int ANALYZE_BATCH = 1024;
  private static final int PARALLEL_FROM = 2048;

  private java.util.concurrent.atomic.AtomicReferenceArray<List<List<Text.Word>>> analyzeBatch(int from, int to) {
    var out = new java.util.concurrent.atomic.AtomicReferenceArray<List<List<Text.Word>>>(to - from);
    java.util.stream.IntStream range = java.util.stream.IntStream.range(from, to);
    if (docs.length >= PARALLEL_FROM) {
      range = range.parallel();
    }
    range.forEach(d -> {
      List<List<Text.Word>> fields = new ArrayList<>(Field.ALL.length);
      for (Field field : Field.ALL) {
        fields.add(Text.analyze(fieldText(docs[d], field)));
      }
      out.set(d - from, fields);
    });
    return out;
  }

  /** Builds the index of a catalog. */
  public static SearchIndex build(Catalog catalog, Synonyms synonyms) {
    return new SearchIndex(catalog, synonyms);
  }

  static String stemOf(Text.Word word) {
    return word.han() ? word.text() : Stemmer.stem(word.text());
  }

  private static String fieldText(Session s, Field field) {
    return switch (field) {
      case TITLE -> s.title();
      case SPEAKER -> {
        StringBuilder b = new StringBuilder();
        for (Speaker speaker : s.speakers()) {
          b.append(speaker.name()).append(" ; ");
          for (String alias : speaker.aliases()) {
            b.append(alias).append(" ; ");
          }
        }
        yield b.toString();
      }
      case COMPANY -> {
        StringBuilder b = new StringBuilder();
        for (Speaker speaker : s.speakers()) {
          speaker.companyName().ifPresent(c -> b.append(c).append(" ; "));
        }
        yield b.toString();
      }
      case TAGS -> String.join(" ; ", s.tags());
      case TYPE -> s.type().label() + " " + s.type().id();
      case ABSTRACT -> s.abstractText() + "\n" + s.summary();
    };
  }

  // ---- entities -------------------------------------------------------------------------

  private void buildEntities() {
    Map<String, TreeSet<Integer>> bySpeaker = new LinkedHashMap<>();
    Map<String, List<List<String>>> speakerKeys = new HashMap<>();
    Map<List<String>, TreeSet<Integer>> companyDocs = new LinkedHashMap<>();
    Map<List<String>, String> companyLabel = new HashMap<>();
    for (int d = 0; d < docs.length; d++) {
      for (Speaker speaker : docs[d].speakers()) {
        String label = speaker.name();
        bySpeaker.computeIfAbsent(label, k -> new TreeSet<>()).add(d);
        List<List<String>> keys = speakerKeys.computeIfAbsent(label, k -> new ArrayList<>());
        addKey(keys, surface(speaker.name()));
        for (String alias : speaker.aliases()) {
          addKey(keys, surface(alias));
        }
        if (speaker.company() != null) {
          for (List<String> key : companyKeys(speaker.company())) {
            companyDocs.computeIfAbsent(key, k -> new TreeSet<>()).add(d);
            companyLabel.putIfAbsent(key, speaker.company());
          }
        }
      }
    }
    // Whole names are always keys. A single word of a name is a key only when it names one
    // person and the rest of the program never uses it ("posta", not "box" if a talk says "box").
    Map<String, Set<String>> ownersOfWord = new HashMap<>();
    for (Map.Entry<String, List<List<String>>> e : speakerKeys.entrySet()) {
      for (List<String> key : e.getValue()) {
        for (String word : key) {
          ownersOfWord.computeIfAbsent(word, k -> new HashSet<>()).add(e.getKey());
        }
      }
    }
    for (Map.Entry<String, TreeSet<Integer>> e : bySpeaker.entrySet()) {
      Entity entity = new Entity(Entity.Kind.SPEAKER, e.getKey(), toArray(e.getValue()));
      speakers.add(entity);
      for (List<String> key : speakerKeys.get(e.getKey())) {
        putKey(key, entity);
        if (key.size() > 1) {
          putKey(List.of(String.join("", key)), entity);
          for (String word : key) {
            if (word.length() >= 3 && ownersOfWord.get(word).size() == 1 && !usedElsewhere(word, e.getValue())) {
              putKey(List.of(word), entity);
            }
          }
        }
      }
    }
    // Companies: "IBM", "IBM Cloud" and "IBM Research" share the key "ibm" and so one entity.
    Map<List<String>, Entity> byKey = new HashMap<>();
    for (Map.Entry<List<String>, TreeSet<Integer>> e : companyDocs.entrySet()) {
      Entity entity = new Entity(Entity.Kind.COMPANY, companyLabel.get(e.getKey()), toArray(e.getValue()));
      byKey.put(e.getKey(), entity);
    }
    for (Map.Entry<List<String>, Entity> e : byKey.entrySet()) {
      List<String> key = e.getKey();
      if (key.size() > 1) {
        putKey(List.of(String.join("", key)), e.getValue());
      }
      putKey(key, e.getValue());
    }
    Set<String> seen = new HashSet<>();
    for (Entity entity : byKey.values()) {
      if (seen.add(entity.label().toLowerCase(Locale.ROOT))) {
        companies.add(entity);
      }
    }
    companies.sort((a, b) -> a.label().compareToIgnoreCase(b.label()));
  }

  private void putKey(List<String> key, Entity entity) {
    if (key.isEmpty()) {
      return;
    }
    Entity old = entityKeys.get(key);
    if (old != null && old != entity) {
      if (old.kind() == Entity.Kind.SPEAKER && entity.kind() == Entity.Kind.COMPANY) {
        return; // a person's name wins over a company of the same name
      }
      if (old.kind() == entity.kind()) {
        TreeSet<Integer> merged = new TreeSet<>();
        for (int d : old.docs()) {
          merged.add(d);
        }
        for (int d : entity.docs()) {
          merged.add(d);
        }
        String label = old.label().length() <= entity.label().length() ? old.label() : entity.label();
        entity = new Entity(entity.kind(), label, toArray(merged));
      }
    }
    entityKeys.put(List.copyOf(key), entity);
    longestEntityKey = Math.max(longestEntityKey, key.size());
  }

  private static void addKey(List<List<String>> keys, List<String> key) {
    if (!key.isEmpty() && !keys.contains(key)) {
      keys.add(key);
    }
  }

  /** Returns the keys a company is known by: its whole name, its core name and each part in brackets. */
  private List<List<String>> companyKeys(String company) {
    List<List<String>> keys = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    parts.add(company);
    for (String part : company.split("[(),/&]")) {
      if (!part.isBlank()) {
        parts.add(part);
      }
    }
    for (String part : parts) {
      List<String> full = surface(part);
      addKey(keys, full);
      List<String> core = new ArrayList<>(full);
      while (core.size() > 1 && GENERIC_COMPANY_WORDS.contains(core.get(core.size() - 1))) {
        core.remove(core.size() - 1);
      }
      addKey(keys, core);
    }
    return keys;
  }

  private boolean usedElsewhere(String word, Set<Integer> ownDocs) {
    String stem = Stemmer.stem(word);
    Integer id = termIds.get(stem);
    if (id == null) {
      return false;
    }
    int[] ds = postDocs[id];
    int[] tfs = postTfs[id];
    for (int i = 0; i < ds.length; i++) {
      if (ownDocs.contains(ds[i])) {
        continue;
      }
      int packed = tfs[i];
      if (Field.TITLE.tf(packed) + Field.ABSTRACT.tf(packed) + Field.TAGS.tf(packed) + Field.COMPANY.tf(packed) > 0) {
        return true;
      }
    }
    return false;
  }

  /** Returns the folded words of a name, without compound glue forms. */
  static List<String> surface(String text) {
    List<String> out = new ArrayList<>();
    for (Text.Word word : Text.analyze(text)) {
      if (!word.joined()) {
        out.add(word.text());
      }
    }
    return out;
  }

  private static int[] toArray(Set<Integer> set) {
    return set.stream().mapToInt(Integer::intValue).toArray();
  }

  // ---- reading ----------------------------------------------------------------------------

  /** Returns the catalog this index was built from. */
  public Catalog catalog() {
    return catalog;
  }

  Synonyms synonyms() {
    return synonyms;
  }

  /** Returns the number of sessions indexed. */
  public int size() {
    return docs.length;
  }

  Session doc(int d) {
    return docs[d];
  }

  /** Finds a session by id, ignoring case; the first conference's wins a tie. */
  Session byId(String id) {
    Integer d = byId.get(id.toLowerCase(java.util.Locale.ROOT));
    return d == null ? null : docs[d];
  }

  Conference conferenceOf(int d) {
    return conferenceOf[d];
  }

  /** Returns the number of distinct words the catalog uses. */
  public int vocabularySize() {
    return surfaceIds.size();
  }

  /** Returns how many sessions use a folded word anywhere, 0 if none. */
  int surfaceDf(String word) {
    Integer sid = surfaceIds.get(word);
    return sid == null ? 0 : surfaceDocFreq[sid];
  }

  // ---- per-session facts for filters and orders -----------------------------------------

  long startSeconds(int d) {
    return startSeconds[d];
  }

  long endSeconds(int d) {
    return endSeconds[d];
  }

  /** Returns the session's start date in its conference's zone, as an epoch day. */
  int localDay(int d) {
    return localDay[d];
  }

  int conferenceIndex(int d) {
    return conferenceIndex[d];
  }

  int popularity(int d) {
    return popularity[d];
  }

  /** Returns the ordinal of the session's {@link io.istiocon.bot.catalog.SessionType}. */
  int typeOrdinal(int d) {
    return typeOf[d];
  }

  /** Returns the id of the session's language in {@link #languages()}. */
  int languageId(int d) {
    return languageOf[d];
  }

  /** Returns the distinct languages, indexed by language id. */
  List<String> languages() {
    return languages;
  }

  /** Returns the session ids in program order (start, end, conference, id). */
  int[] chronological() {
    return chronological;
  }

  /** Returns a session's place in program order: smaller comes first. */
  int chronoRank(int d) {
    return chronoRank[d];
  }

  /** Returns the session ids most watched first, then in program order. */
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


  /** Returns whether a word appears in a title, name, company, tag or type, not only in abstracts. */
  boolean isLabelWord(String word) {
    Integer sid = surfaceIds.get(word);
    return sid != null && surfaceIsLabel[sid];
  }

  boolean hasStem(String stem) {
    return termIds.containsKey(stem);
  }

  List<FuzzyDictionary.Candidate> near(String word, int maxDistance) {
    return dictionary.near(word, maxDistance);
  }

  List<String> withPrefix(String prefix, int limit) {
    return dictionary.withPrefix(prefix, limit);
  }

  Entity entity(List<String> key) {
    return entityKeys.get(key);
  }

  int longestEntityKey() {
    return longestEntityKey;
  }

  List<Entity> speakers() {
    return speakers;
  }

  List<Entity> companies() {
    return companies;
  }

  List<String> tags() {
    return tags;
  }

  int[] phraseOf(int d) {
    return phrases[d];
  }

  /** Returns the term ids of an alternative's stems, or null when the catalog lacks any of them. */
  int[] termIds(List<String> stems) {
    int[] ids = new int[stems.size()];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = termId(stems.get(k));
      if (ids[k] < 0) {
        return null;
      }
    }
    return ids;
  }

  /** Returns how many sessions can hold all the terms (the rarest one's count), 0 for null. */
  int df(int[] ids) {
    if (ids == null) {
      return 0;
    }
    int df = Integer.MAX_VALUE;
    for (int id : ids) {
      df = Math.min(df, postDocs[id].length);
    }
    return df;
  }

  int termId(String stem) {
    Integer id = termIds.get(stem);
    return id == null ? -1 : id;
  }

  /** Per-thread work arrays, one slot per session, so a query allocates nothing per session. */
  static final class Scratch {
    final float[] total;
    final float[] concept;
    final int[] matched;
    final int[] touched;
    int touchedCount;
    final int[] conceptTouched;
    int conceptCount;
    final boolean[] inConcept;
    final boolean[] inTotal;
    final int[] candidates;
    final float[] scores;
    final long[] keys;

    Scratch(int n) {
      candidates = new int[n];
      scores = new float[n];
      keys = new long[n];
      total = new float[n];
      concept = new float[n];
      matched = new int[n];
      touched = new int[n];
      conceptTouched = new int[n];
      inConcept = new boolean[n];
      inTotal = new boolean[n];
    }

    void reset() {
      for (int i = 0; i < touchedCount; i++) {
        int d = touched[i];
        total[d] = 0;
        matched[d] = 0;
        inTotal[d] = false;
      }
      for (int i = 0; i < conceptCount; i++) {
        int d = conceptTouched[i];
        concept[d] = 0;
        inConcept[d] = false;
      }
      touchedCount = 0;
      conceptCount = 0;
    }
  }

  Scratch scratch() {
    Scratch s = scratch.get();
    s.reset();
    return s;
  }

  /**
   * Scores one alternative of a concept (a stem, or a phrase of stems that must all occur) and keeps
   * the best alternative's score per session in {@code s.concept}. With {@code onlyCandidates} it
   * scores just the sessions earlier concepts found, by binary search: that is how very common words
   * ("istio") add their little weight without walking every posting.
   */
  void scoreAlternative(int[] ids, float weight, Scratch s, boolean onlyCandidates) {
    if (ids == null) {
      return;
    }
    int rarest = 0;
    for (int k = 1; k < ids.length; k++) {
      if (postDocs[ids[k]].length < postDocs[ids[rarest]].length) {
        rarest = k;
      }
    }
    if (onlyCandidates) {
      if (ids.length == 1) {
        int[] ds = postDocs[ids[0]];
        float[] impacts = postImpacts[ids[0]];
        float w = weight * idf(ds.length);
        for (int i = 0; i < s.touchedCount; i++) {
          int d = s.touched[i];
          int at = Arrays.binarySearch(ds, d);
          if (at >= 0) {
            keep(s, d, w * impacts[at]);
          }
        }
        return;
      }
      float idf = idf(Math.max(1, postDocs[ids[rarest]].length));
      for (int i = 0; i < s.touchedCount; i++) {
        int d = s.touched[i];
        int packed = packedAt(ids, d);
        if (packed != 0) {
          keep(s, d, weight * idf * impact(d, packed));
        }
      }
      return;
    }
    if (ids.length == 1) {
      int[] ds = postDocs[ids[0]];
      float[] impacts = postImpacts[ids[0]];
      float w = weight * idf(ds.length);
      for (int i = 0; i < ds.length; i++) {
        keep(s, ds[i], w * impacts[i]);
      }
      return;
    }
    // A phrase: intersect, taking each field's smallest frequency as the phrase's.
    int[] base = postDocs[ids[rarest]];
    int[] found = new int[base.length];
    int[] packed = new int[base.length];
    int count = 0;
    for (int d : base) {
      int p = packedAt(ids, d);
      if (p != 0) {
        found[count] = d;
        packed[count++] = p;
      }
    }
    float idf = idf(count);
    for (int i = 0; i < count; i++) {
      keep(s, found[i], weight * idf * impact(found[i], packed[i]));
    }
  }

  /** Returns the packed frequencies of all the terms in a session (each field's minimum), 0 if any is absent. */
  private int packedAt(int[] ids, int d) {
    int p = -1;
    for (int id : ids) {
      int at = Arrays.binarySearch(postDocs[id], d);
      if (at < 0) {
        return 0;
      }
      p = p == -1 ? postTfs[id][at] : minFields(p, postTfs[id][at]);
    }
    return p == -1 ? 0 : p;
  }

  private static int minFields(int a, int b) {
    int out = 0;
    for (Field f : Field.ALL) {
      out |= Math.min(f.tf(a), f.tf(b)) << (f.ordinal() * Field.BITS);
    }
    return out;
  }

  private static void keep(Scratch s, int d, float score) {
    if (score <= 0) {
      return;
    }
    if (!s.inConcept[d]) {
      s.inConcept[d] = true;
      s.concept[d] = score;
      s.conceptTouched[s.conceptCount++] = d;
    } else if (score > s.concept[d]) {
      s.concept[d] = score;
    }
  }

  /** Adds the current concept's best scores into the totals and clears the concept slots. */
  void closeConcept(Scratch s) {
    for (int i = 0; i < s.conceptCount; i++) {
      int d = s.conceptTouched[i];
      if (!s.inTotal[d]) {
        s.inTotal[d] = true;
        s.touched[s.touchedCount++] = d;
      }
      s.total[d] += s.concept[d];
      s.matched[d]++;
      s.concept[d] = 0;
      s.inConcept[d] = false;
    }
    s.conceptCount = 0;
  }

  private float idf(int df) {
    int n = docs.length;
    return (float) Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Returns BM25F's term weight for packed field frequencies: saturated, length-normalised, no idf. */
  private float impact(int d, int packed) {
    float tfw = 0;
    int base = d * Field.ALL.length;
    for (int f = 0; packed != 0; f++, packed >>>= Field.BITS) {
      int tf = packed & Field.MAX_TF;
      if (tf > 0) {
        tfw += tf * weightOverNorm[base + f];
      }
    }
    return tfw * (K1 + 1) / (tfw + K1);
  }

  /** Returns the title of the most watched (then earliest) session whose title holds the stem, or null. */
  String titleWith(String stem) {
    int id = termId(stem);
    if (id < 0) {
      return null;
    }
    int best = -1;
    int[] ds = postDocs[id];
    int[] tfs = postTfs[id];
    for (int i = 0; i < ds.length; i++) {
      if (Field.TITLE.tf(tfs[i]) > 0 && (best < 0 || popularity[ds[i]] > popularity[best]
          || popularity[ds[i]] == popularity[best] && chronoRank[ds[i]] < chronoRank[best])) {
        best = ds[i];
      }
    }
    return best < 0 ? null : docs[best].title();
  }

  /** Returns whether the field holds the stem for the session. */
  boolean fieldHas(int d, String stem, Field field) {
    int id = termId(stem);
    if (id < 0) {
      return false;
    }
    int at = Arrays.binarySearch(postDocs[id], d);
    return at >= 0 && field.tf(postTfs[id][at]) > 0;
  }
}
