package io.istiocon.bot.search;

import io.istiocon.bot.catalog.Session;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Answers questions against a {@link SearchIndex}: reads the question ({@link QueryParser}), turns
 * its topic words into concepts ({@link Concepts}), selects and ranks the sessions ({@link Ranker}),
 * and explains answers that are empty or guessed ({@link Explanations}). Stateless and thread-safe.
 */
public final class QueryEngine {
  /** A word written as an acronym or a product name: "QUIC", "IPv6", "GPUs", "OpenTelemetry", "ARM64". */
  private static final Pattern LITERAL = Pattern.compile("\\b(?=\\w*[A-Z]\\w*[A-Z]|[a-z]+[A-Z]|\\w*[A-Za-z]\\d|\\w*\\d[A-Za-z])\\w{3,}");
  private static final Pattern PERCENTILE = Pattern.compile("p\\d{2,3}(\\.\\d+)?");
  /** The share of the catalog a topic word may appear in and still tell sessions apart. */
  private static final int GENERIC_SHARE = 3;
  /** How rare the concepts a match holds must be, in idf summed, to answer a question with an unknown term. */
  private static final double EVIDENCE = 6.0;
  /** The catalog's code for a session whose language is not stated. */
  private static final String UNSTATED = "und";
  /** Telling words from which on a question tells a story around what it asks. */
  private static final int STORY = 6;

  private final QueryParser parser = new QueryParser();

  /** Parses and answers a question in each conference's own zone. */
  public Answer answer(SearchIndex index, String question, Instant now) {
    return answer(index, parser.parse(question), now, null);
  }

  /** Parses a question without answering it. */
  public Query parse(String question) {
    return parser.parse(question);
  }

  /** Answers a parsed question at the given instant, in each conference's own zone. */
  public Answer answer(SearchIndex index, Query query, Instant now) {
    return answer(index, query, now, null);
  }

  /**
   * Answers a parsed question at the given instant; {@code asker} is the zone of the person asking
   * ("this afternoon" is theirs), or null for each conference's own zone.
   */
  public Answer answer(SearchIndex index, Query query, Instant now, ZoneId asker) {
    List<String> notes = new ArrayList<>();
    if (query.truncated()) {
      notes.add("Your question was cut to its first " + QueryParser.MAX_LENGTH + " characters.");
    }
    if (query.intent() == Query.Intent.HELP || query.intent() == Query.Intent.ABOUT) {
      return Explanations.empty(index, query, query.intent(), notes, List.of(), List.of());
    }
    if (index.size() == 0) {
      notes.add("No catalog is loaded yet.");
      return Explanations.empty(index, query, query.intent(), notes, List.of(), List.of());
    }
    query = query.withWhen(ToldTime.read(query.when(), query.order(), now,
        asker != null ? asker : index.catalog().conferences().get(0).zone()));
    Session byId = Ranker.sessionById(index, query);
    if (byId != null) {
      return new Answer(query, Query.Intent.SESSION_ID, List.of(new Answer.Hit(byId, 1.0)), 1, false, notes, List.of(),
          List.of(), index.catalog());
    }
    Set<String> literal = literals(query.text());
    Concepts.Reading reading = Concepts.of(index, query.content(), literal);
    List<Concepts.Concept> known = new ArrayList<>(reading.concepts().stream().filter(c -> !c.alternatives.isEmpty()).toList());
    List<Concepts.Concept> unknown = reading.concepts().stream().filter(c -> c.alternatives.isEmpty()).toList();
    int[] excluded = excluded(index, query, literal, known);
    Explanations.readAs(query.respelled(), reading.corrections(), notes);
    Query.Intent intent = query.intent();
    List<Entity> entities = known.stream().filter(c -> c.entity != null).map(c -> c.entity).toList();
    if (!entities.isEmpty() && entities.size() == known.size() && (intent == Query.Intent.SEARCH || intent == Query.Intent.SPEAKER)) {
      intent = switch (entities.get(0).kind()) {
        case SPEAKER -> Query.Intent.SPEAKER;
        case COMPANY -> Query.Intent.COMPANY;
        default -> Query.Intent.FILTER; // a room, a track, a conference
      };
    }
    Filter filter = new Filter(index, query, now, asker, excluded);
    Ranker.Selection selection = query.split() >= 0 ? compare(index, query, literal, filter, now, asker, excluded) : null;
    if (selection != null) {
      return new Answer(query, intent, selection.hits(), selection.total(), false, notes, List.of(), List.of(),
          index.catalog());
    }
    selection = Ranker.select(index, query, known, entities, filter);
    if (!unknown.isEmpty()) {
      Answer uncovered = uncovered(index, query, intent, known, unknown, selection, literal, notes);
      if (uncovered != null) {
        return uncovered;
      }
    }
    if (selection.total() == 0) {
      Attempt other = otherReading(index, query, known, entities, now, asker, excluded);
      if (other != null) {
        notes.add(other.note());
        query = other.query();
        filter = other.filter();
        selection = other.selection();
      }
    }
    if (selection.total() == 0 && query.hasFilters()) {
      selection = loosen(index, query, known, entities, filter, notes);
    }
    if (selection.total() == 0) {
      return Explanations.emptied(index, query, intent, known, entities, now, asker, excluded, notes);
    }
    selection = Explanations.pick(index, query, selection, notes);
    Explanations.reference(index, query, filter, notes);
    if (asker != null && query.dependsOnZone()) {
      Explanations.zone(index, query, known, entities, now, asker, excluded, selection, notes);
    }
    if (selection.total() > selection.hits().size()) {
      notes.add("Showing the first " + selection.hits().size() + " of " + selection.total() + " sessions.");
    }
    return new Answer(query, intent, selection.hits(), selection.total(), selection.set(), notes, List.of(), List.of(),
        index.catalog());
  }

