package io.istiocon.bot.slack;

import static io.istiocon.bot.testing.BlockKit.assertNoMentions;
import static io.istiocon.bot.testing.BlockKit.assertWithinLimits;
import static io.istiocon.bot.testing.BlockKit.button;
import static io.istiocon.bot.testing.BlockKit.buttons;
import static io.istiocon.bot.testing.BlockKit.parse;
import static io.istiocon.bot.testing.BlockKit.sections;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.istiocon.bot.files.CatalogReader;
import io.istiocon.bot.files.LiveCatalog;
import io.istiocon.bot.search.Answer;
import io.istiocon.bot.search.QueryEngine;
import io.istiocon.bot.service.Help;
import io.istiocon.bot.testing.BlockKit;
import io.istiocon.bot.testing.FakeSlack;
import io.istiocon.bot.testing.FakeTicker;
import io.istiocon.bot.testing.Fixtures;
import io.istiocon.bot.testing.RunningBot;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot as {@code serve} runs it in HTTP mode, driven over real HTTP on 127.0.0.1 with signed
 * requests shaped like Slack's, its Web API calls going to a local fake.
 */
class HttpModeTest {
  private static final String POST = "/api/chat.postMessage";
  private static final AtomicInteger EVENTS = new AtomicInteger();
  private static RunningBot bot;

  @BeforeAll
  static void start() throws Exception {
    bot = RunningBot.start();
  }

  @AfterAll
  static void stop() {
    bot.close();
  }

  @BeforeEach
  void forgetWaits() {
    bot.sleeper.clear();
  }

  // ---- /istiocon --------------------------------------------------------------------------

  @Test
  void command_question_acksWithEphemeralCardsBestFirst() {
    HttpResponse<String> response = bot.command("istio at scale");

    assertEquals(200, response.statusCode());
    JsonNode body = parse(response.body());
    assertEquals("ephemeral", body.path("response_type").asText());
    assertFalse(body.path("text").asText().isBlank(), "plain-text fallback");
    JsonNode blocks = body.path("blocks");
    assertWithinLimits(blocks, 50);
    long cards = buttons(blocks).stream().filter(b -> b.path("action_id").asText().startsWith("link:page:")).count();
    assertTrue(cards >= 1 && cards <= 5, "1 to 5 cards, got " + cards);
    assertTrue(button(blocks, "share").isPresent(), "Share in channel");
  }

  @Test
  void command_sentInChunksWithoutALength_getsTheSameAnswer() {
    String body = Fixtures.form("command.form", Map.of("text", "istio at scale", "response_url",
        bot.slack.responseUrl("command")));

    HttpResponse<String> chunked = bot.signedChunked(body, RunningBot.FORM);

    assertEquals(200, chunked.statusCode());
    assertEquals(bot.command("istio at scale").body(), chunked.body());
  }

  @Test
  void command_empty_showsHelpWithExampleButtons() {
    JsonNode blocks = parse(bot.command("").body()).path("blocks");

    assertEquals("What I can answer", blocks.get(0).path("text").path("text").asText());
    List<String> values = buttons(blocks).stream().filter(b -> b.path("action_id").asText().startsWith("ask:"))
        .map(b -> b.path("value").asText()).toList();
    assertEquals(Help.EXAMPLES.stream().map(Help.Example::question).toList(), values);
  }

  @Test
  void command_help_showsHelp() {
    JsonNode blocks = parse(bot.command("help").body()).path("blocks");

    assertEquals("What I can answer", blocks.get(0).path("text").path("text").asText());
    assertWithinLimits(blocks, 50);
  }

  @Test
  void command_noResults_saysSoWithTheEnginesNotesAndSuggestions() {
    Answer expected = engineAnswer("linkerdd");
    assertTrue(expected.isEmpty(), "the question must find nothing");

    JsonNode blocks = parse(bot.command("linkerdd").body()).path("blocks");

    String first = sections(blocks).get(0);
    assertTrue(first.startsWith("No sessions match \u201clinkerdd\u201d."), first);
    expected.notes().forEach(note -> assertTrue(first.contains(note), note + " in " + first));
    List<String> offered = buttons(blocks).stream().map(b -> b.path("value").asText()).toList();
    assertEquals(expected.suggestions(), offered.subList(0, offered.size() - 1), "Did you mean buttons, then examples");
    assertEquals("help", offered.get(offered.size() - 1));
    assertEquals(!expected.suggestions().isEmpty(), sections(blocks).contains("*Did you mean:*"));
  }

