package io.istiocon.bot.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidYouMeanTest {
  private static final List<String> TYPES =
      List.of("keynote", "talk", "lightning", "workshop", "panel", "adoption", "spotlight", "social");

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(delimiter = '|', emptyValue = "", value = {
      // wrong    | suffix
      "wrkshop    | '; did you mean \"workshop\"?'",
      "Workshop   | '; did you mean \"workshop\"?'",
      "WORKSHOP   | '; did you mean \"workshop\"?'",
      "keynot     | '; did you mean \"keynote\"?'",
      "podcast    | ''",
      "x          | ''",
      "''         | ''",
  })
  void suffix_namesTheNearestTypeOrNothing(String wrong, String suffix) {
    assertEquals(suffix, DidYouMean.suffix(wrong, TYPES));
  }

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "sat  | sad", // one edit from both: the first alphabetically
      "sxp  | sap", // one edit from sap, two from sad
  })
  void suffix_prefersTheNearestThenTheFirstAlphabetically(String wrong, String nearest) {
    assertEquals("; did you mean \"" + nearest + "\"?", DidYouMean.suffix(wrong, List.of("sap", "sad")));
  }
}
