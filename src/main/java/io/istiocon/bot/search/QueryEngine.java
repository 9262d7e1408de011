package io.istiocon.bot.search;

import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.SessionType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers questions against a {@link SearchIndex}: reads the question ({@link QueryParser}), turns
 * its topic words into concepts ({@link Concepts}), selects and ranks the sessions ({@link Ranker}),
 * and explains empty answers with notes and suggestions. Stateless and thread-safe.
 */
public final class QueryEngine {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

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
    Session byId = Ranker.sessionById(index, query);
    if (byId != null) {
      return new Answer(query, Query.Intent.SESSION_ID, List.of(new Answer.Hit(byId, 1.0)), 1, false, notes, List.of(),
          index.catalog());
    }
    Ranker.Filter filter = new Ranker.Filter(index, query, now);
    List<Concepts.Concept> concepts = Concepts.of(index, query.content());
    List<Concepts.Concept> known = concepts.stream().filter(c -> !c.alternatives.isEmpty()).toList();
    List<String> unknown = concepts.stream().filter(c -> c.alternatives.isEmpty() && !c.han).map(c -> c.text).toList();
    Query.Intent intent = query.intent();
    if (known.isEmpty() && !unknown.isEmpty()) {
      if (query.hasFilters() || query.popular()) {
        // "beginner workshop": no session says "beginner", but the workshops are still the answer.
        notes.add("No session mentions " + quoted(unknown) + "; showing everything else the question asks for.");
        Ranker.Selection all = filter.all(index, query.popular());
        if (all.total() > 0) {
          return new Answer(query, intent, all.hits(), all.total(), true, notes, List.of(), index.catalog());
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
    Ranker.Selection selection = Ranker.select(index, query, known, entities, filter);
    if (selection.total() == 0) {
      explainEmpty(index, query, filter, now, notes);
      Ranker.Selection relaxed = relaxed(index, query, known, entities, now, notes);
      if (relaxed.total() > 0) {
        return new Answer(query, intent, relaxed.hits(), relaxed.total(), relaxed.set(), notes, List.of(), index.catalog());
      }
      return empty(index, query, intent, notes, suggest(index, query));
    }
    if (selection.total() > selection.hits().size()) {
      notes.add("Showing the first " + selection.hits().size() + " of " + selection.total() + " sessions.");
    }
    return new Answer(query, intent, selection.hits(), selection.total(), selection.set(), notes, List.of(), index.catalog());
  }

  private static Answer empty(SearchIndex index, Query query, Query.Intent intent, List<String> notes,
      List<String> suggestions) {
    return new Answer(query, intent, List.of(), 0, false, notes, suggestions, index.catalog());
  }

  // ---- empty answers ----------------------------------------------------------------------

  private static void explainEmpty(SearchIndex index, Query query, Ranker.Filter filter, Instant now, List<String> notes) {
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
  private Ranker.Selection relaxed(SearchIndex index, Query query, List<Concepts.Concept> known, List<Entity> entities, Instant now,
      List<String> notes) {
    if (query.time() == Query.Time.NOW) {
      Query next = new Query(query.text(), query.normalized(), query.truncated(), Query.Intent.NEXT, query.types(),
          query.languages(), query.days(), Query.Time.NEXT, query.popular(), query.lead(), query.content());
      Ranker.Selection upcoming = Ranker.select(index, next, known, entities, new Ranker.Filter(index, next, now));
      if (upcoming.total() > 0) {
        notes.add("Coming up next:");
        return upcoming;
      }
    }
    if (query.time() != Query.Time.ANY || !query.days().isEmpty()) {
      Query anyTime = new Query(query.text(), query.normalized(), query.truncated(), query.intent(), query.types(),
          query.languages(), List.of(), Query.Time.ANY, true, query.lead(), query.content());
      Ranker.Selection hits = Ranker.select(index, anyTime, known, entities, new Ranker.Filter(index, anyTime, now));
      if (hits.total() > 0) {
        notes.add(known.isEmpty() && query.types().isEmpty() && query.languages().isEmpty()
            ? "All sessions are recorded; the most watched:" : "Matches on other days:");
        return hits;
      }
    }
    if (!query.types().isEmpty() && !known.isEmpty()) {
      Query anyType = new Query(query.text(), query.normalized(), query.truncated(), query.intent(), Set.of(),
          query.languages(), query.days(), query.time(), query.popular(), query.lead(), query.content());
      Ranker.Selection hits = Ranker.select(index, anyType, known, entities, new Ranker.Filter(index, anyType, now));
      if (hits.total() > 0) {
        notes.add("Other kinds of session that match:");
        return hits;
      }
    }
    return Ranker.Selection.NONE;
  }

  /** A name or title the question may have meant, and how alike the two look (0 to 1). */
  private record Suggestion(String text, double score) {}

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
    List<Suggestion> scored = new ArrayList<>();
    List<String> names = new ArrayList<>();
    index.entities().speakers().forEach(e -> names.add(e.label()));
    index.entities().companies().forEach(e -> names.add(e.label()));
    names.addAll(index.tags());
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (seen.add(name)) {
        double similarity = dice(wantedGrams, trigrams(Text.fold(name)));
        if (similarity >= 0.35) {
          scored.add(new Suggestion(name, similarity));
        }
      }
    }
    for (String word : words) {
      if (word.length() < 4) {
        continue;
      }
      List<FuzzyDictionary.Candidate> near = new ArrayList<>(index.vocabulary().near(word, Concepts.maxEdits(word) + 1));
      near.sort(Concepts.closestFirst(index));
      for (FuzzyDictionary.Candidate c : near.subList(0, Math.min(2, near.size()))) {
        String title = index.titleWith(Stemmer.stem(c.word()));
        if (title != null && seen.add(title)) {
          scored.add(new Suggestion(title, 0.6 - 0.1 * c.distance()));
        }
      }
    }
    scored.sort(Comparator.comparingDouble(Suggestion::score).reversed());
    return scored.stream().limit(3).map(Suggestion::text).toList();
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
}
