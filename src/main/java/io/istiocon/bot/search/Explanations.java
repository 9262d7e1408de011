package io.istiocon.bot.search;

import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.SessionType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the engine says around an answer: which filter left nothing and what comes closest without
 * it, how a word was read ("kafak" as "kafka"), which session was picked, which session "after the
 * keynote" follows, and in which zone a time of day was read when that changed the answer.
 */
final class Explanations {
  /** The closest sessions offered beside an empty answer, at most. */
  static final int CLOSEST = 5;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private Explanations() {}

  static Answer empty(SearchIndex index, Query query, Query.Intent intent, List<String> notes, List<String> suggestions,
      List<Answer.Hit> closest) {
    return new Answer(query, intent, List.of(), 0, false, notes, suggestions, closest, index.catalog());
  }

  static List<Answer.Hit> top(List<Answer.Hit> hits, int n) {
    return hits.subList(0, Math.min(n, hits.size()));
  }

  /** Says how corrected words were read: "Read “kafak” as “kafka”." */
  static void readAs(List<Query.Respelling> respelled, List<Spelling.Correction> corrections, List<String> notes) {
    List<String> parts = new ArrayList<>();
    for (Query.Respelling r : respelled) {
      parts.add("\u201c" + r.from() + "\u201d as \u201c" + r.to() + "\u201d");
    }
    for (Spelling.Correction c : corrections) {
      if (c.kind() == Spelling.Correction.Kind.TYPO || c.kind() == Spelling.Correction.Kind.SPLIT
          || c.kind() == Spelling.Correction.Kind.PREFIX) {
        parts.add("\u201c" + c.word().text() + "\u201d as \u201c" + c.best() + "\u201d");
      }
    }
    if (!parts.isEmpty()) {
      notes.add("Read " + String.join(", ", parts.subList(0, Math.min(3, parts.size()))) + ".");
    }
  }

  // ---- empty answers ----------------------------------------------------------------------

  /**
   * Answers a question whose filters left nothing: says which filter did, and offers what comes
   * closest without it (the next sessions for "now", other days, other kinds, other languages).
   */
  static Answer emptied(SearchIndex index, Query query, Query.Intent intent, List<Concepts.Concept> known,
      List<Entity> entities, Instant now, ZoneId asker, int[] excluded, List<String> notes) {
    explain(index, query, now, notes);
    List<Query> relaxations = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    When.Around around = query.when().around();
    if (around != null && around.kind() == When.Kind.NOW) {
      relaxations.add(query.withWhen(When.ANY.withAround(When.Around.of(When.Kind.NEXT))));
      labels.add("Coming up next:");
    }
    if (!query.when().isAny()) {
      relaxations.add(query.withWhen(When.ANY).withOrder(query.order() == Query.Order.NONE && known.isEmpty()
          ? Query.Order.POPULAR : query.order()));
      labels.add(known.isEmpty() && query.types().isEmpty() && query.languages().isEmpty()
          ? "All sessions are recorded; the most watched:" : "Matches at other times:");
    }
    if (!query.types().isEmpty()) {
      relaxations.add(query.withTypes(Set.of()));
      labels.add("Other kinds of session that match:");
    }
    for (int i = 0; i < relaxations.size(); i++) {
      Query relaxed = relaxations.get(i);
      Ranker.Selection hits = Ranker.select(index, relaxed, known, entities, new Filter(index, relaxed, now, asker, excluded));
      if (hits.total() > 0) {
        notes.add(labels.get(i));
        return empty(index, query, intent, notes, List.of(), top(hits.hits(), CLOSEST));
      }
    }
    return empty(index, query, intent, notes, suggest(index, query), List.of());
  }

