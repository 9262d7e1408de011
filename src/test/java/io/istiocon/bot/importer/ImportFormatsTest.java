package io.istiocon.bot.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.SessionType;
import io.istiocon.bot.catalog.Speaker;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each format, read from real exports: counts, a few exact sessions, and the quirks real exports have. */
class ImportFormatsTest {
  @TempDir
  Path dir;

  private Importing.Run ok(String export, String... options) {
    Importing.Run run = Importing.run(export, dir.resolve("out.yaml"), options);
    assertEquals(ImportCommand.OK, run.code(), run.err());
    return run;
  }

  private static Set<String> distinct(Conference c, Function<Session, String> field) {
    return c.sessions().stream().map(field).filter(v -> v != null).collect(Collectors.toSet());
  }

  private static Map<SessionType, Long> types(Conference c) {
    return c.sessions().stream().collect(Collectors.groupingBy(Session::type, TreeMap::new, Collectors.counting()));
  }

  private static List<String> speakers(Session s) {
    return s.speakers().stream().map(Speaker::name).toList();
  }

  // ---- pretalx ----------------------------------------------------------------------------

  @Test
  void pretalx_foss4g_sessionsRoomsTracksAndTypes() {
    Conference c = ok("pretalx-foss4g2022.json").conference();

    assertEquals("foss4g-2022", c.id());
    assertEquals("FOSS4G 2022 general tracks", c.name());
    assertEquals(ZoneId.of("Europe/Rome"), c.zone());
    assertEquals(LocalDate.of(2022, 8, 22), c.start());
    assertEquals(LocalDate.of(2022, 8, 28), c.end());
    assertEquals(328, c.sessions().size());
    assertEquals(11, distinct(c, Session::room).size());
    assertEquals(7, distinct(c, Session::track).size());
    assertEquals(Map.of(SessionType.KEYNOTE, 5L, SessionType.TALK, 223L, SessionType.LIGHTNING, 100L), types(c));
    assertEquals(Set.of("en"), distinct(c, Session::language));
  }

  @Test
  void pretalx_foss4g_aSessionWithoutSpeakersOrTrack() {
    Session mapathon = ok("pretalx-foss4g2022.json").session("612");

    assertEquals("Mapathon", mapathon.title());
    assertEquals(Instant.parse("2022-08-22T07:00:00Z"), mapathon.start()); // 09:00+02:00
    assertEquals(Instant.parse("2022-08-22T09:00:00Z"), mapathon.end()); // "02:00"
    assertEquals("University Auditorium A", mapathon.room());
    assertNull(mapathon.track());
    assertEquals(List.of(), mapathon.speakers());
    assertEquals(URI.create("https://talks.osgeo.org/foss4g-2022/talk/EDHBQQ/"), mapathon.page());
    // The export's CRLF and the spaces before it are gone; the text is otherwise as written.
    assertTrue(mapathon.abstractText().contains("HOT Tasking manager\nA Mapathon is a great opportunity"), mapathon.abstractText());
  }

  @Test
  void pretalx_withOffsetsButNoZoneName_countsDaysInTheOffset() {
    Importing.Run run = ok("pretalx-rc3-channels-2020.json");
    Conference c = run.conference();

    assertEquals(ZoneId.of("UTC+01:00"), c.zone());
    assertEquals(48, c.sessions().size());
    Session gluon = run.session("15");
    assertEquals(Instant.parse("2020-12-27T10:30:00Z"), gluon.start());
    assertEquals(Instant.parse("2020-12-27T11:10:00Z"), gluon.end());
    assertEquals(List.of("Chris Fiege", "Kasa"), speakers(gluon));
    assertEquals("r3s - Monheim/Rhein", gluon.room());
    assertEquals("MON r3s Rhein VHS", gluon.track());
    assertEquals("de", gluon.language());
    assertEquals(SessionType.WORKSHOP, run.session("164").type()); // "Workshop 60 Min"
    assertEquals(SessionType.LIGHTNING, run.session("182").type()); // "LightningTalk 15min 10min Q&A"
    assertEquals(List.of(), run.session("17").speakers());
    assertTrue(run.out().contains("5 rooms, 5 tracks, 56 speakers"), run.out());
  }