  /**
   * Answers a question some of whose words no session uses. When the most specific of them is a
   * product, project or protocol ("dapr", "区块链") and the rest does not answer the question on its
   * own, or when the rest is only generic words, no session covers the question: say so first and
   * offer the rest only as the closest. Otherwise note the missing words and return null, so the
   * rest answers.
   */
  private static Answer uncovered(SearchIndex index, Query query, Query.Intent intent, List<Concepts.Concept> known,
      List<Concepts.Concept> unknown, Ranker.Selection rest, Set<String> literal, List<String> notes) {
    List<Concepts.Concept> telling = distinct(known.stream().filter(c -> !generic(index, c)).toList());
    // In a long question that tells its story, a word of the asker's own ("oncall", "gitops-y") is no
    // subject; only a product or a name written as one ("Dapr", "GKE") still is.
    boolean story = telling.size() >= STORY;
    List<String> specific = unknown.stream().filter(c -> isSpecific(c, literal) && (!story || named(c, literal)))
        .map(c -> c.text).toList();
    List<String> missing = unknown.stream().map(c -> c.text).toList();
    boolean uncovered = specific.isEmpty()
        ? known.isEmpty() ? !query.hasFilters() : telling.isEmpty() || outweighed(index, query, rest, telling, unknown)
        : !bearsOut(index, rest, telling);
    if (!uncovered) {
      notes.add(0, "No session mentions " + quoted(missing) + (known.isEmpty()
          ? "; showing everything else the question asks for." : "; showing matches for the rest."));
      return null;
    }
    notes.add(0, "No session mentions " + quoted(specific.isEmpty() ? missing : specific) + ".");
    // With no other word and no filter, the rest is the whole program: nothing is closer than anything else.
    List<Answer.Hit> closest = known.isEmpty() && !query.hasFilters() ? List.of()
        : Explanations.top(rest.hits(), Explanations.CLOSEST);
    if (!closest.isEmpty()) {
      notes.add("Closest, on the rest of the question:");
    }
    return Explanations.empty(index, query, intent, notes, closest.isEmpty() ? Explanations.suggest(index, query) : List.of(),
        closest);
  }

