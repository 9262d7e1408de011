package io.istiocon.bot.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.istiocon.bot.catalog.SessionType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappingTest {
  @ParameterizedTest(name = "\"{0}\" lasts {1}")
  @CsvSource(nullValues = "null", value = {
      "00:30, PT30M",
      "0:30, PT30M",
      "4:00, PT4H",
      "1:00, PT1H",
      "10:00, PT10H",
      "00:05:00, PT5M",
      "' 01:15 ', PT1H15M",
      "1d 02:00, PT26H",
      "00:00, PT0S",
      "1:75, null",
      "90, null",
      "an hour, null",
  })
  void duration_readsTheShapesExportsWrite(String written, String expected) {
    assertEquals(expected == null ? null : Duration.parse(expected), Mapping.duration(written));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(nullValues = "null", value = {
      "Keynote, KEYNOTE",
      "Talk 30 min + 10min Q&A, null",
      "LightningTalk 15min 10min Q&A, LIGHTNING",
      "lightningtalk, LIGHTNING",
      "20 min lightning talk, LIGHTNING",
      "Workshop Bühne (lang), WORKSHOP",
      "Workshop 60 Min, WORKSHOP",
      "podium, PANEL",
      "Diskussion, PANEL",
      "bof, SOCIAL",
      "Software Defined Networking, null",
      "Partyka's talk, null",
      "Sofa talk, null",
      "devroom, null",
      "lecture, null",
  })
  void type_recognisesTheExportsWords(String written, SessionType expected) {
    assertEquals(expected, Mapping.type(written));
  }

  @Test
  void type_fallsBackToTheTrackWhenTheTypeSaysNothing() {
    assertEquals(SessionType.LIGHTNING, Mapping.type("lecture", "Lightning Talks"));
    assertEquals(SessionType.KEYNOTE, Mapping.type("Keynote", "Lightning Talks"));
    assertNull(Mapping.type(null, "Security"));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(nullValues = "null", value = {
      "en, en",
      "DE, de",
      "pt-br, pt-BR",
      "English, en",
      "Deutsch, de",
      "german, de",
      "'', null",
      "Klingon!, null",
      "xx, xx",
  })
  void language_readsCodesAndNames(String written, String expected) {
    assertEquals(expected, Mapping.language(written));
  }

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource({
      "1233, 1233",
      "7839bb58-30e3-5f36-ac06-59f292c0974c, 7839bb58-30e3-5f36-ac06-59f292c0974c",
      "HOqeNIb6G7M4hYFKFRkCmQ, HOqeNIb6G7M4hYFKFRkCmQ",
      "talk/42 (draft), talk-42-draft-",
      "'_x', x",
  })
  void id_keepsWhatOurPatternAllowsAndReplacesTheRest(String raw, String expected) {
    assertEquals(expected, Mapping.id(raw));
  }

  @Test
  void uniqueIds_usesGuidsWhenIdsCollideAndSuffixesWhatStillDoes() {
    assertEquals(List.of("1", "2"), Mapping.uniqueIds(List.of("1", "2"), List.of("a", "b")));
    assertEquals(List.of("a", "b"), Mapping.uniqueIds(List.of("1", "1"), List.of("a", "b")));
    assertEquals(List.of("x-y", "x-y-2"), Mapping.uniqueIds(List.of("1", "1"), List.of("x y", "x/y")));
  }

  @Test
  void line_trimsStrayAndRepeatedSpaces() {
    assertEquals("Martin Woodward", Mapping.line(" Martin  Woodward\u00a0"));
    assertNull(Mapping.line("  "));
  }

  @Test
  void text_normalisesLineEndsAndTrailingSpaces() {
    assertEquals("One line.\nTwo.\n\nThree.", Mapping.text("One line.            \r\nTwo.\r\n\r\n\r\n\r\nThree.  "));
  }

  @Test
  void text_turnsPentabarfHtmlIntoParagraphs() {
    String html = "<p>FUSS is a <a href=\"https://fuss.bz.it\">project</a> &amp; a distro.</p>"
        + "<ul><li>Docker</li><li>LDAP</li></ul><p>Line<br/>break</p>";
    assertEquals("FUSS is a project (https://fuss.bz.it) & a distro.\n\n* Docker\n* LDAP\n\nLine\nbreak", Mapping.text(html));
  }

  @Test
  void text_leavesMarkdownAndPlainTextAlone() {
    assertEquals("Use [pytest](https://docs.pytest.org/) & <3", Mapping.text("Use [pytest](https://docs.pytest.org/) & <3"));
  }

  @Test
  void paragraphs_dropsTextAlreadyThere() {
    assertEquals("A New Dawn\n\nThe 31C3 Keynote", Mapping.paragraphs("A New Dawn", "The 31C3 Keynote", "A New Dawn"));
    assertEquals("", Mapping.paragraphs(null, "", "  "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "null", value = {
      "https://example.org/x, null, https://example.org/x",
      "/media/39c3/slides.pdf, https://cfp.cccv.de/39c3/talk/POWER1/, https://cfp.cccv.de/media/39c3/slides.pdf",
      "ftp://example.org/x, null, null",
      "https://zügli.app, null, null",
      "not a url, null, null",
  })
  void url_keepsHttpLinksWithAHostAndResolvesRelativeOnes(String raw, String base, String expected) {
    URI got = Mapping.url(raw, base == null ? null : URI.create(base));
    assertEquals(expected, got == null ? null : got.toString());
  }
}
