package io.istiocon.bot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.TestCatalogs;
import io.istiocon.bot.testing.FakeTicker;
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.search.QueryEngine;
import io.istiocon.bot.search.SearchIndex;
import io.istiocon.bot.search.Synonyms;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AnswerServiceTest {
  private static final Catalog REAL = TestCatalogs.real();
  private final AtomicReference<CatalogSnapshot> served = new AtomicReference<>(snapshot(REAL));
  private final AnswerService service = new AnswerService(served::get, new QueryEngine(), new FakeTicker(), 100);

  private static CatalogSnapshot snapshot(Catalog catalog) {
    return new CatalogSnapshot(catalog, SearchIndex.build(catalog, Synonyms.NONE), Instant.EPOCH, List.of());
  }

  @Test
  void ask_sameQuestionWrittenDifferentlyIsServedFromTheCache() {
    Answer first = service.ask("Who is giving the eBPF talk?", Instant.EPOCH);
    Answer second = service.ask("who is giving the ebpf talk", Instant.EPOCH);
    assertSame(first, second);
    assertEquals(1, service.cacheHits());
  }

  @Test
  void ask_clockQuestionsAreCachedPerMinute() {
    Answer early = service.ask("what's on now", Instant.parse("2021-02-22T17:45:05Z"));
    Answer late = service.ask("what's on now", Instant.parse("2021-02-22T17:45:55Z"));
    Answer next = service.ask("what's on now", Instant.parse("2021-02-22T17:46:00Z"));
    assertSame(early, late);
    assertNotSame(early, next);
    assertEquals("a4p", early.hits().get(0).session().id());
  }

  @Test
  void ask_newCatalogVersionIsNeverAnsweredFromTheOldOne() {
    Answer before = service.ask("ebpf", Instant.EPOCH);
    Catalog next = new Catalog(2, "next", REAL.conferences());
    served.set(snapshot(next));
    Answer after = service.ask("ebpf", Instant.EPOCH);
    assertNotSame(before, after);
    assertEquals(2, after.catalog().version());
  }

  @Test
  void invalidate_dropsEveryAnswer() {
    service.ask("ebpf", Instant.EPOCH);
    service.invalidate();
    assertEquals(0, service.cachedAnswers());
  }
}