  @Test
  void command_longQuestion_isCutWithANote() {
    String question = "ebpf ".repeat(120);

    JsonNode blocks = parse(bot.command(question).body()).path("blocks");

    assertTrue(sections(blocks).get(0).contains("Your question was cut to its first 500 characters."), sections(blocks).get(0));
    assertWithinLimits(blocks, 50);
  }

  @Test
  void exampleButton_answersTheExampleThroughResponseUrl() throws Exception {
    HttpResponse<String> click = bot.click("ask:0", "ebpf talks", true, "example");

    assertEquals(200, click.statusCode());
    JsonNode reply = bot.slack.take("/respond/example").json();
    assertEquals("ephemeral", reply.path("response_type").asText());
    assertFalse(reply.path("replace_original").asBoolean());
    assertTrue(BlockKit.allText(reply.path("blocks")).contains("Accelerate istio-cni with ebpf"));
  }

  // ---- More and Share ---------------------------------------------------------------------

  @Test
  void more_click_replacesTheAnswerWithTheNextPage() throws Exception {
    JsonNode first = parse(bot.command("istio").body()).path("blocks");
    String value = button(first, "more").orElseThrow().path("value").asText();

    assertEquals(200, bot.click("more", value, true, "more").statusCode());

    JsonNode reply = bot.slack.take("/respond/more").json();
    assertTrue(reply.path("replace_original").asBoolean());
    String head = sections(reply.path("blocks")).get(0);
    assertTrue(head.contains(" \u00b7 6\u201310 of "), head);
    assertWithinLimits(reply.path("blocks"), 50);
    assertTrue(button(reply.path("blocks"), "share").isPresent(), "still ephemeral, still shareable");
  }

  @Test
  void more_click_answersForTheMinuteOfTheOriginalQuestion() throws Exception {
    // Asked on Thursday 04:45 UTC, while the ebpf talk was on; the bot's clock says Monday now.
    long minute = Instant.parse("2021-02-25T04:45:00Z").getEpochSecond() / 60;
    String value = new PageToken("what's on now", 0, minute).encode();

    bot.click("more", value, true, "minute");

    String text = BlockKit.allText(bot.slack.take("/respond/minute").json().path("blocks"));
    assertTrue(text.contains("Accelerate istio-cni with ebpf"), text);
    assertFalse(text.contains("I want to sketch a mesh for you"), text);
  }

  @Test
  void more_clickWithAForeignValue_getsAnApologyNotAStackTrace() throws Exception {
    assertEquals(200, bot.click("more", "garbage", true, "garbage").statusCode());

    JsonNode reply = bot.slack.take("/respond/garbage").json();
    assertTrue(reply.path("text").asText().startsWith("Sorry, I could not read that button"), reply.toString());
  }

  @Test
  void share_click_postsTheSameAnswerVisiblyThroughResponseUrl() throws Exception {
    JsonNode ephemeral = parse(bot.command("ebpf talks").body()).path("blocks");
    String value = button(ephemeral, "share").orElseThrow().path("value").asText();

    assertEquals(200, bot.click("share", value, true, "share").statusCode());

    JsonNode shared = bot.slack.take("/respond/share").json();
    assertEquals("in_channel", shared.path("response_type").asText());
    assertFalse(shared.path("replace_original").asBoolean());
    assertNoMentions(shared);
    assertTrue(button(shared.path("blocks"), "share").isEmpty(), "no Share button on a shared answer");
    assertEquals(cards(ephemeral), cards(shared.path("blocks")));
  }

  @Test
  void linkButton_click_isAcknowledged() {
    assertEquals(200, bot.click("link:watch:0", "", false, "unused").statusCode());
  }

