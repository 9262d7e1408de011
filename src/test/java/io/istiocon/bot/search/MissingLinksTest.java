package io.istiocon.bot.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A link asked for by its absence filters the sessions that lack it. */
class MissingLinksTest {
  private final QueryEngine engine = new QueryEngine();

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(delimiter = '|', value = {
      // the real catalog: dn, e1k, fn and g9z have no video; aw, b1k, cw, dn, e1k, f4p, fn and g1s no slides
      "talks without a recording?                       | dn e1k fn g9z",
      "which keynotes have no video                     | e1k g9z",
      "which workshops are missing their slide deck      | aw cw",
      "sessions that don't have slides uploaded yet     | aw b1k cw dn e1k f4p fn g1s",
  })
  void aMissingLink_filters(String question, String expected) {
    assertEquals(List.of(expected.split(" ")), RealCatalog.ids(question));
  }

  @ParameterizedTest(name = "\"{0}\" describes a talk")
  @ValueSource(strings = {
      "the one where the speaker draws on a whiteboard live, no deck at all",
      "live diagramming with no slides at all, from one of the authors of a book about the mesh",
  })
  void noSlidesAsAStyle_isATopic(String question) {
    assertNotEquals(Query.Lead.NO_SLIDES, engine.parse(question).lead());
    assertEquals("a4p", RealCatalog.ids(question).get(0));
  }
}
