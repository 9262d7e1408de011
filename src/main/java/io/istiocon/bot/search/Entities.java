package io.istiocon.bot.search;

import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.Speaker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The speakers, companies, rooms, tracks and (when several are loaded) conferences a question may
 * name, by the folded words of their names: whole names, aliases and glued forms ("redhat"), a
 * single distinctive word of a person's name ("posta"), a company's core name without corporate
 * words ("Huawei Cloud" is Huawei), a track without the word "track", a conference by its name, id
 * and year. Immutable once built.
 */
final class Entities {
  /** Corporate words that do not tell one company from another ("Huawei Cloud" is Huawei). */
  private static final Set<String> GENERIC_COMPANY_WORDS = Set.of(
      "cloud", "inc", "ltd", "llc", "labs", "lab", "research", "networks", "network", "government",
      "development", "china", "tech", "technologies", "technology", "corp", "corporation", "company",
      "co", "group", "software", "systems", "gmbh", "io", "com");

  private final Map<List<String>, Entity> byKey = new HashMap<>();
  private int longestKey = 1;
  private final List<Entity> speakers = new ArrayList<>();
  private final List<Entity> companies = new ArrayList<>();
  /** Every word of a person's full name, for names heard rather than read ("rafael fraise"). */
  private FuzzyDictionary nameWords = new FuzzyDictionary(List.of());

  /** Builds the entities of the sessions; {@code postings} tells which name words the program also uses. */
  static Entities of(Catalog catalog, Session[] docs, Postings postings) {
    return new Entities(catalog, docs, postings);
  }

  /** Returns the speaker or company a run of folded words names, or null. */
  Entity get(List<String> key) {
    return byKey.get(key);
  }

  /**
   * Returns the person whose two-word name is within two edits a word of {@code first second}
   * ("rafael fraise" is Raphael Fraysse), the nearest if several; null if none. For names spelled
   * as heard: both words must be four letters or longer.
   */
  Entity nearName(String first, String second) {
    if (first.length() < 4 || second.length() < 4) {
      return null;
    }
    Entity best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (FuzzyDictionary.Candidate a : withSelf(first)) {
      for (FuzzyDictionary.Candidate b : withSelf(second)) {
        Entity e = byKey.get(List.of(a.word(), b.word()));
        int distance = a.distance() + b.distance();
        if (e != null && e.kind() == Entity.Kind.SPEAKER && distance > 0 && distance < bestDistance) {
          best = e;
          bestDistance = distance;
        }
      }
    }
    return best;
  }

  private List<FuzzyDictionary.Candidate> withSelf(String word) {
    List<FuzzyDictionary.Candidate> out = new ArrayList<>(nameWords.near(word, 2));
    out.add(new FuzzyDictionary.Candidate(word, 0));
    return out;
  }

  /** Returns the most words any key has. */
  int longestKey() {
    return longestKey;
  }

  List<Entity> speakers() {
    return speakers;
  }

  /** Returns the companies, one per name ignoring case, alphabetically. */
  List<Entity> companies() {
    return companies;
  }

  private Entities(Catalog catalog, Session[] docs, Postings postings) {
    addSpeakers(docs, postings);
    addCompanies(docs); // after the speakers: a person's name wins over a company of the same name
    addPlaces(docs);
    if (catalog.conferences().size() > 1) {
      addConferences(catalog, docs); // "istiocon 2022 keynotes", "39c3 security talks"
    }
  }