  private static void explain(SearchIndex index, Query query, Instant now, List<String> notes) {
    List<Conference> conferences = index.catalog().conferences();
    Instant opens = conferences.stream().map(Conference::opens).min(Comparator.naturalOrder()).orElse(now);
    Instant closes = conferences.stream().map(Conference::closes).max(Comparator.naturalOrder()).orElse(now);
    String span = conferences.stream().map(c -> c.name() + " runs " + c.start().format(DAY) + " \u2013 "
        + c.end().format(DAY_YEAR) + " (" + c.zone().getId() + ")").collect(Collectors.joining("; "));
    String past = span.replace(" runs ", " ran ");
    When when = query.when();
    When.Kind kind = when.around() == null ? null : when.around().kind();
    if (kind == When.Kind.NOW) {
      notes.add(now.isAfter(closes) ? "Nothing is on right now: " + past + "."
          : now.isBefore(opens) ? "Nothing is on yet: " + span + "." : "Nothing is on right now" + describe(query) + ".");
    } else if (kind == When.Kind.NEXT) {
      notes.add(now.isAfter(closes) ? "Nothing is coming up: " + past + "." : "Nothing more is coming up" + describe(query) + ".");
    } else if (kind == When.Kind.LATER_TODAY) {
      notes.add("Nothing more is on today" + describe(query) + ".");
    } else if (!when.days().isEmpty() && !when.hasWindow() && kind == null) {
      boolean inside = false;
      for (Conference c : conferences) {
        for (DayRef day : when.days()) {
          inside |= day.resolve(c, now).stream().anyMatch(d -> c.dayNumber(d) > 0);
        }
      }
      String days = when.days().stream().map(DayRef::describe).collect(Collectors.joining(" or "));
      notes.add(inside ? "Nothing matches on " + days + describeKinds(query) + "." : "Nothing is on " + days + ": " + span + ".");
    } else if (!when.isAny()) {
      boolean outside = now.isAfter(closes) || now.isBefore(opens);
      notes.add("Nothing matches " + describeTime(when) + describeKinds(query)
          + (outside && when.days().isEmpty() && !when.everyDay() ? ": " + (now.isAfter(closes) ? past : span) : "") + ".");
    } else if (query.hasFilters()) {
      notes.add("Nothing matches" + describe(query) + ".");
    }
  }

  private static String describe(Query query) {
    String kinds = describeKinds(query);
    if (query.when().days().isEmpty()) {
      return kinds;
    }
    String days = "on " + query.when().days().stream().map(DayRef::describe).collect(Collectors.joining(" or "));
    return kinds.isEmpty() ? " for " + days : kinds + ", " + days;
  }

  /** Describes the kinds and languages asked for: " for keynotes in Chinese", " in Japanese", "". */
  private static String describeKinds(Query query) {
    List<String> parts = new ArrayList<>();
    String kinds = query.types().isEmpty() ? "" : "for " + query.types().stream().sorted().map(SessionType::plural)
        .map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or "));
    String languages = query.languages().isEmpty() ? ""
        : "in " + query.languages().stream().map(QueryEngine::languageName).collect(Collectors.joining(" or "));
    if (!kinds.isEmpty() || !languages.isEmpty()) {
      parts.add((kinds + " " + languages).strip());
    }
    if (!query.notTypes().isEmpty()) {
      parts.add("not " + query.notTypes().stream().sorted().map(SessionType::plural).map(t -> t.toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(" or ")));
    }
    if (!query.notLanguages().isEmpty()) {
      parts.add("not in " + query.notLanguages().stream().map(QueryEngine::languageName).collect(Collectors.joining(" or ")));
    }
    if (query.length() != null) {
      parts.add("about " + query.length().toMinutes() + " minutes long");
    }
    if (parts.isEmpty()) {
      return "";
    }
    String joined = String.join(", ", parts);
    return joined.startsWith("for ") || joined.startsWith("in ") ? " " + joined : " for " + joined;
  }

