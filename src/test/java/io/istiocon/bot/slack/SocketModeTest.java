package io.istiocon.bot.slack;

import static io.istiocon.bot.testing.BlockKit.assertWithinLimits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.istiocon.bot.testing.BlockKit;
import io.istiocon.bot.testing.FakeSlack;
import io.istiocon.bot.testing.FakeSocketMode;
import io.istiocon.bot.testing.Fixtures;
import io.istiocon.bot.testing.RunningBot;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode against a local WebSocket server that speaks Slack's envelope protocol: the fake Web
 * API hands out its ws:// URL, it says hello, sends envelopes, and checks the acknowledgements.
 */
class SocketModeTest {
  private static FakeSlack slack;
  private static FakeSocketMode socket;
  private static RunningBot bot;

  @BeforeAll
  static void start() throws Exception {
    slack = new FakeSlack();
    socket = FakeSocketMode.begin();
    slack.socketUrl(socket.url());
    bot = RunningBot.start(slack, Path.of("catalog"), Map.of("SLACK_APP_TOKEN", "xapp-1-A0ISTIOCON-test"));
    socket.awaitConnection();
  }

  @AfterAll
  static void stop() throws Exception {
    bot.close();
    socket.stop(1000);
  }

  @Test
  void slashCommandEnvelope_isAcknowledgedByEnvelopeIdWithTheAnswer() throws Exception {
    socket.deliver(Fixtures.json("socket_slash_commands.json", Map.of("envelope_id", "env-command-1",
        "text", "ebpf talks", "response_url", slack.responseUrl("socket"))));

    JsonNode ack = socket.takeReply();
    assertEquals("env-command-1", ack.path("envelope_id").asText());
    JsonNode payload = ack.path("payload");
    assertEquals("ephemeral", payload.path("response_type").asText());
    assertWithinLimits(payload.path("blocks"), 50);
    assertTrue(BlockKit.allText(payload.path("blocks")).contains("Accelerate istio-cni with ebpf"));
  }

  @Test
  void eventsApiEnvelope_isAcknowledgedThenAnsweredInAThread() throws Exception {
    socket.deliver(Fixtures.json("socket_events_api.json", Map.of("envelope_id", "env-event-1",
        "text", "<@U0BOT> wasm", "ts", "1614015900.000100", "event_id", "Ev0SOCKET1")));

    JsonNode ack = socket.takeReply();
    assertEquals("env-event-1", ack.path("envelope_id").asText());
    assertFalse(ack.has("payload") && ack.path("payload").has("blocks"), "events are acknowledged without an answer");
    FakeSlack.Call post = slack.take("/api/chat.postMessage");
    assertEquals("1614015900.000100", post.form().get("thread_ts"));
    assertTrue(BlockKit.allText(post.formJson("blocks")).toLowerCase(java.util.Locale.ROOT).contains("wasm"));
  }

  @Test
  void connection_isOpenedWithTheAppToken() throws Exception {
    FakeSlack.Call open = slack.take("/api/apps.connections.open");

    assertEquals("Bearer xapp-1-A0ISTIOCON-test", open.headers().get("authorization"));
  }

  @Test
  void httpServer_servesHealthButNoSlackEndpoint() {
    assertEquals(200, bot.get("/healthz").statusCode());
    assertEquals(200, bot.get("/readyz").statusCode());
    assertEquals(404, bot.command("ebpf").statusCode());
  }
}