  // ---- C3VOC ------------------------------------------------------------------------------

  @Test
  void c3voc_39c3_eventsAfterMidnightKeepTheirOwnDate() {
    Importing.Run run = ok("c3voc-39c3-himmel.json");
    Conference c = run.conference();

    assertEquals("39c3", c.id());
    assertEquals(186, c.sessions().size());
    assertEquals(ZoneId.of("Europe/Berlin"), c.zone());
    assertEquals(LocalDate.of(2025, 12, 30), c.end());
    Session kitchen = run.session("1431"); // listed under 27 Dec, at 00:20 on the 28th
    assertEquals(Instant.parse("2025-12-27T23:20:00Z"), kitchen.start());
    assertEquals(LocalDate.of(2025, 12, 28), c.dayOf(kitchen.start()));
    Session opening = run.session("1233");
    assertEquals(Instant.parse("2025-12-27T09:30:00Z"), opening.start());
    assertEquals("Saal One", opening.room());
    assertEquals("CCC & Community", opening.track());
    assertEquals(List.of("pajowu", "Stella"), speakers(opening));
    assertEquals(Set.of("Saal Fuse", "Saal Ground", "Saal One", "Saal Zero", "Sendezentrum Bühne (Saal X 07)"),
        distinct(c, Session::room));
    assertEquals(List.of(), run.session("2481").speakers());
  }

  @Test
  void c3voc_39c3_slidesAmongAttachmentsResolveAgainstTheTalksOrigin() {
    Session bluetooth = ok("c3voc-39c3-himmel.json").session("1541");

    assertEquals(URI.create("https://cfp.cccv.de/media/39c3/submissions/ZADHHE/resources/2025_39C3_LiberatingBluetooth_MFFpRgs.pdf"),
        bluetooth.slides());
    assertNull(bluetooth.video());
  }

  @Test
  void c3voc_jev22_aTalkWhoseOffsetDiffersFromTheSchedulesZone() {
    Importing.Run run = ok("c3voc-jev22-channels.json", "--website", "https://events.ccc.de/");
    Conference c = run.conference();

    assertEquals(ZoneId.of("Europe/Amsterdam"), c.zone());
    assertEquals(213, c.sessions().size());
    Session solar = run.session("6713"); // 10:30-05:00 in a +01:00 schedule
    assertEquals(Instant.parse("2022-12-27T15:30:00Z"), solar.start());
    assertNull(solar.track()); // "" in the export
    Session beer = run.session("2158"); // duration "4:00", no speakers
    assertEquals(Instant.parse("2022-12-27T11:30:00Z"), beer.start());
    assertEquals(Instant.parse("2022-12-27T15:30:00Z"), beer.end());
    assertEquals(List.of(), beer.speakers());
    assertEquals(6, c.sessions().stream().filter(s -> s.speakers().isEmpty()).count());
    assertEquals(8, c.sessions().stream().filter(s -> s.video() != null).count()); // "recording": {"url": ...}
  }

  // ---- frab / Pentabarf -------------------------------------------------------------------

  @Test
  void frab_fosdem_needsAZone() {
    Importing.Run run = Importing.run("frab-fosdem2021.xml", dir.resolve("fosdem.yaml"));

    assertEquals(ImportCommand.USAGE, run.code());
    assertTrue(run.err().contains("give --timezone"), run.err());
    assertTrue(run.err().contains("see docs/import.md#time-zones"), run.err());
    assertFalse(Files.exists(dir.resolve("fosdem.yaml")));
  }