  /** Describes a time for a note: "between 12:00 and 17:00 on Tuesday", "in the next 10 minutes". */
  static String describeTime(When when) {
    List<String> parts = new ArrayList<>();
    if (when.from() != null && when.from().equals(when.to())) {
      parts.add("at " + when.from().format(TIME));
    } else if (when.from() != null && when.to() != null) {
      parts.add("between " + when.from().format(TIME) + " and " + when.to().format(TIME));
    } else if (when.from() != null) {
      parts.add("after " + when.from().format(TIME));
    } else if (when.to() != null) {
      parts.add("before " + when.to().format(TIME));
    }
    if (when.everyDay()) {
      parts.add("on any day");
    } else if (!when.days().isEmpty()) {
      parts.add("on " + when.days().stream().map(DayRef::describe).collect(Collectors.joining(" or ")));
    }
    When.Around around = when.around();
    if (around != null && around.kind() == When.Kind.SPAN) {
      long from = around.from().toMinutes();
      long to = around.to().toMinutes();
      parts.add(from == to ? (from < 0 ? -from + " minutes ago" : "in " + from + " minutes")
          : from < 0 ? "in the last " + -from + " minutes" : "in the next " + to + " minutes");
    } else if (around != null && around.kind() == When.Kind.EARLIER_TODAY) {
      parts.add("earlier today");
    }
    if (when.zone() != null) {
      parts.add("(" + when.zone().getId() + ")");
    }
    return parts.isEmpty() ? "then" : String.join(" ", parts);
  }

  /**
   * Suggests what the question may have meant: speakers, companies and tags that look like it, and
   * titles holding a catalog word a few edits from an unknown one. Works from the vocabulary and
   * the (small) name lists, so it costs the same on a catalog of any size.
   */
  static List<String> suggest(SearchIndex index, Query query) {
    return Suggestions.of(index, query);
  }

  // ---- around a non-empty answer ----------------------------------------------------------

  /** Keeps only the session the question picks ("the second spotlight"), with any tied with the first. */
  static Ranker.Selection pick(SearchIndex index, Query query, Ranker.Selection selection, List<String> notes) {
    // "right after the keynote" asks for the one session that follows (with any starting at the same time).
    When.Reference reference = query.when().reference();
    int pick = query.pick() > 0 ? query.pick() : reference != null && !reference.all() ? 1 : 0;
    List<Answer.Hit> hits = selection.hits();
    if (pick == 0 || hits.isEmpty()) {
      return selection;
    }
    if (pick > hits.size()) {
      notes.add("Only " + hits.size() + (hits.size() == 1 ? " session matches" : " sessions match") + "; showing "
          + (hits.size() == 1 ? "it" : "them all") + ".");
      return selection;
    }
    List<Answer.Hit> out = new ArrayList<>();
    out.add(hits.get(pick - 1));
    if (pick == 1) {
      Schedule s = index.schedule();
      int first = docOf(index, hits.get(0));
      for (Answer.Hit hit : hits.subList(1, hits.size())) {
        int d = docOf(index, hit);
        boolean tie = switch (query.order()) {
          case EARLIEST, LATEST, NONE -> s.start(d) == s.start(first);
          default -> Filter.primary(s, d, query.order()) == Filter.primary(s, first, query.order());
        };
        if (!tie) {
          break;
        }
        out.add(hit);
      }
    } else {
      notes.add("The " + ordinal(pick) + " of " + selection.total() + ", in program order.");
    }
    return new Ranker.Selection(out, out.size(), false);
  }

  private static int docOf(SearchIndex index, Answer.Hit hit) {
    return index.numberOf(hit.session());
  }

  private static String ordinal(int n) {
    return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    });
  }

  /** Names the session the answer comes right after or right before. */
  static void reference(SearchIndex index, Query query, Filter filter, List<String> notes) {
    int ref = filter.time.reference;
    if (ref >= 0) {
      When.Reference reference = query.when().reference();
      notes.add((reference.all() ? reference.before() ? "Before \u201c" : "After \u201c"
          : reference.before() ? "Right before \u201c" : "Right after \u201c")
          + index.doc(ref).title() + "\u201d:");
    }
  }

  /** Says in which zone a time of day was read, when reading it in the conference's own zone answers otherwise. */
  static void zone(SearchIndex index, Query query, List<Concepts.Concept> known, List<Entity> entities, Instant now,
      ZoneId asker, int[] excluded, Ranker.Selection selection, List<String> notes) {
    Set<ZoneId> own = new HashSet<>();
    index.catalog().conferences().forEach(c -> own.add(c.zone()));
    if (own.size() == 1 && own.contains(asker)) {
      return;
    }
    Ranker.Selection theirs = Ranker.select(index, query, known, entities, new Filter(index, query, now, null, excluded));
    if (!theirs.hits().equals(selection.hits())) {
      notes.add("Times read in your time zone, " + asker.getId() + ".");
    }
  }
}