  /** Rooms and tracks, by their names: "talks in Saal 1", "the security track". */
  private void addPlaces(Session[] docs) {
    Map<String, TreeSet<Integer>> rooms = new LinkedHashMap<>();
    Map<String, TreeSet<Integer>> tracks = new LinkedHashMap<>();
    for (int d = 0; d < docs.length; d++) {
      int doc = d;
      docs[d].roomName().ifPresent(r -> rooms.computeIfAbsent(r, k -> new TreeSet<>()).add(doc));
      docs[d].trackName().ifPresent(t -> tracks.computeIfAbsent(t, k -> new TreeSet<>()).add(doc));
    }
    rooms.forEach((name, in) -> addNamed(Entity.Kind.ROOM, name, in, List.of("room", "hall")));
    // A track is named as one ("the security track", "track: security"): alone, "security" stays a
    // topic, so a question about security still finds every conference's security talks.
    tracks.forEach((name, in) -> {
      Entity entity = new Entity(Entity.Kind.TRACK, name, toArray(in));
      List<String> key = surface(name);
      if (key.contains("track") || key.contains("devroom")) {
        putKey(key, entity);
      } else {
        List<String> named = new ArrayList<>(key);
        named.add("track");
        putKey(named, entity);
        named.add(0, "track");
        named.remove(named.size() - 1);
        putKey(named, entity);
      }
    });
  }

  /** A conference by its name, its id's parts and its year: "IstioCon 2022", "istiocon-2022", "2022", "39c3". */
  private void addConferences(Catalog catalog, Session[] docs) {
    Map<String, TreeSet<Integer>> byConference = new LinkedHashMap<>();
    for (int d = 0; d < docs.length; d++) {
      byConference.computeIfAbsent(docs[d].conference(), k -> new TreeSet<>()).add(d);
    }
    Map<String, Integer> years = new HashMap<>();
    catalog.conferences().forEach(c -> years.merge(String.valueOf(c.start().getYear()), 1, Integer::sum));
    for (Conference c : catalog.conferences()) {
      TreeSet<Integer> in = byConference.getOrDefault(c.id(), new TreeSet<>());
      Entity entity = new Entity(Entity.Kind.CONFERENCE, c.name(), toArray(in));
      List<List<String>> names = new ArrayList<>();
      addKey(names, surface(c.name()));
      addKey(names, surface(c.id().replace('-', ' ')));
      String year = String.valueOf(c.start().getYear());
      if (years.get(year) == 1) {
        addKey(names, List.of(year)); // a year names a conference only when one conference has it
      }
      for (List<String> key : names) {
        putKey(key, entity);
        if (key.size() > 1) {
          putKey(List.of(String.join("", key)), entity);
          putKey(withoutYear(key), entity); // "istiocon" names every IstioCon loaded
        }
      }
    }
  }

  /** Returns a name without its trailing year ("istiocon 2022" is also "istiocon"), or the name itself. */
  private static List<String> withoutYear(List<String> key) {
    String last = key.get(key.size() - 1);
    return last.length() == 4 && last.chars().allMatch(Character::isDigit) ? key.subList(0, key.size() - 1) : key;
  }

  /** Adds a room or track by its name, also without a trailing generic word ("Security Track" is "security"). */
  private void addNamed(Entity.Kind kind, String name, Set<Integer> docs, List<String> generic) {
    Entity entity = new Entity(kind, name, toArray(docs));
    List<String> key = surface(name);
    putKey(key, entity);
    if (key.size() > 1) {
      putKey(List.of(String.join("", key)), entity);
      List<String> core = new ArrayList<>(key);
      core.removeIf(generic::contains);
      if (!core.isEmpty() && core.size() < key.size()) {
        putKey(core, entity);
      }
    }
  }