  @Test
  void frab_fosdem_allEventsWithLocalTimesInTheGivenZone() {
    Importing.Run run = ok("frab-fosdem2021.xml", "--timezone", "Europe/Brussels", "--id", "fosdem-2021",
        "--website", "https://archive.fosdem.org/2021/");
    Conference c = run.conference();

    assertEquals("fosdem-2021", c.id());
    assertEquals("FOSDEM 2021", c.name());
    assertEquals(773, c.sessions().size());
    assertEquals(106, distinct(c, Session::room).size());
    assertEquals(109, distinct(c, Session::track).size());
    assertEquals(102, c.sessions().stream().filter(s -> s.speakers().isEmpty()).count());
    assertEquals(Set.of("und"), distinct(c, Session::language)); // <language/> everywhere
    assertEquals(21, types(c).get(SessionType.LIGHTNING));
    assertEquals(1, types(c).get(SessionType.SOCIAL)); // the one "bof"
    assertTrue(run.out().contains("773 sessions on 2 days"), run.out());
    assertTrue(run.out().contains("106 rooms, 109 tracks, 684 speakers"), run.out());
  }

  @Test
  void frab_fosdem_oneEventExactly() {
    Session fuss = ok("frab-fosdem2021.xml", "--timezone", "Europe/Brussels", "--website", "https://fosdem.org/2021/")
        .session("11164");

    assertEquals("Empowering the school of the future", fuss.title());
    assertEquals(Instant.parse("2021-02-06T09:00:00Z"), fuss.start()); // 10:00 in Brussels
    assertEquals(Instant.parse("2021-02-06T09:30:00Z"), fuss.end());
    assertEquals("M.community", fuss.room());
    assertEquals("Community", fuss.track());
    assertEquals(SessionType.TALK, fuss.type()); // "maintrack"
    assertEquals(List.of("Marco Marinello", "Paolo Dongilli"), speakers(fuss));
    assertEquals(URI.create("https://video.fosdem.org/2021/M.community/fuss_remote_access.mp4"), fuss.video());
    assertTrue(fuss.slides().toString().contains("/attachments/slides/4750/"), fuss.slides().toString()); // not the paper
    assertTrue(fuss.abstractText().startsWith("Remotely accessing files in a distributed LDAP and Samba-based infrastructure"
        + "\n\nHow can users of your network"), fuss.abstractText()); // subtitle, then the HTML abstract as text
    assertFalse(fuss.abstractText().contains("<p>"), fuss.abstractText());
  }

  @Test
  void frab_fosdem_trailingSpacesInNamesAndTitlesAreTrimmed() {
    Importing.Run run = ok("frab-fosdem2021.xml", "--timezone", "Europe/Brussels", "--website", "https://fosdem.org/2021/");

    assertEquals(List.of("Rom"), speakers(run.session("11412")));
    assertEquals(List.of("Martin De Wulf"), speakers(run.session("11493")));
    assertEquals("drand", run.session("11439").title());
    assertEquals("Build a p2p distributed app with vue, really fast", run.session("11708").title());
  }

  @Test
  void frab_31c3_eventsAfterMidnightLieOnTheNextDate() {
    Importing.Run run = ok("frab-31c3.xml", "--website", "https://events.ccc.de/congress/2014/");
    Conference c = run.conference();

    assertEquals("31c3", c.id());
    assertEquals(138, c.sessions().size());
    assertEquals(ZoneId.of("UTC+01:00"), c.zone()); // offsets on every <date>, no zone name
    Session fnord = run.session("6109"); // listed under 28 Dec at 00:15
    assertEquals(Instant.parse("2014-12-28T23:15:00Z"), fnord.start());
    assertEquals(LocalDate.of(2014, 12, 29), c.dayOf(fnord.start()));
    assertEquals(List.of("Nadia Heninger", "Julia Angwin", "Laura Poitras", "Jack Gillum"), speakers(run.session("6154")));
    assertEquals("The Magical Secrecy Tour", run.session("6596").title());
    assertEquals(SessionType.PANEL, run.session("6377").type()); // "podium"
    assertEquals("Saal 1", run.session("6561").room());
  }

