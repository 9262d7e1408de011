package io.istiocon.bot.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.SessionType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command: exit codes, errors that point at the line, re-imports that keep the organizer's work, atomic writes. */
class ImportCommandTest {
  private static final String FOSS4G = "pretalx-foss4g2022.json";
  private static final String C3VOC = "c3voc-39c3-himmel.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path out() {
    return dir.resolve("foss4g.yaml");
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // ---- usage ------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no --out               | pretalx-foss4g2022.json                                    | import needs --out catalog/NAME.yaml",
      "not yaml               | pretalx-foss4g2022.json --out x.json                       | --out must name a .yaml file, got",
      "missing folder         | pretalx-foss4g2022.json --out nowhere/x.yaml               | the folder",
      "no export              | --out x.yaml                                               | import needs an export",
      "two exports            | a.json b.json --out x.yaml                                 | give one export, got \"a.json\" and \"b.json\"",
      "bad zone               | pretalx-foss4g2022.json --out x.yaml --timezone Berlin     | --timezone must be an IANA time zone such as Europe/Berlin, got \"Berlin\"",
      "bad id                 | pretalx-foss4g2022.json --out x.yaml --id FOSS4G           | --id must be lower-case letters, digits and '-'",
      "bad website            | pretalx-foss4g2022.json --out x.yaml --website example.org | --website must be an http(s) URL, got \"example.org\"",
      "bad format             | pretalx-foss4g2022.json --out x.yaml --format ical         | --format must be one of auto, pretalx, c3voc, frab, sessionize, got \"ical\"",
      "value missing          | pretalx-foss4g2022.json --out                              | --out needs a value",
      "unknown option         | pretalx-foss4g2022.json --out x.yaml --force               | unknown option --force",
      "format says XML        | pretalx-foss4g2022.json --out x.yaml --format frab         | --format frab expects a schedule.xml, but this is not XML",
      "format says JSON       | frab-31c3.xml --out x.yaml --format pretalx                | --format pretalx expects JSON, but this is XML",
  })
  void run_usageErrorsExitTwoAndSayWhatToDo(String what, String line, String message) {
    List<String> args = Stream.of(line.split(" "))
        .map(a -> a.startsWith("pretalx-") || a.startsWith("frab-") ? Importing.SCHEDULES.resolve(a).toString()
            : a.endsWith(".yaml") ? dir.resolve(a).toString() : a)
        .toList();

    Importing.Run run = Importing.run(args, dir.resolve("x.yaml"));

    String text = run.err();
    assertEquals(ImportCommand.USAGE, run.code(), what + ": " + text);
    assertTrue(text.contains(message), what + ": " + text);
    assertTrue(text.contains("see docs/import.md#importing-schedules"), text);
  }

  // ---- malformed exports ------------------------------------------------------------------

  @Test
  void run_malformedJsonNamesLineAndColumnAndLeavesOutAsItWas() throws IOException {
    assertEquals(ImportCommand.OK, Importing.run(C3VOC, out()).code());
    byte[] before = Files.readAllBytes(out());
    String text = Files.readString(Importing.SCHEDULES.resolve(C3VOC));
    List<String> lines = text.lines().toList();
    int at = lines.indexOf(lines.stream().filter(l -> l.contains("\"title\": \"Opening Ceremony\",")).findFirst().orElseThrow());
    Path broken = dir.resolve("broken.json");
    // One line of the pretty export loses its comma: the parser stops at the next line's first quote.
    Files.writeString(broken, text.replace("\"title\": \"Opening Ceremony\",", "\"title\": \"Opening Ceremony\""));

    Importing.Run run = Importing.run(broken.toString(), out());

    assertEquals(ImportCommand.BAD_EXPORT, run.code());
    int line = at + 2;
    int column = lines.get(at + 1).indexOf('"') + 1;
    assertTrue(run.err().startsWith("istiocon-bot import: " + broken + ":" + line + ":" + column
        + ": JSON syntax error: Unexpected character ('\"' (code 34)): was expecting comma"), run.err());
    assertArrayEquals(before, Files.readAllBytes(out()));
    assertEquals(List.of("broken.json", "foss4g.yaml"), listing(dir));
  }

  @Test
  void run_malformedXmlNamesLineAndColumn() throws IOException {
    Path broken = dir.resolve("broken.xml");
    Files.writeString(broken, "<?xml version=\"1.0\"?>\n<schedule>\n  <conference><title>X</title></conference>\n"
        + "  <day date=\"2021-02-06\">\n    <room name=\"A\"><event id=\"1\"><title>T</titel></event></room>\n  </day>\n</schedule>\n");

    Importing.Run run = Importing.run(broken.toString(), dir.resolve("x.yaml"), "--timezone", "UTC");

    assertEquals(ImportCommand.BAD_EXPORT, run.code());
    assertTrue(run.err().startsWith("istiocon-bot import: " + broken + ":5:44: XML syntax error: "), run.err());
    assertTrue(run.err().contains("must be terminated by the matching end-tag \"</title>\""), run.err());
    assertFalse(Files.exists(dir.resolve("x.yaml")));
  }

  @Test
  void run_badValueInAnEventNamesTheEvent() throws IOException {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, Files.readString(Importing.SCHEDULES.resolve(FOSS4G))
        .replaceFirst("\"duration\": \"02:00\"", "\"duration\": \"two hours\""));

    Importing.Run run = Importing.run(broken.toString(), out());

    assertEquals(ImportCommand.BAD_EXPORT, run.code());
    assertTrue(run.err().contains(broken + ": event 612 (\u201cMapathon\u201d): duration \"two hours\" is not H:MM"), run.err());
  }

  @Test
  void run_xmlWithAnExternalEntityNeverReadsTheFile() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t-value");
    Path evil = dir.resolve("evil.xml");
    Files.writeString(evil, "<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<schedule><conference><title>&xxe;</title></conference></schedule>\n");

    Importing.Run run = Importing.run(evil.toString(), dir.resolve("x.yaml"), "--timezone", "UTC");

    assertEquals(ImportCommand.BAD_EXPORT, run.code(), run.err());
    assertTrue(run.err().contains(evil + ":3:"), run.err());
    assertFalse(run.err().contains("s3cr3t"), run.err());
    assertFalse(Files.exists(dir.resolve("x.yaml")));
  }

  @Test
  void run_unknownJsonSaysWhichFormatsItReads() throws IOException {
    Path other = Files.writeString(dir.resolve("other.json"), "{\"events\": []}");

    Importing.Run run = Importing.run(other.toString(), out());

    assertEquals(ImportCommand.USAGE, run.code());
    assertTrue(run.err().contains("cannot tell the format"), run.err());
  }

  @Test
  void run_existingOutWithProblemsIsLeftAlone() throws IOException {
    Files.writeString(out(), "conference: {}\n");

    Importing.Run run = Importing.run(FOSS4G, out());

    assertEquals(ImportCommand.BAD_EXPORT, run.code());
    assertTrue(run.err().contains(out() + ":1:13: conference: id is missing"), run.err());
    assertTrue(run.err().contains("has problems, so it was left as it was"), run.err());
    assertEquals("conference: {}\n", Files.readString(out()));
  }

  // ---- re-import --------------------------------------------------------------------------

  @Test
  void run_sameExportTwiceChangesNothing() throws IOException {
    assertEquals(ImportCommand.OK, Importing.run(FOSS4G, out()).code());
    byte[] first = Files.readAllBytes(out());

    Importing.Run again = Importing.run(FOSS4G, out());

    assertEquals(ImportCommand.OK, again.code(), again.err());
    assertTrue(again.out().contains("re-import: 0 added, 0 changed, 0 removed\n"), again.out());
    assertArrayEquals(first, Files.readAllBytes(out()));
  }

  @Test
  void run_reimportKeepsTheOrganizersWorkAndReportsTheDiff() throws IOException {
    Path export = dir.resolve("foss4g.json");
    String original = Files.readString(Importing.SCHEDULES.resolve(FOSS4G));
    Files.writeString(export, original);
    assertEquals(ImportCommand.OK, Importing.run(export.toString(), out()).code());
    // The organizer curates session 612 (tags, popularity, summary, a speaker's company and aliases) and keeps a type.
    String curated = Files.readString(out()).replace("""
          - id: "612"
            title: "Mapathon"
            type: "talk"
        """, """
          - id: "612"
            title: "Mapathon"
            type: "social"
            tags: [openstreetmap, mapping]
            popularity: 42
            summary: "Map for humanitarian projects."
        """);
    assertTrue(curated.contains("popularity: 42"), "the fixture edit applies");
    Files.writeString(out(), curated);
    // The next export renames 612 and drops 623.
    ObjectNode root = (ObjectNode) JSON.readTree(original);
    for (JsonNode day : root.path("schedule").path("conference").path("days")) {
      for (JsonNode events : day.path("rooms")) {
        for (int i = events.size() - 1; i >= 0; i--) {
          ObjectNode event = (ObjectNode) events.get(i);
          if (event.path("id").asInt() == 612) {
            event.put("title", "Mapathon 2022");
          } else if (event.path("id").asInt() == 623) {
            ((ArrayNode) events).remove(i);
          }
        }
      }
    }
    JSON.writeValue(export.toFile(), root);

    Importing.Run run = Importing.run(export.toString(), out());

    assertEquals(ImportCommand.OK, run.code(), run.err());
    assertTrue(run.out().contains("re-import: 0 added, 1 changed, 1 removed (623)\n"), run.out());
    Session mapathon = run.session("612");
    assertEquals("Mapathon 2022", mapathon.title());
    assertEquals(SessionType.SOCIAL, mapathon.type()); // "Side event" says nothing, so the organizer's type stays
    assertEquals(List.of("openstreetmap", "mapping"), mapathon.tags());
    assertEquals(OptionalInt.of(42), mapathon.popularity());
    assertEquals("Map for humanitarian projects.", mapathon.summary());
    assertEquals(327, run.conference().sessions().size());
    assertTrue(run.conference().sessions().stream().noneMatch(s -> s.id().equals("623")));
  }

  @Test
  void run_reimportWithoutAZoneCountsInTheCatalogsZone() {
    Path fosdem = dir.resolve("fosdem.yaml");
    assertEquals(ImportCommand.OK, Importing.run("frab-fosdem2021.xml", fosdem, "--timezone", "Europe/Brussels",
        "--website", "https://fosdem.org/2021/").code());

    Importing.Run again = Importing.run("frab-fosdem2021.xml", fosdem);

    assertEquals(ImportCommand.OK, again.code(), again.err());
    assertTrue(again.out().contains("Europe/Brussels\n"), again.out());
    assertTrue(again.out().contains("re-import: 0 added, 0 changed, 0 removed\n"), again.out());
  }

  @Test
  void run_reimportKeepsSpeakersCompaniesAndAliases() throws IOException {
    assertEquals(ImportCommand.OK, Importing.run("c3voc-39c3-himmel.json", out()).code());
    Files.writeString(out(), Files.readString(out()).replace("""
              - name: "pajowu"
        """, """
              - name: "pajowu"
                company: "zerforschung"
                aliases: ["paul"]
        """));

    Importing.Run run = Importing.run("c3voc-39c3-himmel.json", out());

    assertEquals(ImportCommand.OK, run.code(), run.err());
    assertTrue(run.out().contains("re-import: 0 added, 0 changed, 0 removed"), run.out());
    var pajowu = run.session("1233").speakers().get(0);
    assertEquals("zerforschung", pajowu.company());
    assertEquals(List.of("paul"), pajowu.aliases());
  }

  // ---- the write --------------------------------------------------------------------------

  @Test
  void run_replacesOutByRenamingANewFileOverIt() throws IOException {
    assertEquals(ImportCommand.OK, Importing.run(FOSS4G, out()).code());
    Path link = Files.createLink(dir.resolve("link.yaml"), out());
    byte[] before = Files.readAllBytes(link);
    Files.setPosixFilePermissions(out(), PosixFilePermissions.fromString("rw-rw-r--"));

    Importing.Run run = Importing.run("c3voc-39c3-himmel.json", out(), "--id", "foss4g-2022");

    assertEquals(ImportCommand.OK, run.code(), run.err());
    // An in-place write would have changed the link too; a rename leaves it on the old file.
    assertArrayEquals(before, Files.readAllBytes(link));
    assertEquals("39th Chaos Communications Congress - Himmel", run.conference().name());
    assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out())));
    assertEquals(List.of("foss4g.yaml", "link.yaml"), listing(dir)); // no temporary file left behind
    assertTrue(run.out().contains("re-import: 186 added, 0 changed, 328 removed (612, 623, 624"), run.out());
  }

  @Test
  void run_newFileIsReadableByTheBot() throws IOException {
    assertEquals(ImportCommand.OK, Importing.run(FOSS4G, out()).code());
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out())));
  }

  // ---- URLs -------------------------------------------------------------------------------

  @Test
  void run_fetchesAUrl() throws IOException {
    byte[] export = Files.readAllBytes(Importing.SCHEDULES.resolve("frab-31c3.xml"));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/schedule.xml", exchange -> {
      exchange.sendResponseHeaders(200, export.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(export);
      }
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();

      Importing.Run run = Importing.run(base + "/schedule.xml", out(), "--website", "https://events.ccc.de/");
      assertEquals(ImportCommand.OK, run.code(), run.err());
      assertEquals(138, run.conference().sessions().size());
      assertTrue(run.out().contains("from " + base + "/schedule.xml (frab/Pentabarf schedule.xml)"), run.out());

      Importing.Run missing = Importing.run(base + "/nope.xml", dir.resolve("x.yaml"));
      assertEquals(ImportCommand.BAD_EXPORT, missing.code());
      assertTrue(missing.err().contains(base + "/nope.xml: the server answered HTTP 404; check the URL"), missing.err());
      assertNull(missing.conference());
    } finally {
      server.stop(0);
    }
  }
}