  private void addSpeakers(Session[] docs, Postings postings) {
    Map<String, TreeSet<Integer>> bySpeaker = new LinkedHashMap<>();
    Map<String, List<List<String>>> speakerKeys = new HashMap<>();
    for (int d = 0; d < docs.length; d++) {
      for (Speaker speaker : docs[d].speakers()) {
        bySpeaker.computeIfAbsent(speaker.name(), k -> new TreeSet<>()).add(d);
        List<List<String>> names = speakerKeys.computeIfAbsent(speaker.name(), k -> new ArrayList<>());
        addKey(names, surface(speaker.name()));
        for (String alias : speaker.aliases()) {
          addKey(names, surface(alias));
        }
        addHanKeys(names, surface(speaker.name()));
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
    Set<String> words = new HashSet<>();
    speakerKeys.values().forEach(keys -> keys.forEach(words::addAll));
    nameWords = new FuzzyDictionary(words);
    for (Map.Entry<String, TreeSet<Integer>> e : bySpeaker.entrySet()) {
      Entity entity = new Entity(Entity.Kind.SPEAKER, e.getKey(), toArray(e.getValue()));
      speakers.add(entity);
      for (List<String> key : speakerKeys.get(e.getKey())) {
        putKey(key, entity);
        if (key.size() > 1) {
          putKey(List.of(String.join("", key)), entity);
          for (String word : key) {
            if (word.length() >= 3 && ownersOfWord.get(word).size() == 1 && !usedElsewhere(postings, word, e.getValue())) {
              putKey(List.of(word), entity);
            }
          }
        }
      }
    }
  }

  /**
   * A Chinese name written with spaces ("超 许") is typed without them, family name first or last
   * ("许超", "超许"): both are keys, as the pairs of characters a question's Han text is read in.
   */
  private static void addHanKeys(List<List<String>> names, List<String> parts) {
    if (parts.size() < 2 || !parts.stream().allMatch(p -> Text.isHan(p.codePointAt(0)))) {
      return;
    }
    List<String> reversed = new ArrayList<>(parts);
    java.util.Collections.reverse(reversed);
    for (List<String> order : List.of(parts, reversed)) {
      addKey(names, surface(String.join("", order)));
    }
  }

  /** Companies: "IBM", "IBM Cloud" and "IBM Research" share the key "ibm" and so one entity. */
  private void addCompanies(Session[] docs) {
    Map<List<String>, TreeSet<Integer>> companyDocs = new LinkedHashMap<>();
    Map<List<String>, String> companyLabel = new HashMap<>();
    for (int d = 0; d < docs.length; d++) {
      for (Speaker speaker : docs[d].speakers()) {
        if (speaker.company() != null) {
          for (List<String> key : companyKeys(speaker.company())) {
            companyDocs.computeIfAbsent(key, k -> new TreeSet<>()).add(d);
            companyLabel.putIfAbsent(key, speaker.company());
          }
        }
      }
    }
    Map<List<String>, Entity> companyByKey = new HashMap<>();
    for (Map.Entry<List<String>, TreeSet<Integer>> e : companyDocs.entrySet()) {
      companyByKey.put(e.getKey(), new Entity(Entity.Kind.COMPANY, companyLabel.get(e.getKey()), toArray(e.getValue())));
    }
    for (Map.Entry<List<String>, Entity> e : companyByKey.entrySet()) {
      List<String> key = e.getKey();
      if (key.size() > 1) {
        putKey(List.of(String.join("", key)), e.getValue());
      }
      putKey(key, e.getValue());
    }
    Set<String> seen = new HashSet<>();
    for (Entity entity : companyByKey.values()) {
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
    Entity old = byKey.get(key);
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
    byKey.put(List.copyOf(key), entity);
    longestKey = Math.max(longestKey, key.size());
  }

  private static void addKey(List<List<String>> keys, List<String> key) {
    if (!key.isEmpty() && !keys.contains(key)) {
      keys.add(key);
    }
  }

  /** Returns the keys a company is known by: its whole name, its core name and each part in brackets. */
  private static List<List<String>> companyKeys(String company) {
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

  /** Returns whether sessions other than {@code ownDocs} use the word in a title, abstract, tag or company. */
  private static boolean usedElsewhere(Postings postings, String word, Set<Integer> ownDocs) {
    int id = postings.termId(Stemmer.stem(word));
    if (id < 0) {
      return false;
    }
    int[] ds = postings.docs(id);
    int[] tfs = postings.packed(id);
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
}
