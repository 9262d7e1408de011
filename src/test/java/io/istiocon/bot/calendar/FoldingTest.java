package io.istiocon.bot.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.fortuna.ical4j.data.FoldingWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Folding at 75 octets of UTF-8, checked with {@link ContentLines} on the encoded bytes. */
class FoldingTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "short",
      "ascii-75-exactly",
      "ascii-76",
      "ascii-500",
      "chinese: 服务网格流量管理与可观测性实践，服务网格流量管理与可观测性实践，服务网格流量管理与可观测性实践，服务网格流量管理",
      "emoji 🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
      "mixed: Ünïcödé é 流量 🙂 and more ascii to push it over the edge of seventy-five octets 流量管理 🙂🙂 é",
  })
  void fold_everyLineAtMost75Octets_noCharacterSplit_andUnfoldingGivesItBack(String kind) {
    String value = switch (kind) {
      case "ascii-75-exactly" -> "SUMMARY:" + "x".repeat(75 - 8);
      case "ascii-76" -> "SUMMARY:" + "x".repeat(76 - 8);
      case "ascii-500" -> "DESCRIPTION:" + "abcdefghij".repeat(50);
      default -> "SUMMARY:" + kind;
    };

    String folded = Folding.fold("BEGIN:VEVENT\r\n" + value + "\r\nEND:VEVENT\r\n");

    assertEquals(List.of("BEGIN:VEVENT", value, "END:VEVENT"), ContentLines.check(folded.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void fold_75OctetsStayOnOneLine_76Fold() {
    assertEquals("x".repeat(75) + "\r\n", Folding.fold("x".repeat(75) + "\r\n"));
    assertEquals("x".repeat(75) + "\r\n x\r\n", Folding.fold("x".repeat(76) + "\r\n"));
  }

  @Test
  void fold_threeOctetCharacterThatWouldCrossTheLimit_movesWhole() {
    // 73 ASCII octets, then 流 (3 octets) would end at 76: it starts the next line instead.
    String folded = Folding.fold("x".repeat(73) + "流流\r\n");

    assertEquals("x".repeat(73) + "\r\n 流流\r\n", folded);
  }

  @Test
  void fold_continuedLinesCountTheirLeadingSpace() {
    String folded = Folding.fold("y".repeat(75 + 74 + 1) + "\r\n");

    assertEquals("y".repeat(75) + "\r\n " + "y".repeat(74) + "\r\n y\r\n", folded);
  }

  @Test
  void fold_lineWithoutCrlf_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> Folding.fold("BEGIN:VCALENDAR\r\nEND:VCALENDAR"));
  }

  @Test
  void ical4jFoldingWriter_countsUtf16UnitsNotOctets_whichIsWhyFoldingExists() throws Exception {
    // If this starts failing, ical4j folds by octets now, and Folding can go.
    StringWriter out = new StringWriter();
    try (FoldingWriter writer = new FoldingWriter(out, FoldingWriter.MAX_FOLD_LENGTH)) {
      writer.write("SUMMARY:" + "流".repeat(100) + "\r\n");
    }
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);

    AssertionError e = assertThrows(AssertionError.class, () -> ContentLines.check(bytes));
    assertTrue(e.getMessage().startsWith("209 octets in line \"SUMMARY:流流"), e.getMessage());
  }
}
