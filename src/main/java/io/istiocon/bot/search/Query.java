package io.istiocon.bot.search;

import io.istiocon.bot.catalog.SessionType;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a question asks for, read from free text: filters (kind, language, time, length) and
 * exclusions, the order of the answer and whether one session is picked, what the answer should
 * lead with, and the topic words left over.
 *
 * @param text the question as asked (cut to {@link QueryParser#MAX_LENGTH})
 * @param normalized folded words joined by single spaces
 * @param truncated whether the question was cut
 * @param notTypes kinds of session the question excludes ("not the lightning ones")
 * @param notLanguages languages the question excludes
 * @param notContent words the question excludes that may name a speaker or company ("other than Intel")
 * @param when the time the question names
 * @param order how to order the answer
 * @param pick the place of the one session wanted in that order ("the second spotlight"), or 0 for all
 * @param length the session length asked for ("the 2.5-hour lab"), or null
 * @param content topic words, in order, compound glue forms included
 * @param respelled days and kinds of session read from misspellings, said in the answer
 * @param audience the live viewers a session must have had, or null
 * @param split for a question that compares two sessions ("which drew more viewers, the sketching talk or the
 *     intuit one?"), the position of the word between them ("or", "vs"): the content before it names one, the
 *     content after it the other; -1 otherwise
 */
public record Query(
    String text,
    String normalized,
    boolean truncated,
    Intent intent,
    Set<SessionType> types,
    Set<String> languages,
    Set<SessionType> notTypes,
    Set<String> notLanguages,
    List<Text.Word> notContent,
    When when,
    Order order,
    int pick,
    Duration length,
    int lengthBound,
    Lead lead,
    List<Text.Word> content,
    List<Respelling> respelled,
    Audience audience,
    int split) {

  public Query {
    types = Set.copyOf(types);
    languages = Set.copyOf(languages);
    notTypes = Set.copyOf(notTypes);
    notLanguages = Set.copyOf(notLanguages);
    notContent = List.copyOf(notContent);
    content = List.copyOf(content);
    respelled = List.copyOf(respelled);
    if (pick < 0) {
      throw new IllegalArgumentException("pick must not be negative, got " + pick);
    }
  }

  /**
   * How many live viewers a session must have had ("cleared 1,100 live viewers", "under 300 viewers").
   *
   * @param min the fewest, inclusive
   * @param max the most, inclusive
   */
  public record Audience(int min, int max) {}

  /** A misspelled day or kind of session, read as the word meant ("thursdy" as "thursday"). */
  public record Respelling(String from, String to) {}

  /** The kind of question, for answers, logs and metrics. */
  public enum Intent {
    HELP, ABOUT, PROGRAM, SEARCH, SPEAKER, COMPANY, NOW, NEXT, LATER, POPULAR, FILTER, SESSION_ID;

    /** Returns the lower-case name used in JSON and logs. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** How an answer is ordered; NONE ranks topic questions by relevance and lists sets in program order. */
  public enum Order { NONE, POPULAR, UNPOPULAR, EARLIEST, LATEST, LONGEST, SHORTEST }

  /** What a talk card shows first. */
  public enum Lead { NONE, VIDEO, SLIDES, PAGE, SPEAKERS, TIME, NO_VIDEO, NO_SLIDES }

  /** Returns the days the question names. */
  public List<DayRef> days() {
    return when.days();
  }

  /** Creates a question that compares no sessions. */
  public Query(String text, String normalized, boolean truncated, Intent intent, Set<SessionType> types,
      Set<String> languages, Set<SessionType> notTypes, Set<String> notLanguages, List<Text.Word> notContent, When when,
      Order order, int pick, Duration length, Lead lead, List<Text.Word> content, List<Respelling> respelled,
      Audience audience) {
    this(text, normalized, truncated, intent, types, languages, notTypes, notLanguages, notContent, when, order, pick,
        length, 0, lead, content, respelled, audience, -1);
  }

  /** Returns the content words before the split ({@code first}) or after it. */
  List<Text.Word> side(boolean first) {
    return content.stream().filter(word -> first == word.position() < split).toList();
  }

  /** Returns whether the answer is ordered most watched first. */
  public boolean popular() {
    return order == Order.POPULAR;
  }

  /** Returns whether the answer depends on the clock, so caches must key it by time. */
  public boolean dependsOnClock() {
    return when.dependsOnClock();
  }

  /** Returns whether the answer depends on the asker's zone, so caches must key it by zone. */
  public boolean dependsOnZone() {
    return when.dependsOnZone();
  }

  /** Returns whether the question names any filter or exclusion. */
  public boolean hasFilters() {
    return !types.isEmpty() || !languages.isEmpty() || !notTypes.isEmpty() || !notLanguages.isEmpty() || !when.isAny()
        || length != null || audience != null
        || lead == Lead.NO_VIDEO || lead == Lead.NO_SLIDES;
  }

  /**
   * Returns the question without its raw text: two questions with equal keys get equal answers,
   * so caches key by this.
   */
  public Query cacheKey() {
    return new Query("", normalized, truncated, intent, types, languages, notTypes, notLanguages, notContent, when, order,
        pick, length, lengthBound, lead, content, respelled, audience, split);
  }

  /** Returns a copy with another intent. */
  public Query withIntent(Intent newIntent) {
    return new Query(text, normalized, truncated, newIntent, types, languages, notTypes, notLanguages, notContent, when,
        order, pick, length, lengthBound, lead, content, respelled, audience, split);
  }

  /** Returns a copy with another time. */
  Query withWhen(When newWhen) {
    return new Query(text, normalized, truncated, intent, types, languages, notTypes, notLanguages, notContent, newWhen,
        order, pick, length, lengthBound, lead, content, respelled, audience, split);
  }

  /** Returns a copy with other kinds of session. */
  Query withTypes(Set<SessionType> newTypes) {
    return new Query(text, normalized, truncated, intent, newTypes, languages, notTypes, notLanguages, notContent, when,
        order, pick, length, lengthBound, lead, content, respelled, audience, split);
  }

  /** Returns a copy with other languages. */
  Query withLanguages(Set<String> newLanguages) {
    return new Query(text, normalized, truncated, intent, types, newLanguages, notTypes, notLanguages, notContent, when,
        order, pick, length, lengthBound, lead, content, respelled, audience, split);
  }

  /** Returns a copy with another order. */
  Query withOrder(Order newOrder) {
    return new Query(text, normalized, truncated, intent, types, languages, notTypes, notLanguages, notContent, when,
        newOrder, pick, length, lengthBound, lead, content, respelled, audience, split);
  }
}