  // ---- mentions and DMs -------------------------------------------------------------------

  @Test
  void mention_inChannel_isAnsweredInAThreadUnderTheMention() throws Exception {
    HttpResponse<String> ack = mention("<@U0BOT> ebpf talks", "1614015900.000100");

    assertEquals(200, ack.statusCode());
    FakeSlack.Call post = bot.slack.take(POST);
    assertEquals("C0CHAN1", post.form().get("channel"));
    assertEquals("1614015900.000100", post.form().get("thread_ts"));
    assertEquals("Bearer xoxb-test-token", post.headers().get("authorization"));
    assertTrue(BlockKit.allText(post.formJson("blocks")).contains("Accelerate istio-cni with ebpf"));
    assertTrue(post.form().get("text").startsWith("1 session for \u201cebpf talks\u201d"), post.form().get("text"));
    assertWithinLimits(post.formJson("blocks"), 50);
  }

  @Test
  void mention_inAThread_isAnsweredInThatThread() throws Exception {
    bot.event("app_mention_in_thread.json", Map.of("text", "<@U0BOT> wasm", "ts", "1614015999.000100",
        "thread_ts", "1614010000.000001", "event_id", eventId()), Map.of());

    FakeSlack.Call post = bot.slack.take(POST);
    assertEquals("1614010000.000001", post.form().get("thread_ts"));
  }

  @Test
  void directMessage_isAnsweredInTheDm() throws Exception {
    dm("talks by Christian Posta");

    FakeSlack.Call post = bot.slack.take(POST);
    assertEquals("D0DM1", post.form().get("channel"));
    assertNull(post.form().get("thread_ts"));
    assertTrue(BlockKit.allText(post.formJson("blocks")).contains("I want to sketch a mesh for you"));
  }

  @Test
  void messagesFromBotsAndEdits_areIgnored() throws Exception {
    String ts = "1614015900.000500";
    assertEquals(200, bot.event("message_im_from_bot.json", Map.of("text", "ebpf talks", "bot_id", "B0OTHER",
        "ts", ts, "event_id", eventId()), Map.of()).statusCode());
    assertEquals(200, bot.event("message_im_own_reply.json", Map.of("text", "1 session for ebpf", "ts", ts,
        "event_id", eventId()), Map.of()).statusCode());
    assertEquals(200, bot.event("message_im_changed.json", Map.of("event_id", eventId()), Map.of()).statusCode());

    dm("barrier: grpc");

    // Answers are posted in the order events arrive, so the barrier's answer is the next post.
    FakeSlack.Call post = bot.slack.take(POST);
    assertTrue(post.form().get("text").contains("barrier: grpc"), post.form().get("text"));
  }