  /**
   * Answers a question that sets two sessions against each other in the order it asks for ("which did
   * better in views, the sketching talk or the Intuit one?", "was the kiali workshop longer than..."):
   * each side's best match, in that order. Returns null when a side finds nothing of its own, so the
   * question is read as a whole.
   */
  private static Ranker.Selection compare(SearchIndex index, Query query, Set<String> literal, Filter filter, Instant now,
      ZoneId asker, int[] excluded) {
    Query plain = query.withOrder(Query.Order.NONE);
    Filter unordered = new Filter(index, plain, now, asker, excluded);
    int[] best = new int[2];
    for (int side = 0; side < 2; side++) {
      List<Concepts.Concept> concepts = Concepts.of(index, query.side(side == 0), literal).concepts().stream()
          .filter(c -> !c.alternatives.isEmpty()).toList();
      if (concepts.isEmpty()) {
        return null;
      }
      List<Entity> named = concepts.stream().filter(c -> c.entity != null).map(c -> c.entity).toList();
      Ranker.Selection found = Ranker.select(index, plain, concepts, named, unordered);
      if (found.hits().isEmpty()) {
        return null;
      }
      best[side] = index.numberOf(found.hits().get(0).session());
    }
    if (best[0] == best[1]) {
      return null;
    }
    List<Answer.Hit> hits = new ArrayList<>();
    for (int d : filter.sort(index, best, 2)) {
      hits.add(new Answer.Hit(index.doc(d), 1.0));
    }
    return new Ranker.Selection(hits, 2, false);
  }

  /** Another reading of a question whose own found nothing, with the note that says so. */
  private record Attempt(Query query, Filter filter, Ranker.Selection selection, String note) {}

  /**
   * Reads a question whose filters left nothing the other way it may have been meant: a weekday as
   * the asker's own day ("chinese sessions on thursday" from Shanghai), or, for a kind of session or
   * a topic, a language as possibly that of the sessions that do not state theirs ("chinese
   * keynotes", "the chinese rerun of the roadmap"). Returns null when neither finds anything.
   */
  private static Attempt otherReading(SearchIndex index, Query query, List<Concepts.Concept> known, List<Entity> entities,
      Instant now, ZoneId asker, int[] excluded) {
    if (asker != null && query.when().zone() == null && query.when().namesDate()) {
      Attempt mine = attempt(index, query.withWhen(query.when().withZone(asker)), known, entities, now, asker, excluded,
          "Nothing on that day in the program's time; showing that day in your time zone, " + asker.getId() + ".");
      if (mine != null) {
        return mine;
      }
    }
    if (!query.types().isEmpty() && namesAKind(entities, query.types())) {
      // "that dude from descartes labs": "labs" was part of the company's name, not a kind of session
      Attempt named = attempt(index, query.withTypes(java.util.EnumSet.noneOf(io.istiocon.bot.catalog.SessionType.class)),
          known, entities, now, asker, excluded, "Read the kind of session as part of a name.");
      if (named != null) {
        return named;
      }
    }
    When when = query.when();
    if (when.around() != null && when.around().kind() == When.Kind.EARLIER_TODAY && when.days().isEmpty()
        && !during(index, now)) {
      // "my manager missed the session about the roadmap" asked when the conference is not on: any day before now
      Attempt before = attempt(index, query.withWhen(when.withAround(null).withClip(When.Clip.TO_NOW)), known, entities,
          now, asker, excluded, "The conference is not on today; showing all it held before now.");
      if (before != null) {
        return before;
      }
    }
    if (when.hasWindow() && when.days().isEmpty() && !when.everyDay() && when.around() == null
        && !during(index, now)) {
      // "keynotes in the pacific evening" asked when the conference is not on: any of its days
      Attempt any = attempt(index, query.withWhen(when.onEveryDay()), known, entities, now, asker, excluded,
          "The conference is not on today; showing that time on each of its days.");
      if (any != null) {
        return any;
      }
    }
    if (!query.languages().isEmpty() && !query.languages().contains(UNSTATED)
        && (!query.types().isEmpty() || !known.isEmpty())) {
      Set<String> maybe = new HashSet<>(query.languages());
      maybe.add(UNSTATED);
      return attempt(index, query.withLanguages(maybe), known, entities, now, asker, excluded,
          "No session is listed in " + query.languages().stream().map(QueryEngine::languageName)
              .collect(Collectors.joining(" or ")) + "; these do not say which language they are in.");
    }
    return null;
  }

