package io.istiocon.bot.search;

import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.Speaker;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the engine knows about one catalog version, built in one pass over its sessions:
 * the {@link Postings} for ranking, the {@link Vocabulary} for typo correction, the
 * {@link Entities} (speakers and companies) a question may name, and the {@link Schedule} for
 * filters and orders. Sessions are numbered in catalog order; every part uses those numbers.
 * Never changed once built, so any number of threads may read it.
 */
public final class SearchIndex {
  private final Catalog catalog;
  private final Synonyms synonyms;
  private final Session[] docs;
  private final Schedule schedule;
  private final Postings postings;
  private final Vocabulary vocabulary;
  private final Entities entities;
  private final List<String> tags;
  private final Map<String, Integer> byId = new HashMap<>();
  private final Map<Session, Integer> numbers = new java.util.IdentityHashMap<>();
  private final ThreadLocal<Scratch> scratch;

  private SearchIndex(Catalog catalog, Synonyms synonyms) {
    this.catalog = catalog;
    this.synonyms = synonyms.withGlossary();
    this.docs = catalog.sessions().toArray(new Session[0]);
    int n = docs.length;
    this.schedule = new Schedule(catalog, docs);
    Vocabulary.Builder words = new Vocabulary.Builder();
    Postings.Builder terms = new Postings.Builder(n);
    int[] termOfWord = new int[1024]; // vocabulary id -> term id, so each distinct word is stemmed once
    Set<String> tagSet = new TreeSet<>();
    for (int d = 0; d < n; d++) {
      tagSet.addAll(docs[d].tags());
      byId.putIfAbsent(docs[d].id().toLowerCase(Locale.ROOT), d);
      numbers.put(docs[d], d);
      for (Field field : Field.ALL) {
        int length = 0;
        for (Text.Word word : Text.analyze(fieldText(docs[d], field))) {
          int before = words.size();
          int id = words.add(word.text(), d, field != Field.ABSTRACT);
          if (id == before) {
            if (id == termOfWord.length) {
              termOfWord = Arrays.copyOf(termOfWord, id * 2);
            }
            termOfWord[id] = terms.term(stemOf(word));
          }
          boolean inPhrase = (field == Field.TITLE || field == Field.ABSTRACT) && !word.joined()
              && !Lexicon.STOPWORDS.contains(word.text());
          terms.add(termOfWord[id], field, inPhrase);
          if (!word.joined()) {
            length++;
          }
        }
        terms.endField(d, field, length);
      }
      terms.endSession(d);
    }
    this.vocabulary = words.build();
    this.postings = terms.build();
    this.entities = Entities.of(catalog, docs, postings);
    this.tags = List.copyOf(tagSet);
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
      // A subtitled session is found by the word too ("anything subtitled?"), as if it were a tag.
      case TAGS -> String.join(" ; ", s.tags()) + " ; " + s.trackName().orElse("") + " ; " + s.roomName().orElse("")
          + (s.subtitled() ? " ; subtitled ; subtitles ; captions ; 字幕" : "");
      case TYPE -> s.type().label() + " " + s.type().id();
      case ABSTRACT -> s.abstractText() + "\n" + s.summary();
    };
  }

  /** Returns the catalog this index was built from. */
  public Catalog catalog() {
    return catalog;
  }

  /** Returns the number of sessions indexed. */
  public int size() {
    return docs.length;
  }

  /** Returns the number of distinct words the catalog uses. */
  public int vocabularySize() {
    return vocabulary.size();
  }

  Synonyms synonyms() {
    return synonyms;
  }

  Session doc(int d) {
    return docs[d];
  }

  /** Returns the number of a session of this index (the very record, not an equal one). */
  int numberOf(Session session) {
    return numbers.get(session);
  }

  Conference conferenceOf(int d) {
    return catalog.conferences().get(schedule.conference(d));
  }

  /** Finds a session by id, ignoring case; the first conference's wins a tie. */
  Session byId(String id) {
    Integer d = byId.get(id.toLowerCase(Locale.ROOT));
    return d == null ? null : docs[d];
  }

  Schedule schedule() {
    return schedule;
  }

  Postings postings() {
    return postings;
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  Entities entities() {
    return entities;
  }

  /** Returns the catalog's tags, sorted. */
  List<String> tags() {
    return tags;
  }

  /** Returns this thread's work arrays, cleared. */
  Scratch scratch() {
    Scratch s = scratch.get();
    s.reset();
    return s;
  }

  /** Returns the title of the most watched (then earliest) session whose title holds the stem, or null. */
  String titleWith(String stem) {
    int id = postings.termId(stem);
    if (id < 0) {
      return null;
    }
    int best = -1;
    int[] ds = postings.docs(id);
    int[] packed = postings.packed(id);
    for (int i = 0; i < ds.length; i++) {
      int d = ds[i];
      if (Field.TITLE.tf(packed[i]) > 0 && (best < 0 || schedule.popularity(d) > schedule.popularity(best)
          || schedule.popularity(d) == schedule.popularity(best) && schedule.chronoRank(d) < schedule.chronoRank(best))) {
        best = d;
      }
    }
    return best < 0 ? null : docs[best].title();
  }
}