  @Test
  void retriedEvent_isAnsweredOnce() throws Exception {
    String id = eventId();
    Map<String, String> values = Map.of("text", "<@U0BOT> grpc", "user", "U0USER1", "ts", "1614015900.000700", "event_id", id);
    assertEquals(200, bot.event("app_mention.json", values, Map.of()).statusCode());
    assertEquals(200, bot.event("app_mention.json", values,
        Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")).statusCode());
    dm("barrier: wasm");

    assertEquals("1614015900.000700", bot.slack.take(POST).form().get("thread_ts"));
    assertTrue(bot.slack.take(POST).form().get("text").contains("barrier: wasm"), "the retry was not answered again");
  }

  @Test
  void event_isAcknowledgedBeforeTheAnswerIsPosted() throws Exception {
    CountDownLatch release = bot.slack.holdPosts();
    try {
      HttpResponse<String> ack = mention("<@U0BOT> grpc", "1614015900.000800");

      assertEquals(200, ack.statusCode());
      assertEquals("1614015900.000800", bot.slack.take(POST).form().get("thread_ts"), "posted, still waiting for Slack");
    } finally {
      release.countDown();
    }
  }

  // ---- App Home ---------------------------------------------------------------------------

  @Test
  void appHomeOpened_publishesOnNowNextPopularAndHowToAsk() throws Exception {
    bot.event("app_home_opened.json", Map.of("user", "U0USER1", "tab", "home", "event_id", eventId()), Map.of());

    FakeSlack.Call publish = bot.slack.take("/api/views.publish");
    assertEquals("U0USER1", publish.form().get("user_id"));
    JsonNode view = publish.formJson("view");
    assertEquals("home", view.path("type").asText());
    assertWithinLimits(view.path("blocks"), 100);
    String text = BlockKit.allText(view);
    for (String expected : List.of("On now", "Up next", "Most watched", "How to ask", "I want to sketch a mesh for you")) {
      assertTrue(text.contains(expected), expected + " in " + text);
    }
  }

  @Test
  void appHomeOpened_onTheMessagesTab_publishesNothing() throws Exception {
    bot.event("app_home_opened.json", Map.of("user", "U0USER1", "tab", "messages", "event_id", eventId()), Map.of());
    bot.event("app_home_opened.json", Map.of("user", "U0BARRIER", "tab", "home", "event_id", eventId()), Map.of());

    assertEquals("U0BARRIER", bot.slack.take("/api/views.publish").form().get("user_id"));
  }

  // ---- Slack's own requests and signatures ------------------------------------------------

  @Test
  void urlVerification_returnsTheChallenge() {
    HttpResponse<String> response = bot.signed(Fixtures.raw("url_verification.json"), RunningBot.JSON, Map.of());

    assertEquals(200, response.statusCode());
    assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", response.body());
  }

  @Test
  void sslCheck_isAcknowledgedWithoutASignature() {
    HttpResponse<String> response = bot.post(Fixtures.raw("ssl_check.form"), RunningBot.FORM, Map.of());

    assertEquals(200, response.statusCode());
  }

  @Test
  void badSignature_is401() {
    String body = Fixtures.form("command.form", Map.of("text", "ebpf", "response_url", bot.slack.responseUrl("x")));
    Map<String, String> headers = Map.of("X-Slack-Request-Timestamp", Long.toString(RunningBot.NOW.getEpochSecond()),
        "X-Slack-Signature", "v0=" + "0".repeat(64));

    assertEquals(401, bot.post(body, RunningBot.FORM, headers).statusCode());
  }

  @Test
  void bodyChangedAfterSigning_is401() {
    String body = Fixtures.form("command.form", Map.of("text", "ebpf", "response_url", bot.slack.responseUrl("x")));
    Map<String, String> headers = bot.signer.headers(body);

    assertEquals(401, bot.post(body.replace("ebpf", "wasm"), RunningBot.FORM, headers).statusCode());
  }

  @Test
  void staleTimestamp_is401() {
    String body = Fixtures.form("command.form", Map.of("text", "ebpf", "response_url", bot.slack.responseUrl("x")));
    Map<String, String> headers = bot.signer.headers(body, RunningBot.NOW.minus(Duration.ofMinutes(6)));

    assertEquals(401, bot.post(body, RunningBot.FORM, headers).statusCode());
  }

  @Test
  void futureTimestamp_is401() {
    String body = Fixtures.form("command.form", Map.of("text", "ebpf", "response_url", bot.slack.responseUrl("x")));
    Map<String, String> headers = bot.signer.headers(body, RunningBot.NOW.plus(Duration.ofMinutes(6)));

    assertEquals(401, bot.post(body, RunningBot.FORM, headers).statusCode());
  }

  @Test
  void missingSignature_is401AndTheEventIsNotAnswered() throws Exception {
    String body = Fixtures.json("app_mention.json", Map.of("text", "<@U0BOT> unsigned", "user", "U0USER1",
        "ts", "1614015900.000900", "event_id", eventId()));

    assertEquals(401, bot.post(body, RunningBot.JSON, Map.of()).statusCode());
    dm("barrier: envoy");
    assertTrue(bot.slack.take(POST).form().get("text").contains("barrier: envoy"));
  }

  @Test
  void signatureWithinFiveMinutes_isAccepted() {
    String body = Fixtures.form("command.form", Map.of("text", "ebpf", "response_url", bot.slack.responseUrl("x")));
    Map<String, String> headers = bot.signer.headers(body, RunningBot.NOW.minus(Duration.ofMinutes(4)));

    assertEquals(200, bot.post(body, RunningBot.FORM, headers).statusCode());
  }

  // ---- mention injection ------------------------------------------------------------------

  @Test
  void command_questionWithMentions_neverPingsAnyone() {
    JsonNode body = parse(bot.command("<!channel> <@U0VICTIM> <!subteam^S123|@admins> ebpf & <script>").body());

    assertNoMentions(body);
    assertTrue(BlockKit.allText(body).contains("&amp;"), "the question is echoed, escaped");
  }

  @Test
  void mention_withBroadcastInTheQuestion_neverPingsAnyone() throws Exception {
    mention("<@U0BOT> <!here> ebpf talks <@U0VICTIM>", "1614015900.001000");

    FakeSlack.Call post = bot.slack.take(POST);
    assertNoMentions(post.formJson("blocks"));
    assertFalse(post.form().get("text").contains("<!here>"), post.form().get("text"));
    assertFalse(post.form().get("text").contains("<@"), post.form().get("text"));
  }

  // ---- Web API failures -------------------------------------------------------------------

  @Test
  void rateLimitedPost_waitsForRetryAfterThenPosts() throws Exception {
    bot.slack.script(POST, new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
        .setBody("{\"ok\":false,\"error\":\"ratelimited\"}"));

    mention("<@U0BOT> grpc", "1614015900.001100");

    bot.slack.take(POST);
    assertEquals("1614015900.001100", bot.slack.take(POST).form().get("thread_ts"), "posted again after the wait");
    dm("barrier: vm");
    bot.slack.take(POST);
    assertEquals(List.of(Duration.ofSeconds(7)), bot.sleeper.waits());
  }

  @Test
  void failingPost_retriesWithBackoffThenGivesUpAndTheBotKeepsAnswering() throws Exception {
    bot.slack.script(POST, new MockResponse().setResponseCode(503), new MockResponse().setResponseCode(502),
        new MockResponse().setResponseCode(500), new MockResponse().setResponseCode(500),
        new MockResponse().setResponseCode(504));

    mention("<@U0BOT> grpc", "1614015900.001200");
    for (int i = 0; i < SlackPoster.ATTEMPTS; i++) {
      assertEquals("1614015900.001200", bot.slack.take(POST).form().get("thread_ts"));
    }
    dm("barrier: wasm");

    assertTrue(bot.slack.take(POST).form().get("text").contains("barrier: wasm"), "the handler survived");
    assertEquals(SlackPoster.BACKOFF, bot.sleeper.waits());
  }

  // ---- health -----------------------------------------------------------------------------

  @Test
  void healthAndReadiness_areServedOnTheSamePort() {
    assertEquals(200, bot.get("/healthz").statusCode());
    HttpResponse<String> ready = bot.get("/readyz");
    assertEquals(200, ready.statusCode());
    assertTrue(ready.body().contains("67 sessions"), ready.body());
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static HttpResponse<String> mention(String text, String ts) {
    return bot.event("app_mention.json", Map.of("text", text, "user", "U0USER1", "ts", ts, "event_id", eventId()), Map.of());
  }

  private static void dm(String text) {
    assertEquals(200, bot.event("message_im.json", Map.of("text", text, "ts", "1614015901.000100", "event_id", eventId()),
        Map.of()).statusCode());
  }

  private static String eventId() {
    return "Ev0HTTP" + EVENTS.incrementAndGet();
  }

  private static Answer engineAnswer(String question) {
    LiveCatalog live = new LiveCatalog(Path.of("catalog"), new CatalogReader(), bot.clock, new FakeTicker(), Runnable::run,
        Duration.ofSeconds(1), new LiveCatalog.Events() {});
    return new QueryEngine().answer(live.current().index(), question, RunningBot.NOW);
  }

  private static List<String> cards(JsonNode blocks) {
    return buttons(blocks).stream().map(b -> b.path("url").asText()).filter(u -> !u.isEmpty()).toList();
  }
}
