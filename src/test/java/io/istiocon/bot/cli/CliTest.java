package io.istiocon.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.istiocon.bot.Imports;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.istiocon.bot.files.FileCatalogLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Clock clock = Clock.fixed(Instant.parse("2021-02-24T16:55:00Z"), ZoneOffset.UTC);
  private final ObjectMapper json = new ObjectMapper();

  @TempDir
  Path dir;

  private int run(String... args) {
    Cli.Server server = (env, o, e) -> {
      o.println("serving");
      return 0;
    };
    return new Cli(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), clock, new FileCatalogLoader(clock), server,
        Imports::run).run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void ask_printsReadableCards() {
    assertEquals(Cli.OK, run("ask", "ebpf talks"));
    String text = out();
    assertTrue(text.contains("Accelerate istio-cni with ebpf  [e7p]"), text);
    assertTrue(text.contains("Yizhou Xu (Intel), Ruijing Guo (Intel)"), text);
    assertTrue(text.contains("Talk · Chinese · Thu 25 Feb 2021 04:40–05:20 UTC (Wed 24 Feb 20:40–21:20 PST)"), text);
    assertTrue(text.contains("Video:  https://youtu.be/B8EnWqHuS6k"), text);
    assertTrue(text.contains("Slides: https://events.istio.io/istiocon-2021/slides/e7p-"), text);
  }

  @Test
  void ask_wordsWithoutQuotesFormOneQuestion() {
    assertEquals(Cli.OK, run("ask", "slides", "for", "the", "airbnb", "talk"));
    assertTrue(out().contains("Slides: https://events.istio.io/istiocon-2021/slides/f1s-AirbnbIstioJourney.pdf"), out());
  }

  @Test
  void ask_jsonHasTheDocumentedShape() throws IOException {
    assertEquals(Cli.OK, run("ask", "--json", "--limit", "2", "Red Hat talks"));
    JsonNode root = json.readTree(out());
    assertEquals("Red Hat talks", root.get("query").asText());
    assertEquals("company", root.get("intent").asText());
    assertEquals(2, root.get("results").size());
    JsonNode first = root.get("results").get(0);
    for (String field : new String[] {"id", "conference", "title", "speakers", "type", "language", "start", "end", "room", "track",
        "video", "slides", "score"}) {
      assertTrue(first.has(field), field + " in " + first);
    }
    assertEquals("a8p", first.get("id").asText());
    assertEquals("istiocon-2021", first.get("conference").asText());
    assertEquals("Red Hat", first.get("speakers").get(0).get("company").asText());
    assertEquals(4, root.get("total").asInt());
  }

  @Test
  void ask_nowSetsTheClock() throws IOException {
    assertEquals(Cli.OK, run("ask", "--json", "--now", "2021-02-22T17:45:00Z", "what's on now"));
    assertEquals("a4p", json.readTree(out()).get("results").get(0).get("id").asText());
  }

  @Test
  void ask_tzReadsTheAfternoonInTheAskersZone() throws IOException {
    assertEquals(Cli.OK, run("ask", "--json", "--now", "2021-02-22T17:45:00Z", "--tz", "Asia/Shanghai",
        "what's on this afternoon"));
    JsonNode shanghai = json.readTree(out());
    assertEquals("b6p", shanghai.get("results").get(0).get("id").asText());
    assertTrue(shanghai.get("notes").toString().contains("Asia/Shanghai"), shanghai.toString());
  }

  @Test
  void ask_badTzIsAUsageErrorThatNamesIt() {
    assertEquals(Cli.USAGE, run("ask", "--tz", "Mars/Olympus", "this afternoon"));
    assertTrue(err().contains("--tz must be a time zone such as Asia/Shanghai or UTC+8, got \"Mars/Olympus\""), err());
  }

  @Test
  void ask_batchLinesCarryTheAskersZone() throws IOException {
    java.nio.file.Path questions = java.nio.file.Files.createTempFile("questions", ".jsonl");
    java.nio.file.Files.writeString(questions, "{\"q\": \"what's on this afternoon\", \"now\": \"2021-02-22T17:45:00Z\", "
        + "\"tz\": \"Asia/Shanghai\"}\n{\"q\": \"this afternoon\", \"tz\": \"Nowhere/Land\"}\n");
    assertEquals(Cli.USAGE, run("ask", "--batch", questions.toString()));
    String[] lines = out().strip().split("\n");
    assertEquals("b6p", json.readTree(lines[0]).get("results").get(0).get("id").asText());
    assertTrue(lines[1].contains("Nowhere/Land"), lines[1]);
    java.nio.file.Files.delete(questions);
  }

  @Test
  void ask_aTopicNoSessionCoversOffersTheClosestApart() throws IOException {
    assertEquals(Cli.OK, run("ask", "--json", "OpenTelemetry collector with istio"));
    JsonNode root = json.readTree(out());
    assertEquals(0, root.get("results").size());
    assertTrue(root.get("notes").get(0).asText().startsWith("No session mentions \u201copentelemetry\u201d"), root.toString());
  }

  @Test
  void ask_defaultClockIsTheInjectedOne() throws IOException {
    assertEquals(Cli.OK, run("ask", "--json", "what's next"));
    assertEquals("d3p", json.readTree(out()).get("results").get(0).get("id").asText());
  }

  @Test
  void ask_noResultsStillExitsZero() {
    assertEquals(Cli.OK, run("ask", "xyzzy"));
    assertTrue(out().contains("No sessions match"), out());
  }

  @Test
  void ask_batchPrintsOneAnswerPerLineAndFlagsBadLines() throws IOException {
    Path batch = dir.resolve("q.jsonl");
    Files.writeString(batch, """
        {"q": "ebpf"}
        {"q": "what's on now", "now": "2021-02-22T17:45:00Z"}

        not json
        {"q": "late", "now": "yesterday"}
        """);
    assertEquals(Cli.USAGE, run("ask", "--batch", batch.toString()));
    String[] lines = out().strip().split("\n");
    assertEquals(4, lines.length, out());
    assertEquals("e7p", json.readTree(lines[0]).get("results").get(0).get("id").asText());
    assertEquals("a4p", json.readTree(lines[1]).get("results").get(0).get("id").asText());
    assertEquals(4, json.readTree(lines[2]).get("line").asInt());
    assertEquals("\"now\" is not an ISO-8601 instant", json.readTree(lines[3]).get("error").asText());
    assertTrue(err().contains(batch + ":4: not JSON"), err());
  }

  @Test
  void ask_usageErrorsExitTwo() {
    assertEquals(Cli.USAGE, run("ask"));
    assertEquals(Cli.USAGE, run("ask", "--limit", "0", "x"));
    assertEquals(Cli.USAGE, run("ask", "--now", "tuesday", "x"));
    assertEquals(Cli.USAGE, run("ask", "--frobnicate", "x"));
    assertEquals(Cli.USAGE, run("frobnicate"));
    assertEquals(Cli.USAGE, run());
    assertTrue(err().contains("--now must be an ISO-8601 instant"), err());
  }

  @Test
  void ask_brokenCatalogExitsOneWithPreciseErrors() throws IOException {
    Path broken = dir.resolve("x.yaml");
    Files.writeString(broken, Files.readString(Path.of("catalog/istiocon-2021.yaml"))
        .replace("end: \"2021-02-25T05:20:00Z\"", "end: \"2021-02-25T04:00:00Z\""));
    assertEquals(Cli.CATALOG_ERROR, run("ask", "--catalog", broken.toString(), "ebpf"));
    assertTrue(err().contains(": sessions[41] (id e7p): end 2021-02-25T04:00:00Z is before start 2021-02-25T04:40:00Z"), err());
    assertTrue(err().contains("see docs/catalog.md#catalog-format"), err());
  }

  @Test
  void validate_bundledCatalogSummarises() {
    assertEquals(Cli.OK, run("validate"));
    assertTrue(out().contains("67 sessions on 5 days, 82 speakers"), out());
    assertTrue(out().contains("languages: en 51, und 4, zh 12"), out());
    assertTrue(out().contains("catalog/synonyms.yaml:"), out());
  }

  @Test
  void validate_brokenCopyListsEveryProblemAndExitsOne() throws IOException {
    Path copy = Files.createDirectory(dir.resolve("catalog"));
    String text = Files.readString(Path.of("catalog/istiocon-2021.yaml"));
    Files.writeString(copy.resolve("x.yaml"), text.replace("id: a4p", "id: a3p").replace("type: workshop", "type: wrkshop"));
    assertEquals(Cli.CATALOG_ERROR, run("validate", copy.toString()));
    String[] lines = err().strip().split("\n");
    assertTrue(lines[0].matches(".*x\\.yaml:\\d+:\\d+: sessions\\[2\\] \\(id a3p\\): duplicate id a3p: .*"), lines[0]);
    assertTrue(err().contains("type \"wrkshop\" is not one of"), err());
    assertEquals("4 problems; see docs/catalog.md#catalog-format", lines[lines.length - 1]); // 1 duplicate + 3 workshops
  }

  @Test
  void validate_missingPathIsACatalogError() {
    assertEquals(Cli.CATALOG_ERROR, run("validate", dir.resolve("nope").toString()));
  }

  @Test
  void serve_delegatesToTheServer() {
    assertEquals(0, run("serve"));
    assertTrue(out().contains("serving"));
  }

  @Test
  void import_convertsAnExportAndValidateCountsItsRoomsAndTracks() {
    Path out = dir.resolve("39c3.yaml");

    assertEquals(Cli.OK, run("import", "src/test/resources/schedules/c3voc-39c3-himmel.json", "--out", out.toString()));
    assertTrue(out().contains("186 sessions on 4 days"), out());
    assertEquals(Cli.OK, run("validate", out.toString()));
    assertTrue(out().contains("186 sessions on 4 days, 272 speakers, 5 rooms, 7 tracks"), out());
  }

  @Test
  void import_usageErrorExitsTwo() {
    assertEquals(Cli.USAGE, run("import", "src/test/resources/schedules/c3voc-39c3-himmel.json"));
    assertTrue(err().contains("import needs --out catalog/NAME.yaml"), err());
  }

  @Test
  void help_listsTheCommandsAndTheLoadedConferences() {
    assertEquals(Cli.OK, run("help"));
    assertTrue(out().contains("import FILE|URL --out catalog/NAME.yaml"), out());
    assertTrue(out().contains("Loaded from catalog:\n  IstioCon 2021 (istiocon-2021), Mon 22 Feb 2021 \u2013 Fri 26 Feb 2021, 67 sessions\n"),
        out());
  }
}