  /** Returns whether the name of a speaker or company named holds a word for one of the kinds asked for. */
  private static boolean namesAKind(List<Entity> entities, Set<io.istiocon.bot.catalog.SessionType> types) {
    for (Entity e : entities) {
      for (String word : Text.fold(e.label()).split("[^\\p{L}\\p{N}]+")) {
        io.istiocon.bot.catalog.SessionType type = TypeWords.single(word);
        if (type != null && types.contains(type)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Returns whether some loaded conference runs on the day of {@code now}, in its own zone. */
  private static boolean during(SearchIndex index, Instant now) {
    for (io.istiocon.bot.catalog.Conference c : index.catalog().conferences()) {
      java.time.LocalDate today = now.atZone(c.zone()).toLocalDate();
      if (!today.isBefore(c.start()) && !today.isAfter(c.end())) {
        return true;
      }
    }
    return false;
  }

  private static Attempt attempt(SearchIndex index, Query query, List<Concepts.Concept> known, List<Entity> entities,
      Instant now, ZoneId asker, int[] excluded, String note) {
    Filter filter = new Filter(index, query, now, asker, excluded);
    Ranker.Selection selection = Ranker.select(index, query, known, entities, filter);
    return selection.total() > 0 ? new Attempt(query, filter, selection, note) : null;
  }

  /**
   * Drops the plain English words that no title or tag holds when, with them, the filters find
   * nothing: "anything worth staying up for tonight?" lists tonight's sessions.
   */
  private static Ranker.Selection loosen(SearchIndex index, Query query, List<Concepts.Concept> known,
      List<Entity> entities, Filter filter, List<String> notes) {
    // At a moment ("what will be playing when I get back?"), plain English words that find nothing
    // then are the asker's story ("stepping into a meeting"): what runs then is the answer.
    When.Around around = query.when().around();
    boolean moment = around != null && around.from().equals(around.to());
    List<Concepts.Concept> strong = known.stream()
        .filter(c -> !weak(index, c) && !(moment && plainEnglish(c))).toList();
    if (strong.size() == known.size()) {
      return Ranker.Selection.NONE;
    }
    Ranker.Selection loose = Ranker.select(index, query, strong, entities, filter);
    if (loose.total() > 0) {
      notes.add("None of them mentions " + quoted(known.stream().filter(c -> !strong.contains(c)).map(c -> c.text)
          .toList()) + "; showing them all.");
    }
    return loose;
  }

  /**
   * Returns the sessions the question excludes by name or topic: a speaker's or company's ("other
   * than Intel"), or those whose title or tags hold the topic ("excluding the wasm ones"). An
   * excluded word too common to tell sessions apart is a topic after all ("without knowing istio").
   */
  private static int[] excluded(SearchIndex index, Query query, Set<String> literal, List<Concepts.Concept> known) {
    if (query.notContent().isEmpty()) {
      return null;
    }
    int[] docs = null;
    for (Concepts.Concept c : Concepts.of(index, query.notContent(), literal).concepts()) {
      int[] out = c.entity != null ? c.entity.docs() : c.alternatives.isEmpty() || generic(index, c) ? null
          : Concepts.labelDocs(index, c);
      if (out != null) {
        docs = docs == null ? out : Ranker.union(docs, out);
      } else if (!c.alternatives.isEmpty()) {
        known.add(c);
      }
    }
    return docs;
  }

  /** Returns whether an unknown concept names a known product or is written as a name ("Dapr", "GKE"). */
  private static boolean named(Concepts.Concept c, Set<String> literal) {
    for (String word : c.text.split(" ")) {
      if (EnglishWords.isProduct(word) || literal.contains(word)) {
        return true;
      }
    }
    return c.han;
  }

  /**
   * Returns whether an unknown concept is a product, project or protocol rather than a plain English
   * word: not English, and either four letters or more, or written as an acronym or with digits
   * ("GKE", "ipv6"). Short lower-case words are more often typos of short words ("wat", "pco").
   */
  private static boolean isSpecific(Concepts.Concept c, Set<String> literal) {
    if (c.han) {
      return c.glossed; // a glossary term no session covers ("区块链")
    }
    for (String word : c.text.split(" ")) {
      if (EnglishWords.isProduct(word)) {
        return true;
      }
      if (PERCENTILE.matcher(word).matches()) {
        continue; // "p99 jumps": a measure, not a product
      }
      boolean letters = word.chars().allMatch(ch -> ch >= 'a' && ch <= 'z');
      boolean english = letters && EnglishWords.contains(word);
      boolean noise = word.chars().distinct().count() < 2 || word.length() > 40; // "xxxxxxxx", a pasted blob
      if (!english && !noise && word.length() >= 3 && (!letters || word.length() >= 4 || literal.contains(word))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether the best match answers the question well without its unknown term: it holds at
   * least two of the question's telling (non-generic) concepts, together rare enough (their idf
   * adds up to {@link #EVIDENCE}) that the match is no accident. A question that mentions
   * "localhost" in passing is still about its other words; "Dapr sidecars next to the istio proxy"
   * is about Dapr, whatever mentions sidecars and proxies.
   */
  private static boolean bearsOut(SearchIndex index, Ranker.Selection selection, List<Concepts.Concept> telling) {
    if (selection.hits().isEmpty()) {
      return false;
    }
    int d = index.numberOf(selection.hits().get(0).session());
    int covered = 0;
    double evidence = 0;
    for (Concepts.Concept c : telling) {
      if (Concepts.matches(index, c, d)) {
        covered++;
        evidence += Math.log((double) index.size() / Math.max(1, df(index, c)));
      }
    }
    return covered >= 2 && evidence >= EVIDENCE;
  }

  /**
   * Returns whether the words no session uses outweigh what the best match answers: two or more of
   * them, more than the telling words the best match holds, and that match no accident by
   * {@link #bearsOut}. "the energy use or carbon footprint of running sidecars" is about energy and
   * carbon, whatever mentions sidecars; a question with one stray word is still about the rest.
   */
  private static boolean outweighed(SearchIndex index, Query query, Ranker.Selection rest,
      List<Concepts.Concept> telling, List<Concepts.Concept> unknown) {
    if (query.hasFilters() || query.order() != Query.Order.NONE || telling.size() >= STORY) {
      return false;
    }
    for (Concepts.Concept c : telling) {
      if (c.entity != null || c.text.contains(" ")) {
        return false; // a speaker, a company or a term of the field named: the question is about it
      }
    }
    long missing = unknown.stream().filter(c -> !c.han && c.text.length() >= 4).count();
    if (missing < 2 || rest.hits().isEmpty() || bearsOut(index, rest, telling)) {
      return false;
    }
    int d = index.numberOf(rest.hits().get(0).session());
    long held = telling.stream().filter(c -> Concepts.matches(index, c, d)).count();
    return missing > held;
  }

  /** Returns the concepts with the first of those that stand for the same terms ("side by side" is one side). */
  private static List<Concepts.Concept> distinct(List<Concepts.Concept> concepts) {
    List<Concepts.Concept> out = new ArrayList<>();
    Set<List<List<String>>> seen = new HashSet<>();
    for (Concepts.Concept c : concepts) {
      if (seen.add(c.alternatives)) {
        out.add(c);
      }
    }
    return out;
  }

  private static int df(SearchIndex index, Concepts.Concept c) {
    int most = 0;
    for (List<String> alt : c.alternatives) {
      most = Math.max(most, index.postings().df(index.postings().termIds(alt)));
    }
    return most;
  }

  /** Returns whether a concept is a plain English word that no title or tag holds: no topic of its own. */
  /** Returns whether a concept is only general English words: no name, no glossary term, no Chinese. */
  private static boolean plainEnglish(Concepts.Concept c) {
    if (c.entity != null || c.glossed || c.han) {
      return false;
    }
    for (String word : c.text.split(" ")) {
      if (!EnglishWords.contains(word)) {
        return false;
      }
    }
    return true;
  }

  private static boolean weak(SearchIndex index, Concepts.Concept c) {
    return plainEnglish(c) && Concepts.labelDocs(index, c).length == 0;
  }

  /** Returns whether a concept is so common in the catalog that it tells no session apart ("istio", "mesh"). */
  private static boolean generic(SearchIndex index, Concepts.Concept c) {
    if (c.entity != null) {
      return false;
    }
    return index.size() >= 2 * GENERIC_SHARE && df(index, c) * GENERIC_SHARE >= index.size();
  }

  /** Returns the folded words the question writes as acronyms or product names. */
  static Set<String> literals(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = LITERAL.matcher(text == null ? "" : text);
    while (m.find()) {
      out.add(m.group().toLowerCase(Locale.ROOT));
    }
    return out;
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

  static String quoted(List<String> words) {
    return words.stream().map(w -> "\u201c" + w + "\u201d").collect(Collectors.joining(", "));
  }
}
