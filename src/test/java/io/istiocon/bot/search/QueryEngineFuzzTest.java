package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.TestCatalogs;
import io.istiocon.bot.testing.RandomCatalogs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeded fuzzing: any question, against the real catalog or any valid catalog, gives an answer. */
class QueryEngineFuzzTest {
  private static final long SEED = 20210222L;
  private final QueryEngine engine = new QueryEngine();

  @Test
  void answer_anyQuestionOnTheRealCatalog_neverThrows() {
    RandomCatalogs random = new RandomCatalogs(SEED);
    SearchIndex index = SearchIndex.build(TestCatalogs.real(), Synonyms.of(List.of(List.of("vm", "virtual machine"))));
    for (int i = 0; i < 3000; i++) {
      String question = random.text(random.random().nextInt(50) == 0 ? 10_000 : 80);
      Instant now = Instant.parse("2021-02-20T00:00:00Z").plusSeconds(random.random().nextInt(10 * 86400));
      check(engine.answer(index, question, now), question);
    }
  }

  @Test
  void answer_anyQuestionOnAnyValidCatalog_neverThrows() {
    RandomCatalogs random = new RandomCatalogs(SEED + 1);
    for (int c = 0; c < 150; c++) {
      Catalog catalog = random.catalog(30);
      SearchIndex index = SearchIndex.build(catalog, Synonyms.NONE);
      for (int i = 0; i < 20; i++) {
        String question = random.text(120);
        check(engine.answer(index, question, Instant.parse("2021-02-23T03:00:00Z")), question);
      }
    }
  }

  private static void check(Answer answer, String question) {
    assertTrue(answer.total() >= answer.hits().size(), question);
    assertTrue(answer.hits().size() <= Answer.MAX_HITS, question);
    assertTrue(answer.hits().stream().allMatch(h -> Double.isFinite(h.score())), question);
  }
}
