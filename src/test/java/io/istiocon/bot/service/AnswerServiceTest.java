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
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
  void ask_theAskersZoneIsLookedUpOnlyWhenTheQuestionNeedsItAndKeysTheCache() {
    AtomicInteger lookups = new AtomicInteger();
    Instant monday = Instant.parse("2021-02-22T17:45:00Z");
    service.ask("ebpf talks", monday, () -> {
      lookups.incrementAndGet();
      return ZoneId.of("Asia/Shanghai");
    });
    assertEquals(0, lookups.get(), "a topic question needs no zone");

    Answer shanghai = service.ask("what's on this afternoon", monday, ZoneId.of("Asia/Shanghai"));
    Answer pacific = service.ask("what's on this afternoon", monday, ZoneId.of("America/Los_Angeles"));
    Answer own = service.ask("what's on this afternoon", monday);
    assertEquals("b6p", shanghai.hits().get(0).session().id());
    assertEquals("aw", pacific.hits().get(0).session().id()); // the workshop runs into the afternoon
    assertNotSame(shanghai, pacific);
    assertEquals(ids(pacific), ids(own), "the conference's own zone when the asker's is unknown");
  }

  private static List<String> ids(Answer answer) {
    return answer.hits().stream().map(h -> h.session().id()).toList();
  }

  @Test
  void invalidate_dropsEveryAnswer() {
    service.ask("ebpf", Instant.EPOCH);
    service.invalidate();
    assertEquals(0, service.cachedAnswers());
  }
}
