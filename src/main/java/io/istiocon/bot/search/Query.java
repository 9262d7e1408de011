package io.istiocon.bot.search;

import io.istiocon.bot.catalog.SessionType;
import java.util.List;
import java.util.Set;

/**
 * What a question asks for, read from free text: filters (type, language, day, time), what the
 * answer should lead with, and the topic words left over.
 *
 * @param text the question as asked (cut to {@link QueryParser#MAX_LENGTH})
 * @param normalized folded words joined by single spaces; the cache key
 * @param truncated whether the question was cut
 * @param content topic words, in order, compound glue forms included
 */
public record Query(
    String text,
    String normalized,
    boolean truncated,
    Intent intent,
    Set<SessionType> types,
    Set<String> languages,
    List<DayRef> days,
    Time time,
    boolean popular,
    Lead lead,
    List<Text.Word> content) {

  public Query {
    types = Set.copyOf(types);
    languages = Set.copyOf(languages);
    days = List.copyOf(days);
    content = List.copyOf(content);
  }

  /** The kind of question, for answers, logs and metrics. */
  public enum Intent {
    HELP, ABOUT, PROGRAM, SEARCH, SPEAKER, COMPANY, NOW, NEXT, LATER, POPULAR, FILTER, SESSION_ID;

    /** Returns the lower-case name used in JSON and logs. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A time window relative to the clock. */
  public enum Time { ANY, NOW, NEXT, LATER_TODAY }

  /** What a talk card shows first. */
  public enum Lead { NONE, VIDEO, SLIDES, PAGE, SPEAKERS, TIME }

  /** Returns whether the answer depends on the clock, so caches must key it by time. */
  public boolean dependsOnClock() {
    if (time != Time.ANY) {
      return true;
    }
    for (DayRef day : days) {
      if (day.kind() == DayRef.Kind.RELATIVE) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether the question names any filter. */
  public boolean hasFilters() {
    return !types.isEmpty() || !languages.isEmpty() || !days.isEmpty() || time != Time.ANY;
  }

  /**
   * Returns the question without its raw text: two questions with equal keys get equal answers,
   * so caches key by this.
   */
  public Query cacheKey() {
    return new Query("", normalized, truncated, intent, types, languages, days, time, popular, lead, content);
  }

  /** Returns a copy with another intent. */
  public Query withIntent(Intent newIntent) {
    return new Query(text, normalized, truncated, newIntent, types, languages, days, time, popular, lead, content);
  }
}
