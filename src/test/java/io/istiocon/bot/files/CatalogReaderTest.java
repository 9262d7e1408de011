package io.istiocon.bot.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Problem;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.SessionType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogReaderTest {
  private static final String CATALOG = """
      conference:
        id: demo
        name: Demo Conf
        start: 2021-02-22
        end: 2021-02-26
        timezone: America/Los_Angeles
        website: https://example.org/
      sessions:
        - id: s1
          title: First
          type: talk
          language: en
          start: 2021-02-22T16:00:00Z
          end: 2021-02-22T16:40:00Z
          speakers:
            - name: Ada
              company: Example
        - id: s2
          title: Second
          type: keynote
          language: zh
          start: 2021-02-23T16:00:00Z
          end: 2021-02-23T16:40:00Z
          speakers: []
          video: https://youtu.be/x
          room: Saal 1
          track: Security
      """;

  private static final String TYPES = "keynote, talk, lightning, workshop, panel, adoption, spotlight, social";
  private static final String FIELDS =
      "id, title, type, language, subtitled, start, end, room, track, speakers, abstract, summary, tags, video, slides, page, popularity, source";

  @TempDir
  Path dir;
  private final CatalogReader reader = new CatalogReader();

  private CatalogReader.FileResult read(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return reader.read(file, name);
  }

  /** Replaces the first {@code from} after {@code anchor} and returns the 1-based line and column of {@code to}. */
  private static String mutate(String text, String anchor, String from, String to, int[] lineColumn) {
    int at = text.indexOf(from, text.indexOf(anchor));
    String out = text.substring(0, at) + to + text.substring(at + from.length());
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (out.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    lineColumn[0] = line;
    lineColumn[1] = at - lineStart + 1;
    return out;
  }

  private static String problems(CatalogReader.FileResult result) {
    return String.join("\n", result.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void read_bundledCatalogHasTheWholeProgram() {
    CatalogReader.FileResult result = reader.read(Path.of("catalog/istiocon-2021.yaml"), "catalog/istiocon-2021.yaml");
    assertTrue(result.ok(), problems(result));
    Conference c = result.conference();
    assertEquals("istiocon-2021", c.id());
    assertEquals(67, c.sessions().size());
    assertEquals(4021L, c.stats().get("registrants"));
    assertEquals(84L, c.stats().get("countries"));
    Session a3p = c.sessions().stream().filter(s -> s.id().equals("a3p")).findFirst().orElseThrow();
    assertEquals(1192, a3p.popularity().getAsInt());
    Session b1k = c.sessions().stream().filter(s -> s.id().equals("b1k")).findFirst().orElseThrow();
    assertEquals("und", b1k.language());
    assertTrue(b1k.subtitled());
    assertEquals(List.of("dn", "fn"),
        c.sessions().stream().filter(s -> s.type() == SessionType.SOCIAL).map(Session::id).toList());
  }

  @Test
  void read_roomAndTrackAreOptionalAndTrimmed() throws IOException {
    CatalogReader.FileResult result = read("x.yaml", CATALOG);
    assertTrue(result.ok(), problems(result));
    Session s1 = result.conference().sessions().get(0);
    Session s2 = result.conference().sessions().get(1);
    assertNull(s1.room());
    assertNull(s1.track());
    assertEquals("Saal 1", s2.room());
    assertEquals("Security", s2.track());
  }

  @Test
  void read_jsonCatalogLoadsLikeYaml() throws IOException {
    String json = """
        {"conference": {"id": "demo", "name": "Demo", "start": "2021-02-22", "end": "2021-02-26",
          "timezone": "UTC", "website": "https://example.org/", "stats": {"registrants": 10}},
         "sessions": [{"id": "s1", "title": "Hello", "type": "workshop", "language": "en",
          "start": "2021-02-22T16:00:00Z", "end": "2021-02-22T18:00:00Z",
          "speakers": [{"name": "Ada", "company": null}], "tags": ["wasm"], "popularity": 3}]}
        """;
    CatalogReader.FileResult result = read("demo.json", json);
    assertTrue(result.ok(), problems(result));
    assertEquals(SessionType.WORKSHOP, result.conference().sessions().get(0).type());
    assertNull(result.conference().sessions().get(0).speakers().get(0).company());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // what                 | anchor     | from                      | to                        | message
      "end before start       | id: s2     | end: 2021-02-23T16:40:00Z | end: 2021-02-23T15:00:00Z | sessions[1] (id s2): end 2021-02-23T15:00:00Z is before start 2021-02-23T16:00:00Z",
      "end equals start       | id: s2     | end: 2021-02-23T16:40:00Z | end: 2021-02-23T16:00:00Z | sessions[1] (id s2): end 2021-02-23T16:00:00Z equals start; a session must last",
      "bad instant            | id: s2     | start: 2021-02-23T16:00:00Z | start: 2021-02-23 16h   | sessions[1] (id s2): start \"2021-02-23 16h\" is not an ISO-8601 instant (such as 2021-02-22T16:00:00Z; include Z or an offset)",
      "bad url                | id: s2     | video: https://youtu.be/x | video: youtu.be/x         | sessions[1] (id s2): video \"youtu.be/x\" is not an http(s) URL",
      "duplicate id           | id: s2     | id: s2                    | id: s1                    | sessions[1] (id s1): duplicate id s1: sessions[0] on line 9 already uses it",
      "outside the dates      | id: s2     | start: 2021-02-23T16:00:00Z | start: 2021-02-21T16:00:00Z | sessions[1] (id s2): start 2021-02-21T16:00:00Z is outside the conference dates (2021-02-22 to 2021-02-26 in America/Los_Angeles)",
      "unknown field          | id: s2     | title: Second             | titel: Second             | sessions[1] (id s2): unknown field \"titel\"; did you mean \"title\"? (allowed: id, title, type, language, subtitled, start, end, room, track, speakers, abstract, summary, tags, video, slides, page, popularity, source)",
      "bad type               | id: s2     | type: keynote             | type: keynot              | sessions[1] (id s2): type \"keynot\" is not one of keynote, talk, lightning, workshop, panel, adoption, spotlight, social; did you mean \"keynote\"?",
      "bad language           | id: s2     | language: zh              | language: chinese!        | sessions[1] (id s2): language \"chinese!\" is not a BCP 47 code (such as en, zh or pt-BR; und when unknown)",
      "bad speakers           | id: s2     | speakers: []              | speakers: nobody          | sessions[1] (id s2): speakers must be a list, found text",
      "room on two lines      | id: s2     | room: Saal 1              | room: \"Saal\\n1\"         | sessions[1] (id s2): room must be one line, found a line break",
      "bad zone               | conference | timezone: America/Los_Angeles | timezone: Pacific     | conference: timezone \"Pacific\" is not an IANA time zone (such as America/Los_Angeles or UTC)",
  })
  void read_brokenCopyPinpointsTheProblem(String what, String anchor, String from, String to, String message)
      throws IOException {
    int[] at = new int[2];
    String broken = mutate(CATALOG, anchor, from, to, at);
    CatalogReader.FileResult result = read("x.yaml", broken);
    assertNull(result.conference(), what);
    String valueColumn = Integer.toString(at[1] + to.indexOf(':') + 2);
    String keyColumn = Integer.toString(at[1]);
    boolean pointsAtKey = what.equals("unknown field");
    String expected = "x.yaml:" + at[0] + ":" + (pointsAtKey ? keyColumn : valueColumn) + ": " + message;
    assertEquals(expected, result.problems().get(0).toString(), what);
    // Renaming a required field also leaves it missing; every other mutation is one problem.
    assertEquals(what.equals("unknown field") ? 2 : 1, result.problems().size(), problems(result));
  }

  @Test
  void read_missingFieldPointsAtTheSession() throws IOException {
    String broken = CATALOG.replace("    title: First\n", "");
    CatalogReader.FileResult result = read("x.yaml", broken);
    assertEquals("x.yaml:9:5: sessions[0] (id s1): title is missing", problems(result));
  }

  @Test
  void read_listsEveryProblemNotJustTheFirst() throws IOException {
    String broken = CATALOG.replace("type: talk", "type: chat").replace("https://youtu.be/x", "nope")
        .replace("name: Demo Conf", "nam: Demo Conf");
    assertEquals("""
        x.yaml:3:3: conference: unknown field "nam"; did you mean "name"? (allowed: id, name, start, end, timezone, website, description, stats, source)
        x.yaml:2:3: conference: name is missing
        x.yaml:11:11: sessions[0] (id s1): type "chat" is not one of keynote, talk, lightning, workshop, panel, adoption, spotlight, social
        x.yaml:25:12: sessions[1] (id s2): video "nope" is not an http(s) URL""",
        problems(read("x.yaml", broken)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // written         | problem
      "type: wrkshop     | x.yaml:11:11: sessions[0] (id s1): type \"wrkshop\" is not one of " + TYPES + "; did you mean \"workshop\"?",
      "type: Workshop    | x.yaml:11:11: sessions[0] (id s1): type \"Workshop\" is not one of " + TYPES + "; did you mean \"workshop\"?",
      "type: podcast     | x.yaml:11:11: sessions[0] (id s1): type \"podcast\" is not one of " + TYPES,
      "titel: First      | x.yaml:10:5: sessions[0] (id s1): unknown field \"titel\"; did you mean \"title\"? (allowed: " + FIELDS + ")",
      "Title: First      | x.yaml:10:5: sessions[0] (id s1): unknown field \"Title\"; did you mean \"title\"? (allowed: " + FIELDS + ")",
      "colour: First     | x.yaml:10:5: sessions[0] (id s1): unknown field \"colour\" (allowed: " + FIELDS + ")",
  })
  void read_wrongWordSuggestsTheNearestAllowedOneOrNone(String written, String problem) throws IOException {
    String line = written.startsWith("type") ? "    type: talk\n" : "    title: First\n";
    CatalogReader.FileResult result = read("x.yaml", CATALOG.replace(line, "    " + written + "\n"));
    assertEquals(problem, result.problems().get(0).toString(), problems(result));
  }

  @Test
  void read_yamlSyntaxErrorGivesLineAndColumn() throws IOException {
    String broken = CATALOG.replace("    title: First", "    title: \"First");
    assertEquals("x.yaml:10:10: YAML syntax error: while scanning a quoted scalar; found unexpected end of stream",
        problems(read("x.yaml", broken)));
  }

  @Test
  void read_jsonSyntaxErrorGivesLineAndColumn() throws IOException {
    CatalogReader.FileResult result = read("x.json", "{\"conference\": {\n  \"id\": \"x\",,\n}}");
    assertEquals("x.json:2:13: JSON syntax error: Unexpected character (',' (code 44)):"
        + " was expecting double-quote to start field name", problems(result));
  }

  @Test
  void read_duplicateKeyIsReported() throws IOException {
    String broken = CATALOG.replace("    title: First\n", "    title: First\n    title: Again\n");
    assertEquals("x.yaml:11:5: duplicate key \"title\" (first on line 10)", problems(read("x.yaml", broken)));
  }

  @Test
  void read_emptyAndMissingFilesAreProblemsNotCrashes() throws IOException {
    assertEquals("x.yaml:1:1: the file is empty; a catalog needs a \"conference\" and \"sessions\"",
        problems(read("x.yaml", "  \n")));
    assertEquals("gone.yaml:1:1: no such file", problems(reader.read(dir.resolve("gone.yaml"), "gone.yaml")));
  }

  @Test
  void read_truncatedRealCatalogLoadsAPrefixOrSaysWhereItBroke() throws IOException {
    byte[] real = Files.readAllBytes(Path.of("catalog/istiocon-2021.yaml"));
    List<String> allIds = reader.read(Path.of("catalog/istiocon-2021.yaml"), "full.yaml").conference().sessions()
        .stream().map(Session::id).toList();
    for (int cut = 0; cut < real.length; cut += 997) {
      String part = new String(real, 0, cut, StandardCharsets.UTF_8);
      CatalogReader.FileResult result = reader.read(dir.resolve("cut.yaml"), "cut.yaml", Arrays.copyOf(real, cut));
      if (result.ok()) {
        // A cut after a session's last required field can still be a valid, shorter program.
        List<String> ids = result.conference().sessions().stream().map(Session::id).toList();
        assertEquals(allIds.subList(0, ids.size()), ids, "cut at " + cut);
        continue;
      }
      assertFalse(result.problems().isEmpty(), "cut at " + cut + " gave neither a conference nor a problem");
      int lines = (int) part.chars().filter(ch -> ch == '\n').count() + 1;
      for (Problem p : result.problems()) {
        assertTrue(p.line() >= 1 && p.line() <= lines && p.column() >= 1,
            "cut at " + cut + " of " + lines + " lines: " + p);
      }
    }
  }

  @Test
  void read_aliasBombGivesOnlyItsUnknownFields() throws IOException {
    String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        + "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n";
    assertEquals("""
        bomb.yaml:1:1: unknown field "a" (allowed: conference, sessions)
        bomb.yaml:2:1: unknown field "b" (allowed: conference, sessions)
        bomb.yaml:3:1: unknown field "c" (allowed: conference, sessions)
        bomb.yaml:4:1: unknown field "d" (allowed: conference, sessions)
        bomb.yaml:5:1: unknown field "e" (allowed: conference, sessions)
        bomb.yaml:1:1: conference is missing
        bomb.yaml:1:1: sessions is missing""", problems(read("bomb.yaml", bomb)));
  }

  @Test
  void read_yamlAliasIsReadAsItsAnchorNameNeverExpanded() throws IOException {
    // Were *ada expanded to s1's list of speakers, s2 would load; read as the text "ada", it cannot.
    String aliased = CATALOG.replace("    speakers:\n", "    speakers: &ada\n").replace("speakers: []", "speakers: *ada");
    assertEquals("x.yaml:24:15: sessions[1] (id s2): speakers must be a list, found text",
        problems(read("x.yaml", aliased)));
  }

  @Test
  void readSynonyms_validatesGroupsWithLocations() throws IOException {
    Path file = dir.resolve("synonyms.yaml");
    Files.writeString(file, "synonyms:\n  - [vm, virtual machine]\n  - [wasm]\n  - [vm, vms]\n");
    CatalogReader.SynonymsResult result = reader.readSynonyms(file, "synonyms.yaml");
    assertNull(result.groups());
    assertEquals("""
        synonyms.yaml:3:5: synonyms[1]: a group needs at least two phrases, found 1
        synonyms.yaml:4:6: synonyms[2]: "vm" is already in synonyms[0] (line 2); a phrase belongs to one group only
        synonyms.yaml:4:5: synonyms[2]: a group needs at least two phrases, found 1""",
        String.join("\n", result.problems().stream().map(Problem::toString).toList()));
  }

  @Test
  void readSynonyms_bundledFileIsValid() {
    CatalogReader.SynonymsResult result = reader.readSynonyms(Path.of("catalog/synonyms.yaml"), "catalog/synonyms.yaml");
    assertTrue(result.ok(), result.problems().toString());
    assertEquals(List.of("vm", "vms", "virtual machine", "virtual machines"), result.groups().get(0));
    assertEquals(List.of("wasm", "webassembly", "web assembly"), result.groups().get(1));
  }
}
