package io.istiocon.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.istiocon.bot.Imports;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three conferences in one folder: ours, a copy as "IstioCon 2022", and an imported 39C3. Cards must tell them apart. */
class SeveralConferencesTest {
  private final Clock clock = Clock.fixed(Instant.parse("2021-02-24T16:55:00Z"), ZoneOffset.UTC);
  private ByteArrayOutputStream out;
  private ByteArrayOutputStream err;

  @TempDir
  Path catalog;

  @BeforeEach
  void threeConferences() throws IOException {
    String ours = Files.readString(Path.of("catalog/istiocon-2021.yaml"));
    Files.writeString(catalog.resolve("istiocon-2021.yaml"), ours);
    Files.writeString(catalog.resolve("istiocon-2022.yaml"), ours.replace("istiocon-2021", "istiocon-2022")
        .replace("IstioCon 2021", "IstioCon 2022").replace("2021-02-", "2022-02-"));
    assertEquals(Cli.OK, run("import", "src/test/resources/schedules/c3voc-39c3-himmel.json",
        "--out", catalog.resolve("39c3.yaml").toString()), err());
  }

  private int run(String... args) {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    return new Cli(Map.of("CATALOG_DIR", catalog.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), clock, new FileCatalogLoader(clock), (e, o, r) -> 0,
        Imports::run).run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void ask_cardsNameTheConference() {
    assertEquals(Cli.OK, run("ask", "--limit", "10", "accelerate istio-cni with ebpf"));

    String text = out();
    assertTrue(text.contains("   IstioCon 2021 \u00b7 Talk \u00b7 Chinese \u00b7 Thu 25 Feb 2021 04:40"), text);
    assertTrue(text.contains("   IstioCon 2022 \u00b7 Talk \u00b7 Chinese \u00b7 Fri 25 Feb 2022 04:40"), text);
  }

  @Test
  void ask_cardsShowRoomAndTrack() {
    assertEquals(Cli.OK, run("ask", "--limit", "1", "Opening Ceremony"));

    String text = out();
    assertTrue(text.contains("Opening Ceremony  [1233]"), text);
    assertTrue(text.contains("   39th Chaos Communications Congress - Himmel \u00b7 Talk \u00b7 German \u00b7 Sat 27 Dec 2025 09:30"), text);
    assertTrue(text.contains("   Room: Saal One \u00b7 Track: CCC & Community\n"), text);
  }

  @Test
  void askJson_hasConferenceRoomAndTrack() throws IOException {
    assertEquals(Cli.OK, run("ask", "--json", "--limit", "1", "Opening Ceremony"));

    JsonNode first = new ObjectMapper().readTree(out()).get("results").get(0);
    assertEquals("39c3", first.get("conference").asText());
    assertEquals("Saal One", first.get("room").asText());
    assertEquals("CCC & Community", first.get("track").asText());
  }

  @Test
  void help_listsEveryLoadedConference() {
    assertEquals(Cli.OK, run("help"));
    List<String> loaded = new ArrayList<>(out().lines().dropWhile(l -> !l.startsWith("Loaded from")).skip(1).toList());

    assertEquals(List.of(
        "  IstioCon 2021 (istiocon-2021), Mon 22 Feb 2021 \u2013 Fri 26 Feb 2021, 67 sessions",
        "  IstioCon 2022 (istiocon-2022), Tue 22 Feb 2022 \u2013 Sat 26 Feb 2022, 67 sessions",
        "  39th Chaos Communications Congress - Himmel (39c3), Sat 27 Dec 2025 \u2013 Tue 30 Dec 2025, 186 sessions"), loaded);

    assertEquals(Cli.OK, run("ask", "help"));
    assertTrue(out().contains("Loaded: IstioCon 2021 (67 sessions), IstioCon 2022 (67 sessions),"
        + " 39th Chaos Communications Congress - Himmel (186 sessions)."), out());
  }

  private List<JsonNode> results(String... args) throws IOException {
    assertEquals(Cli.OK, run(args), err());
    List<JsonNode> out = new ArrayList<>();
    new ObjectMapper().readTree(out()).get("results").forEach(out::add);
    assertTrue(!out.isEmpty(), "no results for " + String.join(" ", args));
    return out;
  }

  @Test
  void ask_aConferencesNameAndYearAreFilters() throws IOException {
    for (JsonNode r : results("ask", "--json", "--limit", "20", "istiocon 2022 keynotes")) {
      assertEquals("istiocon-2022", r.get("conference").asText());
      assertEquals("keynote", r.get("type").asText());
    }
    List<String> both = results("ask", "--json", "--limit", "20", "istiocon keynotes").stream()
        .map(r -> r.get("conference").asText()).distinct().toList();
    assertEquals(List.of("istiocon-2021", "istiocon-2022"), both);
    List<JsonNode> chaos = results("ask", "--json", "--limit", "50", "39c3 security talks");
    assertTrue(chaos.stream().allMatch(r -> r.get("conference").asText().equals("39c3")), chaos.toString());
    assertTrue(chaos.subList(0, 10).stream().filter(r -> r.get("track").asText().equals("Security")).count() >= 5,
        "the Security track's talks rank high: " + chaos);
  }

  @Test
  void ask_roomsAndTracksAreFilters() throws IOException {
    List<JsonNode> saal = results("ask", "--json", "--limit", "100", "talks in Saal One");
    assertTrue(saal.stream().allMatch(r -> r.get("room").asText().equals("Saal One")), saal.toString());
    assertTrue(saal.size() > 10);
    List<JsonNode> track = results("ask", "--json", "--limit", "100", "the security track");
    assertTrue(track.stream().allMatch(r -> r.get("track").asText().equals("Security")), track.toString());
  }

  @Test
  void ask_nowConsidersTheConferencesRunningThen() throws IOException {
    for (JsonNode r : results("ask", "--json", "--now", "2025-12-27T10:00:00Z", "what's on now")) {
      assertEquals("39c3", r.get("conference").asText());
    }
    for (JsonNode r : results("ask", "--json", "--now", "2022-02-22T17:45:00Z", "what's on now")) {
      assertEquals("istiocon-2022", r.get("conference").asText());
    }
  }

  @Test
  void ask_aQuestionNamingNoConferenceSearchesThemAll() throws IOException {
    List<String> conferences = results("ask", "--json", "--limit", "50", "security").stream()
        .map(r -> r.get("conference").asText()).distinct().sorted().toList();
    assertEquals(List.of("39c3", "istiocon-2021", "istiocon-2022"), conferences);
  }
}
