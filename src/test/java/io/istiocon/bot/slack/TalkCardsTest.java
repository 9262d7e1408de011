package io.istiocon.bot.slack;

import static io.istiocon.bot.testing.BlockKit.assertNoMentions;
import static io.istiocon.bot.testing.BlockKit.assertWithinLimits;
import static io.istiocon.bot.testing.BlockKit.button;
import static io.istiocon.bot.testing.BlockKit.buttons;
import static io.istiocon.bot.testing.BlockKit.sections;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.catalog.SessionType;
import io.istiocon.bot.catalog.Speaker;
import io.istiocon.bot.catalog.TestCatalogs;
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.search.Query;
import io.istiocon.bot.search.QueryEngine;
import io.istiocon.bot.service.Help;
import io.istiocon.bot.testing.BlockKit;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one Block Kit renderer: card content, leads, safety, and Block Kit's limits for any content. */
class TalkCardsTest {
  private static final QueryEngine ENGINE = new QueryEngine();
  private static final Catalog REAL = TestCatalogs.real();
  private static final long MINUTE = Instant.parse("2021-02-22T17:45:00Z").getEpochSecond() / 60;
  /** A card in a thread: ⭐ Save, answered to the clicker alone. */
  private static final TalkCards.Saving CARD = TalkCards.Saving.on(TalkCards.Surface.THREAD, null, Set.of());

  // ---- the card ---------------------------------------------------------------------------

  @Test
  void card_holdsTitleContextSpeakersAbstractAndLinkButtons() {
    Session s = new Session("c", "a4p", "I want to sketch a mesh for you", SessionType.TALK, "en", false,
        Instant.parse("2021-02-22T17:40:00Z"), Instant.parse("2021-02-22T18:20:00Z"),
        List.of(Speaker.of("Christian Posta", "Solo.io"), Speaker.of("Lin Sun", null)), "word ".repeat(200), "", List.of(),
        URI.create("https://youtu.be/x"), URI.create("https://example.org/s.pdf"), URI.create("https://example.org/p/"),
        OptionalInt.empty(), null, null);

    JsonNode blocks = json(TalkCards.card(s, null, Query.Lead.NONE, 0, false, CARD));

    String text = blocks.get(0).path("text").path("text").asText();
    assertTrue(text.startsWith("*I want to sketch a mesh for you*\nChristian Posta (Solo.io), Lin Sun\nword word"), text);
    String abstractLine = text.substring(text.lastIndexOf('\n') + 1);
    assertTrue(abstractLine.length() <= TalkCards.ABSTRACT && abstractLine.endsWith("\u2026"), abstractLine);
    assertEquals("Talk \u00b7 English \u00b7 <!date^1614015600^{date_short_pretty} {time}|Mon 22 Feb 2021 17:40 UTC>"
        + "\u2013<!date^1614018000^{time}|18:20 UTC>", blocks.get(1).path("elements").get(0).path("text").asText());
    assertEquals(List.of("\u25b6 Watch", "Slides", "Session page", "\ud83d\udcc5 Add to calendar", "\u2b50 Save"),
        buttons(blocks).stream().map(b -> b.path("text").path("text").asText()).toList());
    assertEquals("divider", blocks.get(blocks.size() - 1).path("type").asText());
  }

  @Test
  void card_withoutLinks_hasOnlyAddToCalendarAndSave() {
    Session s = TestCatalogs.session("x1").build();

    JsonNode blocks = json(TalkCards.card(s, null, Query.Lead.NONE, 0, false, CARD));

    assertEquals(List.of("link:calendar:0", "agenda_add:0"), buttons(blocks).stream().map(b -> b.path("action_id").asText()).toList());
    assertEquals(List.of("section", "context", "actions", "divider"), types(blocks));
  }