  @Test
  void frab_withoutDates_placesEventsBeforeTheDaysStartOnTheNextDate() throws IOException {
    Path withDates = Importing.SCHEDULES.resolve("frab-31c3.xml");
    Path withoutDates = dir.resolve("31c3-no-dates.xml");
    Files.writeString(withoutDates, Files.readString(withDates).replaceAll("<date>[^<]*</date>\n", ""));
    Map<String, Instant> expected = ok(withDates.toString(), "--website", "https://events.ccc.de/").conference().sessions()
        .stream().collect(Collectors.toMap(Session::id, Session::start));

    Importing.Run run = Importing.run(withoutDates.toString(), dir.resolve("again.yaml"),
        "--timezone", "Europe/Berlin", "--website", "https://events.ccc.de/");

    assertEquals(ImportCommand.OK, run.code(), run.err());
    assertEquals(expected, run.conference().sessions().stream().collect(Collectors.toMap(Session::id, Session::start)));
  }

  // ---- Sessionize -------------------------------------------------------------------------

  @Test
  void sessionize_needsAZoneANameAndAWebsite() {
    Importing.Run run = Importing.run("sessionize-scottishsummit2026.json", dir.resolve("s.yaml"));
    assertEquals(ImportCommand.USAGE, run.code());
    assertTrue(run.err().contains("Sessionize exports local times without a time zone; give --timezone"), run.err());

    run = Importing.run("sessionize-scottishsummit2026.json", dir.resolve("s.yaml"), "--timezone", "Europe/London");
    assertEquals(ImportCommand.USAGE, run.code());
    assertTrue(run.err().contains("give --name \"Conference 2026\" (the export names no conference),"
        + " --website https://... (the export names no website)"), run.err());
  }

  @Test
  void sessionize_scottishSummit_speakersRoomsAndCategoriesById() {
    Importing.Run run = Importing.run("sessionize-scottishsummit2026.json", dir.resolve("scottish-summit-2026.yaml"),
        "--timezone", "Europe/London", "--name", "Scottish Summit 2026", "--website", "https://scottishsummit.com/");
    assertEquals(ImportCommand.OK, run.code(), run.err());
    Conference c = run.conference();

    assertEquals("scottish-summit-2026", c.id()); // from --out's name: the export has no acronym
    assertEquals(61, c.sessions().size());
    Session workshop = run.session("1252943");
    assertEquals("Design and Build a Gamified Onboarding Agent with M365, Copilot and Power Platform Workshop",
        workshop.title()); // a leading space in the export
    assertEquals(Instant.parse("2026-10-02T08:00:00Z"), workshop.start()); // 09:00 BST
    assertEquals(Instant.parse("2026-10-02T16:00:00Z"), workshop.end());
    assertEquals(List.of("Sandra Kiel", "Markus Franz", "Anouck Fierens"), speakers(workshop));
    assertEquals("Presidents Suite 1 (150)", workshop.room());
    assertEquals("Dynamics & Power Platform", workshop.track());
    assertEquals(List.of("Martin Woodward"), speakers(run.session("1302541"))); // lastName "Woodward "
    // 11 sessions carry "20 min lightning talk"; two of them also, and first, "45 min theatre session", and last 45 minutes.
    assertEquals(9, types(c).get(SessionType.LIGHTNING));
    assertEquals(SessionType.TALK, run.session("1215976").type());
    assertTrue(run.out().contains("7 rooms, 6 tracks, 76 speakers"), run.out());
  }

  @Test
  void sessionize_globalAzure_recordingsFromTheVideoQuestion() {
    Importing.Run run = ok("sessionize-globalazure-austria2024.json", "--timezone", "Europe/Vienna",
        "--name", "Global Azure Austria 2024", "--website", "https://globalazure.at/");

    assertEquals(15, run.conference().sessions().size());
    Session keynote = run.session("658419");
    assertEquals(Instant.parse("2024-04-20T07:00:00Z"), keynote.start()); // 09:00 CEST
    assertEquals(URI.create("https://youtube.com/live/mIguuYMFbh0"), keynote.video());
    assertEquals("und", keynote.language()); // no language category
  }
}
