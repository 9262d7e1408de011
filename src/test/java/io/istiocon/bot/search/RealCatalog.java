package io.istiocon.bot.search;

import io.istiocon.bot.catalog.TestCatalogs;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The real catalog's index, built once for the engine tests, and the ids the engine answers a question with. */
final class RealCatalog {
  /** A moment after the conference, so that no question is read against a running programme. */
  static final Instant AFTER_THE_EVENT = Instant.parse("2021-03-01T00:00:00Z");
  private static final SearchIndex INDEX = SearchIndex.build(TestCatalogs.real(), Synonyms.NONE);
  private static final QueryEngine ENGINE = new QueryEngine();

  private RealCatalog() {}

  /** Returns the ids of the sessions answering {@code question} asked at {@code now} by someone in {@code zone} (null: the conference's). */
  static List<String> ids(String question, Instant now, ZoneId zone) {
    return ENGINE.answer(INDEX, ENGINE.parse(question), now, zone).hits().stream().map(h -> h.session().id()).toList();
  }

  /** Returns the ids answering {@code question} asked at {@code now} in the conference's zone. */
  static List<String> ids(String question, Instant now) {
    return ids(question, now, null);
  }

  /** Returns the ids answering {@code question} asked after the event in the conference's zone. */
  static List<String> ids(String question) {
    return ids(question, AFTER_THE_EVENT, null);
  }
}