  @Test
  void card_withOnlySlides_hasTheSlidesButtonAddToCalendarAndSave() {
    Session s = TestCatalogs.session("x2").slides("https://example.org/x2.pdf").build();

    List<JsonNode> buttons = buttons(json(TalkCards.card(s, null, Query.Lead.NONE, 3, false, CARD)));

    assertEquals(List.of("link:slides:3", "link:calendar:3", "agenda_add:3"), buttons.stream().map(b -> b.path("action_id").asText()).toList());
  }

  @Test
  void card_questionAskingForSlides_leadsWithTheSlidesLink() {
    Answer answer = answer("slides for the airbnb talk", TestCatalogs.catalogOf(TestCatalogs.session("s1")
        .title("Airbnb on Istio").video("https://youtu.be/a").slides("https://example.org/airbnb.pdf")));
    assertEquals(Query.Lead.SLIDES, answer.query().lead());

    JsonNode blocks = json(TalkCards.answer(answer, page("slides for the airbnb talk", 0), TalkCards.Surface.EPHEMERAL, Set.of()));

    String card = sections(blocks).get(1);
    assertTrue(card.startsWith("\ud83d\udcd1 *<https://example.org/airbnb.pdf|Open the slides>*\n*Airbnb on Istio*"), card);
    JsonNode first = buttons(blocks).get(0);
    assertEquals("link:slides:0", first.path("action_id").asText());
    assertEquals("primary", first.path("style").asText());
  }

  @Test
  void card_questionAskingForVideoOfATalkWithout_saysSo() {
    Session s = TestCatalogs.session("v1").title("Unrecorded").build();

    String text = json(TalkCards.card(s, null, Query.Lead.VIDEO, 0, false, CARD)).get(0).path("text").path("text").asText();

    assertTrue(text.startsWith("_No video was published for this session._\n*Unrecorded*"), text);
  }

  @Test
  void card_catalogTextWithMentions_isEscaped() {
    Session s = TestCatalogs.session("m1").title("<!channel> Istio & <@U0VICTIM>").speaker("<!here>", "A&B <Corp>")
        .about("Ping <!everyone> & <#C123|general>").build();

    JsonNode blocks = json(TalkCards.card(s, null, Query.Lead.NONE, 0, false, CARD));

    String text = blocks.get(0).path("text").path("text").asText();
    assertTrue(text.startsWith("*&lt;!channel&gt; Istio &amp; &lt;@U0VICTIM&gt;*\n&lt;!here&gt; (A&amp;B &lt;Corp&gt;)"), text);
    assertNoMentions(blocks);
  }

  @Test
  void card_showsRoomAndTrackInTheContextLine() {
    Session s = TestCatalogs.session("r1").room("Saal 1").track("Security & <Privacy>").build();

    String context = json(TalkCards.card(s, null, Query.Lead.NONE, 0, false, CARD)).get(1).path("elements").get(0).path("text").asText();

    assertTrue(context.startsWith("Talk \u00b7 English \u00b7 <!date^"), context);
    assertTrue(context.endsWith(" \u00b7 Room: Saal 1 \u00b7 Track: Security &amp; &lt;Privacy&gt;"), context);
  }

  @Test
  void answer_severalConferencesLoaded_cardsNameTheirConference() {
    Catalog real = TestCatalogs.real();
    Conference ours = real.conferences().get(0);
    Session copied = ours.sessions().stream().filter(s -> s.id().equals("e7p")).findFirst().orElseThrow();
    Session next = new Session("istiocon-2022", "e7p", copied.title(), copied.type(), copied.language(), false,
        copied.start().plus(java.time.Duration.ofDays(364)), copied.end().plus(java.time.Duration.ofDays(364)), copied.speakers(),
        copied.abstractText(), "", List.of(), null, null, null, OptionalInt.empty(), "Room 2", null);
    Conference twentyTwo = new Conference("istiocon-2022", "IstioCon 2022", LocalDate.of(2022, 2, 21), LocalDate.of(2022, 2, 25),
        ours.zone(), ours.website(), "", Map.of(), List.of(next));
    Catalog both = new Catalog(2, "both", List.of(ours, twentyTwo));

    Answer answer = answer("accelerate istio-cni with ebpf", both);
    List<String> contexts = new ArrayList<>();
    for (JsonNode block : json(TalkCards.answer(answer, page("ebpf", 0), TalkCards.Surface.THREAD, Set.of()).blocks())) {
      if (block.path("type").asText().equals("context")) {
        contexts.add(block.path("elements").get(0).path("text").asText());
      }
    }

    assertEquals(2, contexts.size(), contexts.toString());
    assertTrue(contexts.stream().anyMatch(c -> c.startsWith("*IstioCon 2021* \u00b7 Talk \u00b7 Chinese")), contexts.toString());
    assertTrue(contexts.stream().anyMatch(c -> c.startsWith("*IstioCon 2022* \u00b7 Talk \u00b7 Chinese")
        && c.endsWith("Room: Room 2")), contexts.toString());
  }

