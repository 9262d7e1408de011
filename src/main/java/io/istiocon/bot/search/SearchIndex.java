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
  private final int[][] lengths;
  private final float[] avgLength = new float[Field.ALL.length];
  private final Map<String, Integer> surfaceDf = new HashMap<>();
  private final Set<String> labelWords = new HashSet<>();
  private final FuzzyDictionary dictionary;
  private final int[][] phrases;
  private final Map<List<String>, Entity> entityKeys = new HashMap<>();
  private int longestEntityKey = 1;
  private final List<Entity> speakers = new ArrayList<>();
  private final List<Entity> companies = new ArrayList<>();
  private final List<String> tags;
  private final ThreadLocal<Scratch> scratch;

  private SearchIndex(Catalog catalog, Synonyms synonyms) {
    this.catalog = catalog;
    this.synonyms = synonyms;
    List<Session> all = catalog.sessions();
    this.docs = all.toArray(new Session[0]);
    this.conferenceOf = new Conference[docs.length];
    this.lengths = new int[Field.ALL.length][docs.length];
    this.phrases = new int[docs.length][];
    Map<String, Conference> conferences = new HashMap<>();
    for (Conference conference : catalog.conferences()) {
      conferences.put(conference.id(), conference);
    }
    List<int[]> docBuf = new ArrayList<>();
    List<int[]> tfBuf = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    Set<String> tagSet = new TreeSet<>();
    long[] totals = new long[Field.ALL.length];
    for (int d = 0; d < docs.length; d++) {
      Session s = docs[d];
      conferenceOf[d] = conferences.get(s.conference());
      tagSet.addAll(s.tags());
      Map<Integer, Integer> packed = new LinkedHashMap<>();
      Set<String> surfaces = new HashSet<>();
      List<Integer> phrase = new ArrayList<>();
      for (Field field : Field.ALL) {
        List<Text.Word> words = Text.analyze(fieldText(s, field));
        int length = 0;
        for (Text.Word word : words) {
          surfaces.add(word.text());
          if (field != Field.ABSTRACT) {
            labelWords.add(word.text());
          }
          if (!word.joined()) {
            length++;
          }
          String stem = stemOf(word);
          int id = termIds.computeIfAbsent(stem, k -> termIds.size());
          int shift = field.ordinal() * Field.BITS;
          packed.merge(id, 1 << shift, (old, one) -> {
            int tf = (old >>> shift) & Field.MAX_TF;
            return tf >= Field.MAX_TF ? old : old + one;
          });
          if ((field == Field.TITLE || field == Field.ABSTRACT) && !word.joined()
              && !Lexicon.STOPWORDS.contains(word.text())) {
            phrase.add(id);
          }
        }
        if (field == Field.TITLE) {
          phrase.add(-1); // titles and abstracts are separate phrases
        }
        lengths[field.ordinal()][d] = length;
        totals[field.ordinal()] += length;
      }
      phrases[d] = phrase.stream().mapToInt(Integer::intValue).toArray();
      for (String surface : surfaces) {
        surfaceDf.merge(surface, 1, Integer::sum);
      }
      for (Map.Entry<Integer, Integer> e : packed.entrySet()) {
        int id = e.getKey();
        while (docBuf.size() <= id) {
          docBuf.add(new int[4]);
          tfBuf.add(new int[4]);
          sizes.add(0);
        }
        int size = sizes.get(id);
        if (size == docBuf.get(id).length) {
          docBuf.set(id, Arrays.copyOf(docBuf.get(id), size * 2));
          tfBuf.set(id, Arrays.copyOf(tfBuf.get(id), size * 2));
        }
        docBuf.get(id)[size] = d;
        tfBuf.get(id)[size] = e.getValue();
        sizes.set(id, size + 1);
      }
    }
    postDocs = new int[docBuf.size()][];
    postTfs = new int[docBuf.size()][];
    for (int id = 0; id < docBuf.size(); id++) {
      postDocs[id] = Arrays.copyOf(docBuf.get(id), sizes.get(id));
      postTfs[id] = Arrays.copyOf(tfBuf.get(id), sizes.get(id));
    }
    for (Field field : Field.ALL) {
      avgLength[field.ordinal()] = docs.length == 0 ? 1 : Math.max(1f, (float) totals[field.ordinal()] / docs.length);
    }
    this.tags = List.copyOf(tagSet);
    this.dictionary = new FuzzyDictionary(surfaceDf.keySet().stream().filter(w -> !Text.isHan(w.codePointAt(0))).toList());
    buildEntities();
    int n = docs.length;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
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

  Conference conferenceOf(int d) {
    return conferenceOf[d];
  }

  /** Returns the number of distinct words the catalog uses. */
  public int vocabularySize() {
    return surfaceDf.size();
  }

  /** Returns how many sessions use a folded word anywhere, 0 if none. */
  int surfaceDf(String word) {
    return surfaceDf.getOrDefault(word, 0);
  }

  /** Returns whether a word appears in a title, name, company, tag or type, not only in abstracts. */
  boolean isLabelWord(String word) {
    return labelWords.contains(word);
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

    Scratch(int n) {
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
   * the best alternative's score per session in {@code s.concept}.
   */
  void scoreAlternative(List<String> stems, float weight, Scratch s) {
    if (stems.size() == 1) {
      int id = termId(stems.get(0));
      if (id < 0) {
        return;
      }
      int[] ds = postDocs[id];
      int[] tfs = postTfs[id];
      float idf = idf(ds.length);
      for (int i = 0; i < ds.length; i++) {
        keep(s, ds[i], weight * bm25f(ds[i], tfs[i], idf));
      }
      return;
    }
    int[] ids = new int[stems.size()];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = termId(stems.get(k));
      if (ids[k] < 0) {
        return;
      }
    }
    // Intersect, taking each field's smallest frequency as the phrase's.
    int rarest = 0;
    for (int k = 1; k < ids.length; k++) {
      if (postDocs[ids[k]].length < postDocs[ids[rarest]].length) {
        rarest = k;
      }
    }
    int[] base = postDocs[ids[rarest]];
    int[] found = new int[base.length];
    int[] packed = new int[base.length];
    int count = 0;
    outer:
    for (int i = 0; i < base.length; i++) {
      int d = base[i];
      int p = postTfs[ids[rarest]][i];
      for (int k = 0; k < ids.length; k++) {
        if (k == rarest) {
          continue;
        }
        int at = Arrays.binarySearch(postDocs[ids[k]], d);
        if (at < 0) {
          continue outer;
        }
        p = minFields(p, postTfs[ids[k]][at]);
      }
      if (p != 0) {
        found[count] = d;
        packed[count++] = p;
      }
    }
    float idf = idf(count);
    for (int i = 0; i < count; i++) {
      keep(s, found[i], weight * bm25f(found[i], packed[i], idf));
    }
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

  private float bm25f(int d, int packed, float idf) {
    float tfw = 0;
    for (Field f : Field.ALL) {
      int tf = f.tf(packed);
      if (tf > 0) {
        float norm = 1 - f.b + f.b * lengths[f.ordinal()][d] / avgLength[f.ordinal()];
        tfw += f.weight * tf / norm;
      }
    }
    return idf * tfw * (K1 + 1) / (tfw + K1);
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
