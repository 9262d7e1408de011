package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.istiocon.bot.catalog.TestCatalogs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two sessions compared with "than" ("did X get more views than Y?"): each side's best match, in the order asked. */
class ThanComparisonsTest {
  private static SearchIndex real;
  private final QueryEngine engine = new QueryEngine();

  @BeforeAll
  static void indexRealCatalog() {
    real = SearchIndex.build(TestCatalogs.real(), Synonyms.NONE);
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(delimiter = '|', value = {
      // a4p had 1080 live viewers, a5a 955
      "did the intuit talk get more views than the sketch one?     | a4p a5a",
      "was the kiali workshop longer than the multicluster one?    | fw cw",
  })
  void thanSplitsTheTwo(String question, String expected) {
    List<String> got = engine.answer(real, engine.parse(question), Instant.parse("2021-03-01T00:00:00Z"), null).hits()
        .stream().map(h -> h.session().id()).toList();
    assertEquals(List.of(expected.split(" ")), got.subList(0, Math.min(2, got.size())));
  }
}
