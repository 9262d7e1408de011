package io.istiocon.bot.service;

import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Problem;
import io.istiocon.bot.search.SearchIndex;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One consistent state of the catalog being served: the catalog, its search index, when it was
 * loaded, and what is wrong with the files. It lives here, beside {@link AnswerService}, rather than
 * in a core package: it pairs the catalog with the search index (the {@code catalog} model does not
 * know the search engine), and it is the hand-over between the side that reads the files and the
 * sides that answer ({@code ask}, Slack, {@code /readyz}), which this package sits between.
 */
public record CatalogSnapshot(Catalog catalog, SearchIndex index, Instant loadedAt, List<Problem> problems) {
  public CatalogSnapshot {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(loadedAt, "loadedAt");
    problems = List.copyOf(problems);
  }

  /** Returns whether a catalog with at least one conference is being served. */
  public boolean ready() {
    return !catalog.isEmpty();
  }
}
