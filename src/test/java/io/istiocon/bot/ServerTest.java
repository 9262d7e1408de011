package io.istiocon.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.istiocon.bot.slack.Settings;
import io.istiocon.bot.slack.StartException;
import io.istiocon.bot.testing.BlockKit;
import io.istiocon.bot.testing.FakeSlack;
import io.istiocon.bot.testing.RunningBot;
import io.istiocon.bot.web.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting {@code serve}: what stops it, with which message, and what it serves when it starts. */
class ServerTest {
  @TempDir
  Path dir;

  @Test
  void start_refusedBotToken_saysSoAndNamesTheVariable() throws IOException {
    try (FakeSlack slack = new FakeSlack()) {
      slack.refuseBotToken("invalid_auth");

      StartException e = assertThrows(StartException.class, () -> RunningBot.start(slack, Path.of("catalog"), Map.of()));

      assertTrue(e.getMessage().startsWith("SLACK_BOT_TOKEN was refused by Slack (invalid_auth)"), e.getMessage());
      assertTrue(e.getMessage().endsWith(Settings.SEE), e.getMessage());
      assertFalse(e.getMessage().contains("xoxb-test-token"), "never repeats the token");
    }
  }

  @Test
  void start_refusedAppToken_saysSoAndNamesTheVariable() throws IOException {
    try (FakeSlack slack = new FakeSlack()) {
      slack.refuseAppToken("invalid_auth");

      StartException e = assertThrows(StartException.class,
          () -> RunningBot.start(slack, Path.of("catalog"), Map.of("SLACK_APP_TOKEN", "xapp-1-bad")));

      assertTrue(e.getMessage().startsWith("SLACK_APP_TOKEN was refused by Slack (invalid_auth)"), e.getMessage());
    }
  }

  @Test
  void start_unreachableWebApi_namesTheUrl() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closed + "/api/";

    StartException e = assertThrows(StartException.class,
        () -> RunningBot.start(Path.of("catalog"), Map.of("SLACK_API_URL", url)));

    assertTrue(e.getMessage().startsWith("could not reach the Slack Web API at " + url), e.getMessage());
    assertTrue(e.getMessage().contains("check SLACK_API_URL"), e.getMessage());
  }

  @Test
  void start_missingCatalogDir_namesIt() {
    StartException e = assertThrows(StartException.class, () -> RunningBot.start(dir.resolve("nope"), Map.of()));

    assertTrue(e.getMessage().startsWith("CATALOG_DIR " + dir.resolve("nope") + " does not exist"), e.getMessage());
  }

  @Test
  void start_portInUse_namesThePort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String port = Integer.toString(taken.getLocalPort());

      StartException e = assertThrows(StartException.class, () -> RunningBot.start(Path.of("catalog"), Map.of("PORT", port)));

      assertTrue(e.getMessage().startsWith("PORT " + port + ": port " + port + " on 127.0.0.1 is already in use"), e.getMessage());
    }
  }

  @Test
  void start_emptyCatalogFolder_servesButIsNotReady() throws Exception {
    try (RunningBot bot = RunningBot.start(dir, Map.of())) {
      assertEquals(200, bot.get("/healthz").statusCode());
      assertEquals(503, bot.get("/readyz").statusCode());
      JsonNode answer = BlockKit.parse(bot.command("ebpf").body());
      assertTrue(BlockKit.allText(answer).contains("No catalog is loaded yet."), answer.toString());
    }
  }

  @Test
  void events_signedBodyBoltCannotParse_is400WithoutDetails() throws Exception {
    try (RunningBot bot = RunningBot.start()) {
      HttpResponse<String> response = bot.signed("text=%ZZ%", RunningBot.FORM, Map.of());

      assertEquals(400, response.statusCode());
      assertEquals("invalid request\n", response.body());
      assertEquals(200, bot.get("/healthz").statusCode());
    }
  }

  @Test
  void shutdown_answerBeingPosted_stopsTakingRequestsAndWaitsForIt() throws Exception {
    try (RunningBot bot = RunningBot.start()) {
      CountDownLatch release = bot.slack.holdPosts();
      assertEquals(200, mention(bot, "Ev0STOP1").statusCode());
      bot.slack.take("/api/chat.postMessage"); // the answer is being posted, and Slack holds it
      int port = bot.server.port();

      CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> bot.server.shutdown(Server.DRAIN));
      Ports.awaitRefused(port);
      assertFalse(drained.isDone(), "shutdown waits for the answer being posted");
      release.countDown();

      assertTrue(drained.get(10, TimeUnit.SECONDS), "the answer finished; nothing was cut off");
    }
  }

  @Test
  void shutdown_answerOutlivesTheGrace_isCutOffAndSaysSo() throws Exception {
    try (RunningBot bot = RunningBot.start()) {
      CountDownLatch release = bot.slack.holdPosts();
      try {
        assertEquals(200, mention(bot, "Ev0STOP2").statusCode());
        bot.slack.take("/api/chat.postMessage");

        assertFalse(bot.server.shutdown(Duration.ofMillis(200)));
      } finally {
        release.countDown();
      }
    }
  }

  private static HttpResponse<String> mention(RunningBot bot, String eventId) {
    return bot.event("app_mention.json", Map.of("text", "<@U0BOT> ebpf", "user", "U0USER1", "ts", "1614015900.000100",
        "event_id", eventId), Map.of());
  }

  @Test
  void command_catalogTitleWithMentions_isEscaped() throws Exception {
    String yaml = Files.readString(Path.of("catalog/istiocon-2021.yaml"), StandardCharsets.UTF_8)
        .replace("title: \"Accelerate istio-cni with ebpf\"", "title: \"<!channel> Accelerate istio-cni with ebpf & <@U0VICTIM>\"");
    Files.writeString(dir.resolve("istiocon-2021.yaml"), yaml, StandardCharsets.UTF_8);

    try (RunningBot bot = RunningBot.start(dir, Map.of())) {
      JsonNode answer = BlockKit.parse(bot.command("ebpf").body());

      BlockKit.assertNoMentions(answer);
      assertTrue(BlockKit.allText(answer).contains("&lt;!channel&gt; Accelerate istio-cni with ebpf &amp; &lt;@U0VICTIM&gt;"),
          answer.toString());
    }
  }
}