  // ---- answers ----------------------------------------------------------------------------

  @Test
  void answer_showsAtMostFiveCardsAndPagesThroughEverySession() {
    Catalog catalog = REAL;
    Answer answer = new Answer(ENGINE.parse("everything"), Query.Intent.PROGRAM,
        hits(catalog), catalog.size(), true, List.of(), List.of(), List.of(), catalog);
    Set<String> seen = new HashSet<>();
    PageToken page = page("everything", 0);
    int pages = 0;
    while (page != null) {
      JsonNode blocks = json(TalkCards.answer(answer, page, TalkCards.Surface.EPHEMERAL, Set.of()));
      assertWithinLimits(blocks, TalkCards.MAX_BLOCKS);
      List<String> ids = buttons(blocks).stream().map(b -> b.path("action_id").asText())
          .filter(id -> id.startsWith("link:page:")).toList();
      assertTrue(ids.size() >= 1 && ids.size() <= TalkCards.PAGE, "cards on a page: " + ids.size());
      buttons(blocks).stream().filter(b -> b.path("action_id").asText().startsWith("link:page:"))
          .forEach(b -> assertTrue(seen.add(b.path("url").asText()), "shown twice: " + b));
      page = button(blocks, TalkCards.MORE).map(b -> PageToken.decode(b.path("value").asText()).orElseThrow()).orElse(null);
      pages++;
    }
    assertEquals(catalog.size(), seen.size(), "More reaches every session once");
    assertEquals((catalog.size() + TalkCards.PAGE - 1) / TalkCards.PAGE, pages);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("questions")
  void answer_everyRealSessionAndQuestion_fitsBlockKitLimits(String question) {
    Catalog catalog = REAL;
    for (Session s : catalog.sessions()) {
      Answer answer = new Answer(ENGINE.parse(question), Query.Intent.SEARCH, List.of(new Answer.Hit(s, 1.0)), 1, false,
          List.of("a note about \u201c" + question + "\u201d"), List.of(), List.of(), catalog);
      for (TalkCards.Surface surface : TalkCards.Surface.values()) {
        TalkCards.Message m = TalkCards.answer(answer, page(question, 0), surface, Set.of());
        assertFits(m.blocks(), TalkCards.MAX_BLOCKS, TalkCards.MAX_JSON);
        assertFalse(m.text().isBlank());
        assertTrue(m.text().length() <= TalkCards.MAX_TEXT);
      }
    }
  }

  static Stream<String> questions() {
    return Stream.of("ebpf talks", "slides for the airbnb talk", "video of the wasm talk", "session page for e7p",
        "who is giving the wasm talk?", "<!channel> " + "&<>".repeat(160));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adversarial")
  void answer_adversarialCatalogContent_staysWithinLimitsAndNeverPings(String name, Session session) {
    Catalog catalog = catalogOf(IntStream.range(0, 12).mapToObj(i -> copy(session, "s" + i)).toList());
    Answer answer = new Answer(ENGINE.parse("istio"), Query.Intent.SEARCH,
        hits(catalog), catalog.size(), false,
        List.of("<!channel> ".repeat(100)), List.of(), List.of(), catalog);

    for (TalkCards.Surface surface : TalkCards.Surface.values()) {
      TalkCards.Message m = TalkCards.answer(answer, page("istio <!here>", 0), surface, Set.of());
      assertFits(m.blocks(), TalkCards.MAX_BLOCKS, TalkCards.MAX_JSON);
      assertTrue(types(json(m.blocks())).contains("divider"), "at least one card survives");
      assertNoMentions(json(m.blocks()));
      assertNoMentions(BlockKit.parse("{\"text\":" + GsonFactory.createSnakeCase().toJson(m.text()) + "}"));
    }
    Answer home = new Answer(answer.query(), Query.Intent.POPULAR, answer.hits(), answer.total(), true, List.of(), List.of(), List.of(), catalog);
    List<LayoutBlock> blocks = HomeTab.of(catalog, home, home, home, Optional.empty(), Instant.EPOCH).getBlocks();
    assertFits(blocks, TalkCards.MAX_HOME_BLOCKS, TalkCards.MAX_HOME_JSON);
    assertNoMentions(json(blocks));
  }

  static Stream<Arguments> adversarial() {
    Instant start = Instant.parse("2021-02-22T16:00:00Z");
    String longUrl = "https://example.org/" + "a&b=c".repeat(190);
    return Stream.of(
        Arguments.of("long title of ampersands", session("&".repeat(10_000), "x", List.of(), null)),
        Arguments.of("broadcasts everywhere", session("<!channel> ".repeat(500), "<!here> ".repeat(5000),
            List.of(Speaker.of("<!everyone>", "<@U1>")), "https://example.org/v")),
        Arguments.of("emoji", session("\ud83d\ude80\ud83c\udf89".repeat(2000), "\ud83d\udc4d ".repeat(3000),
            List.of(Speaker.of("\ud83e\udd16", "\ud83c\udfe2")), "https://example.org/v")),
        Arguments.of("200 speakers", session("Panel", "x", IntStream.range(0, 200)
            .mapToObj(i -> Speaker.of("Speaker <" + i + "> & co", "Company & <" + i + ">")).toList(), longUrl)),
        Arguments.of("huge links and text", new Session("c", "id", "<>&".repeat(3000), SessionType.WORKSHOP, "zh", true,
            start, start.plusSeconds(3600), List.of(Speaker.of("A & B", "<C>")), "<&>".repeat(30_000), "",
            List.of(), URI.create(longUrl), URI.create(longUrl), URI.create(longUrl), OptionalInt.of(1),
            "<Room>".repeat(500), "&Track".repeat(500))),
        Arguments.of("links too long to use", new Session("c", "id", "t", SessionType.TALK, "en", false,
            start, start.plusSeconds(3600), List.of(), "", "", List.of(),
            URI.create("https://example.org/" + "x".repeat(5000)), null, null, OptionalInt.empty(), null, null)),
        Arguments.of("one word abstract", session("t", "x".repeat(50_000), List.of(), "https://example.org/v")));
  }

  @Test
  void answer_questionWithMentions_isEchoedEscaped() {
    Catalog catalog = TestCatalogs.catalogOf(TestCatalogs.session("e1").title("eBPF"));
    Answer answer = new Answer(ENGINE.parse("ebpf"), Query.Intent.SEARCH, List.of(new Answer.Hit(catalog.sessions().get(0), 1)), 1,
        false, List.of(), List.of(), List.of(), catalog);

    TalkCards.Message m = TalkCards.answer(answer, page("<!channel> ebpf & <@U1>", 0), TalkCards.Surface.EPHEMERAL, Set.of());

    assertTrue(sections(json(m.blocks())).get(0).contains("\u201c&lt;!channel&gt; ebpf &amp; &lt;@U1&gt;\u201d"));
    assertTrue(m.text().contains("&lt;!channel&gt;"), m.text());
  }

  @Test
  void answer_withNoHits_saysSoAndOffersSuggestionsAndExamples() {
    Catalog catalog = TestCatalogs.catalogOf(TestCatalogs.session("e1"));
    Answer answer = new Answer(ENGINE.parse("linkerdd"), Query.Intent.SEARCH, List.of(), 0, false,
        List.of("No session mentions \u201clinkerdd\u201d."), List.of("Lin Sun", "Linkerd & <Istio>"), List.of(), catalog);

    JsonNode blocks = json(TalkCards.answer(answer, page("linkerdd", 0), TalkCards.Surface.EPHEMERAL, Set.of()).blocks());

    assertEquals("No sessions match \u201clinkerdd\u201d.\nNo session mentions \u201clinkerdd\u201d.", sections(blocks).get(0));
    assertEquals("*Did you mean:*", sections(blocks).get(1));
    assertEquals(List.of("Lin Sun", "Linkerd & <Istio>", "help"), buttons(blocks).stream().map(b -> b.path("value").asText()).toList());
    assertEquals(List.of("ask:0", "ask:1", "ask:2"), buttons(blocks).stream().map(b -> b.path("action_id").asText()).toList());
  }

  @Test
  void answer_pastTheLastPage_saysThatWasAll() {
    Catalog catalog = TestCatalogs.catalogOf(TestCatalogs.session("e1"));
    Answer answer = new Answer(ENGINE.parse("x"), Query.Intent.SEARCH, List.of(new Answer.Hit(catalog.sessions().get(0), 1)), 1,
        false, List.of(), List.of(), List.of(), catalog);

    TalkCards.Message m = TalkCards.answer(answer, page("x", 5), TalkCards.Surface.EPHEMERAL, Set.of());

    assertEquals("That was all: 1 session for \u201cx\u201d.", m.text());
  }

  @Test
  void answer_sharedSurface_hasNoShareOrMoreButHintsAtTheRest() {
    Catalog catalog = REAL;
    Answer answer = new Answer(ENGINE.parse("istio"), Query.Intent.SEARCH,
        hits(catalog), catalog.size(), true, List.of(), List.of(), List.of(), catalog);

    JsonNode blocks = json(TalkCards.answer(answer, page("istio", 0), TalkCards.Surface.SHARED, Set.of()));

    assertTrue(button(blocks, TalkCards.SHARE).isEmpty());
    assertTrue(button(blocks, TalkCards.MORE).isEmpty());
    String text = BlockKit.allText(blocks);
    assertTrue(text.contains((catalog.size() - 5) + " more: ask `/istiocon istio`"), text);
  }

  // ---- help and home ----------------------------------------------------------------------

  @Test
  void help_hasOneButtonPerExampleAndFits() {
    JsonNode blocks = json(TalkCards.help(REAL, List.of()).blocks());

    assertWithinLimits(blocks, TalkCards.MAX_BLOCKS);
    assertEquals(Help.EXAMPLES.size(), buttons(blocks).size());
    assertTrue(sections(blocks).get(0).contains("Loaded: IstioCon 2021 (67 sessions)."), sections(blocks).get(0));
  }

  @Test
  void about_describesTheConferenceWithItsWebsite() {
    Catalog catalog = REAL;
    Answer answer = new Answer(ENGINE.parse("about"), Query.Intent.ABOUT, List.of(), 0, false, List.of(), List.of(), List.of(), catalog);

    JsonNode blocks = json(TalkCards.answer(answer, page("about", 0), TalkCards.Surface.EPHEMERAL, Set.of()));

    assertWithinLimits(blocks, TalkCards.MAX_BLOCKS);
    assertTrue(sections(blocks).get(0).startsWith("*IstioCon 2021*\nMon 22 Feb 2021 \u2013 Fri 26 Feb 2021"), sections(blocks).get(0));
    assertEquals("https://events.istio.io/istiocon-2021/", button(blocks, "link:site:0").orElseThrow().path("url").asText());
  }

  @Test
  void home_showsNowNextPopularAndHowToAsk() {
    Catalog catalog = REAL;
    Instant now = Instant.parse("2021-02-22T17:45:00Z");
    Answer on = ENGINE.answer(io.istiocon.bot.search.SearchIndex.build(catalog, io.istiocon.bot.search.Synonyms.NONE),
        "what's on now", now);

    JsonNode view = BlockKit.parse(GsonFactory.createSnakeCase().toJson(HomeTab.of(catalog, on, on, on, Optional.empty(), now)));

    assertEquals("home", view.path("type").asText());
    assertWithinLimits(view.path("blocks"), TalkCards.MAX_HOME_BLOCKS);
    List<String> headers = new ArrayList<>();
    view.path("blocks").forEach(b -> {
      if (b.path("type").asText().equals("header")) {
        headers.add(b.path("text").path("text").asText());
      }
    });
    assertEquals(List.of("Your agenda", "On now", "Up next", "Most watched", "How to ask"), headers);
  }

  @Test
  void home_withoutACatalog_saysItIsNotLoaded() {
    Catalog empty = Catalog.empty();
    Answer none = new Answer(ENGINE.parse("what's on now"), Query.Intent.NOW, List.of(), 0, false,
        List.of("No catalog is loaded yet."), List.of(), List.of(), empty);

    String text = BlockKit.allText(BlockKit.parse(GsonFactory.createSnakeCase().toJson(HomeTab.of(empty, none, none, none, Optional.empty(), Instant.EPOCH))));

    assertTrue(text.contains("not loaded yet"), text);
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static Answer answer(String question, Catalog catalog) {
    return ENGINE.answer(io.istiocon.bot.search.SearchIndex.build(catalog, io.istiocon.bot.search.Synonyms.NONE), question,
        Instant.parse("2021-02-22T17:45:00Z"));
  }

  private static List<Answer.Hit> hits(Catalog catalog) {
    return catalog.sessions().stream().map(s -> new Answer.Hit(s, 1.0)).toList();
  }

  private static PageToken page(String question, int offset) {
    return new PageToken(question, offset, MINUTE);
  }

  private static Session session(String title, String about, List<Speaker> speakers, String video) {
    Instant start = Instant.parse("2021-02-22T16:00:00Z");
    return new Session("c", "id", title, SessionType.TALK, "en", false, start, start.plusSeconds(2400), speakers, about, "",
        List.of(), video == null ? null : URI.create(video), null, URI.create("https://example.org/page"), OptionalInt.empty(),
        null, null);
  }

  private static Session copy(Session s, String id) {
    return new Session("c", id, s.title(), s.type(), s.language(), s.subtitled(), s.start(), s.end(), s.speakers(),
        s.abstractText(), s.summary(), s.tags(), s.video(), s.slides(), s.page(), s.popularity(), s.room(), s.track());
  }

  private static Catalog catalogOf(List<Session> sessions) {
    Conference c = new Conference("c", "<!channel> Con & " + "<>".repeat(200), LocalDate.of(2021, 2, 22), LocalDate.of(2021, 2, 26),
        ZoneId.of("UTC"), URI.create("https://example.org/"), "<!here> ".repeat(500), Map.of("a<b", "c&d"), sessions);
    return new Catalog(1, "adversarial", List.of(c));
  }

  private static void assertFits(List<LayoutBlock> blocks, int maxBlocks, int maxJson) {
    assertTrue(TalkCards.jsonLength(blocks) <= maxJson, "blocks JSON is " + TalkCards.jsonLength(blocks) + " characters");
    assertWithinLimits(json(blocks), maxBlocks);
  }

  private static JsonNode json(TalkCards.Message message) {
    return json(message.blocks());
  }

  private static JsonNode json(List<LayoutBlock> blocks) {
    return BlockKit.parse(GsonFactory.createSnakeCase().toJson(blocks));
  }

  private static List<String> types(JsonNode blocks) {
    List<String> out = new ArrayList<>();
    blocks.forEach(b -> out.add(b.path("type").asText()));
    return out;
  }
}
