package io.istiocon.bot.search;

import static io.istiocon.bot.catalog.TestCatalogs.catalogOf;
import static io.istiocon.bot.catalog.TestCatalogs.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.catalog.SessionType;
import io.istiocon.bot.catalog.TestCatalogs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryEngineTest {
  private static final Instant DURING = Instant.parse("2021-02-24T17:50:00Z");
  private static SearchIndex real;
  private final QueryEngine engine = new QueryEngine();

  @BeforeAll
  static void indexRealCatalog() {
    real = SearchIndex.build(TestCatalogs.real(), Synonyms.of(List.of(
        List.of("vm", "virtual machine"), List.of("wasm", "webassembly"), List.of("k8s", "kubernetes"))));
  }

  private List<String> ids(Answer answer) {
    return answer.hits().stream().map(h -> h.session().id()).toList();
  }

  private List<String> ask(SearchIndex index, String question) {
    return ids(engine.answer(index, question, DURING));
  }

  @ParameterizedTest(name = "\"{0}\" puts {1} first")
  @CsvSource(delimiter = '|', value = {
      "who is giving the ebpf talk?   | e7p",
      "slides for the airbnb talk     | f1s",
      "isito at scale                 | g2s",
      "kubernets operator             | d9t3",
      "cristian posta                 | a4p",
      "流量管理                        | e3p",
      "百度                            | b3t2",
      "Santiago Nunez                 | d9t3",
      "API gateway                    | f9t1",
      "kialli                         | fw",
      "k8s gateway api                | f9t2",
      "web assembly filters           | c4p",
      "vm                             | e4p",
      "thursday workshop              | fw",
      "friday debugging               | g3p",
      "e7p                            | e7p",
  })
  void answer_putsTheTalkAskedForFirst(String question, String first) {
    assertEquals(first, ask(real, question).get(0));
  }

  @Test
  void answer_setQuestionsReturnTheWholeSetInProgramOrder() {
    assertEquals(List.of("aw", "cw", "fw"), ask(real, "all workshops"));
    assertEquals(List.of("c9t1", "c9t2", "c9t3", "c9t4"), ask(real, "lightning talks on tuesday"));
    assertEquals(List.of("a3p", "d1k", "e1k"), ask(real, "Neeraj Poddar"));
    assertEquals(List.of("b1k", "b4p", "e4p", "e7p"), ask(real, "Intel sessions"));
  }

  @Test
  void answer_companyAndTopicNarrowToThatCompany() {
    Answer answer = engine.answer(real, "how does eBay run istio", DURING);
    assertEquals(List.of("e3p", "g2s"), ids(answer).stream().sorted().toList());
    assertFalse(answer.set());
  }

  @Test
  void answer_languageFilterCombinesWithTopic() {
    Answer answer = engine.answer(real, "chinese talks about security", DURING);
    assertFalse(answer.isEmpty());
    assertTrue(answer.hits().stream().allMatch(h -> h.session().language().equals("zh")));
    assertEquals("b4p", ids(answer).get(0));
  }

  @Test
  void answer_whatsOnNowIsRelativeToTheClock() {
    assertEquals(List.of("a4p"), ids(engine.answer(real, "what's on now", Instant.parse("2021-02-22T17:45:00Z"))));
    assertEquals(List.of("a5a", "aw"), ids(engine.answer(real, "what's on now", Instant.parse("2021-02-22T18:35:00Z"))));
    assertEquals("d3p", ids(engine.answer(real, "what's next", Instant.parse("2021-02-24T16:55:00Z"))).get(0));
  }

  @Test
  void answer_nowBeforeTheConferenceSaysSoAndOffersWhatIsNext() {
    Answer answer = engine.answer(real, "what's on now", Instant.parse("2021-02-20T12:00:00Z"));
    assertTrue(answer.isEmpty(), "nothing is on: the next sessions are offered, not given as the answer");
    assertEquals("a1k", answer.closest().get(0).session().id());
    assertTrue(answer.notes().get(0).startsWith("Nothing is on yet"), answer.notes().toString());
  }

  @Test
  void answer_nowAfterTheConferenceSaysItRanAndOffersTheMostWatched() {
    Answer answer = engine.answer(real, "what's on now", Instant.parse("2026-11-29T12:00:00Z"));
    assertTrue(answer.isEmpty());
    assertEquals("a3p", answer.closest().get(0).session().id());
    assertTrue(answer.notes().get(0).contains("IstioCon 2021 ran"), answer.notes().toString());
  }

  @Test
  void answer_todayAndTomorrowFollowTheClockInTheConferenceZone() {
    Instant thursdayMorningPacific = Instant.parse("2021-02-25T17:00:00Z");
    assertTrue(ids(engine.answer(real, "today", thursdayMorningPacific)).stream().allMatch(id -> id.startsWith("f")));
    assertTrue(ids(engine.answer(real, "talks tomorrow", thursdayMorningPacific)).stream().allMatch(id -> id.startsWith("g")));
  }

  @Test
  void answer_popularityOrdersByLiveViewers() {
    List<String> ids = ask(real, "most popular");
    assertEquals(List.of("a3p", "a1k", "a4p"), ids.subList(0, 3));
  }

  @Test
  void answer_exactMatchOutranksCorrectedOne() {
    SearchIndex index = SearchIndex.build(catalogOf(
        session("near").title("Meshy adventures"),
        session("exact").title("Mesh adventures")), Synonyms.NONE);
    assertEquals("exact", ask(index, "mesh adventures").get(0));
    assertEquals("near", ask(index, "meshy adventures").get(0));
  }

  @Test
  void answer_typoIsCorrectedAgainstTheCatalogVocabulary() {
    SearchIndex index = SearchIndex.build(catalogOf(
        session("a").title("Observability with Kiali"),
        session("b").title("Gateways")), Synonyms.NONE);
    assertEquals(List.of("a"), ask(index, "obserability"));
    assertEquals(List.of("a"), ask(index, "kialli"));
  }

  @Test
  void answer_synonymsWorkBothWays() {
    SearchIndex index = SearchIndex.build(catalogOf(
        session("vm").title("VM workloads"),
        session("long").title("Virtual machine workloads"),
        session("other").title("Gateways")), Synonyms.of(List.of(List.of("vm", "virtual machine"))));
    assertEquals(List.of("long", "vm"), ask(index, "virtual machine").stream().sorted().toList());
    assertEquals(List.of("long", "vm"), ask(index, "vm").stream().sorted().toList());
    assertEquals("vm", ask(index, "vm").get(0), "the literal word ranks above its synonym");
  }

  @Test
  void answer_compoundsMatchWrittenApartOrTogether() {
    SearchIndex index = SearchIndex.build(catalogOf(
        session("glued").title("Multicluster mesh"),
        session("hyphen").title("Multi-cluster gateways"),
        session("other").title("Single cluster")), Synonyms.NONE);
    assertEquals(List.of("glued", "hyphen"), ask(index, "multi-cluster").stream().sorted().toList());
    assertEquals(List.of("glued", "hyphen"), ask(index, "multicluster").stream().sorted().toList());
  }

  @Test
  void answer_tiesBreakByTimeThenId() {
    SearchIndex index = SearchIndex.build(catalogOf(
        session("b").title("Envoy").at("2021-02-23T16:00:00Z"),
        session("a").title("Envoy").at("2021-02-23T16:00:00Z"),
        session("c").title("Envoy").at("2021-02-22T16:00:00Z")), Synonyms.NONE);
    assertEquals(List.of("c", "a", "b"), ask(index, "envoy"));
  }

  @Test
  void answer_noResultsSaysSoAndSuggestsNearbyNames() {
    Answer answer = engine.answer(real, "kubecon operatorz", DURING);
    Answer none = engine.answer(real, "xyzzy", DURING);
    assertTrue(none.isEmpty());
    assertEquals("No session mentions \u201cxyzzy\u201d.", none.notes().get(0));
    assertFalse(answer.isEmpty() && answer.closest().isEmpty() && answer.suggestions().isEmpty(),
        "results, what comes closest, or suggestions");
  }

  @Test
  void answer_impossibleDaySaysWhenTheConferenceRan() {
    Answer answer = engine.answer(real, "keynotes on saturday", DURING);
    assertTrue(answer.notes().get(0).contains("IstioCon 2021 runs"), answer.notes().toString());
    assertTrue(answer.isEmpty());
    assertFalse(answer.closest().isEmpty());
    assertTrue(answer.closest().stream().allMatch(h -> h.session().type() == SessionType.KEYNOTE));
  }

  @Test
  void answer_unknownWordWithAFilterStillListsTheFilteredSet() {
    Answer answer = engine.answer(real, "beginner workshop", DURING);
    assertEquals(List.of("aw", "cw", "fw"), ids(answer));
    assertTrue(answer.notes().get(0).contains("beginner"));
  }

  @Test
  void answer_helpAndAboutCarryNoSessions() {
    assertEquals(Query.Intent.HELP, engine.answer(real, "help", DURING).intent());
    assertEquals(Query.Intent.ABOUT, engine.answer(real, "how many registrants?", DURING).intent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "?", "<!channel>", "\u202Eevil\u202C", "🙂🙂🙂", "ﷺ", "\u0000\u0001", "a-b-c-d-e-f-g-h",
      "2/31", "feb 30", "day 99", "the 99th", "top 999 talks", "\uD800"})
  void answer_anyTextGivesAnAnswerWithoutThrowing(String question) {
    Answer answer = engine.answer(real, question, DURING);
    assertTrue(answer.hits().size() <= real.size());
  }

  @Test
  void answer_emptyCatalogSaysNothingIsLoaded() {
    SearchIndex empty = SearchIndex.build(io.istiocon.bot.catalog.Catalog.empty(), Synonyms.NONE);
    Answer answer = engine.answer(empty, "ebpf", DURING);
    assertTrue(answer.isEmpty());
    assertEquals("No catalog is loaded yet.", answer.notes().get(0));
  }
}
