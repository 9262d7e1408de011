package io.istiocon.bot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.testing.Fixtures;
import io.istiocon.bot.testing.RunningBot;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} over real HTTP after Slack traffic and a catalog reload, as Prometheus scrapes it. */
class MetricsEndpointTest {
  private static final String POST = "/api/chat.postMessage";

  @TempDir
  Path dir;

  @Test
  void metrics_afterCommandsEventsAndAReload_exposesEverySeries() throws Exception {
    Path catalog = Files.createDirectory(dir.resolve("catalog"));
    Files.copy(Path.of("catalog/istiocon-2021.yaml"), catalog.resolve("istiocon-2021.yaml"));
    Files.copy(Path.of("catalog/synonyms.yaml"), catalog.resolve("synonyms.yaml"));
    try (RunningBot bot = RunningBot.start(catalog, Map.of())) {
      assertEquals(200, bot.command("ebpf talks").statusCode());
      assertEquals(200, bot.command("help").statusCode());
      assertEquals(200, bot.command("linkerdd").statusCode());
      assertEquals(401, bot.post(Fixtures.form("command.form", Map.of("text", "x", "response_url", "http://127.0.0.1:9/")),
          RunningBot.FORM, Map.of()).statusCode());
      assertEquals(200, bot.click("link:video:e7p", "e7p", true, "link").statusCode());
      assertEquals(200, bot.signed(Fixtures.raw("url_verification.json"), RunningBot.JSON, Map.of()).statusCode());

      bot.slack.script(POST, new MockResponse().setResponseCode(500));
      assertEquals(200, mention(bot, "<@U0BOT> wasm", "Ev0METRICS1").statusCode());
      assertEquals(200, mention(bot, "<@U0BOT> wasm", "Ev0METRICS1").statusCode()); // Slack's retry
      bot.slack.take(POST); // the 500
      bot.slack.take(POST); // the retry that Slack took
      // One answering thread: once the Home tab is published, the mention before it has been counted.
      bot.event("app_home_opened.json", Map.of("user", "U0USER1", "tab", "home", "event_id", "Ev0METRICS2"), Map.of());
      bot.slack.take("/api/views.publish");

      Path staging = Files.createDirectory(dir.resolve("staging"));
      String yaml = Files.readString(catalog.resolve("istiocon-2021.yaml"), StandardCharsets.UTF_8)
          .replace("title: \"Accelerate istio-cni with ebpf\"", "title: \"Accelerate istio-cni with eBPF\"");
      replace(staging, catalog.resolve("istiocon-2021.yaml"), yaml);
      replace(staging, catalog.resolve("broken.yaml"), "conference: {id: broken}\n");
      bot.server.reloadCatalog();

      HttpResponse<String> response = bot.get("/metrics");

      assertEquals(200, response.statusCode());
      assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
      Scrape s = Scrape.parse(response.body());
      assertEquals(1.0, s.value(requests("slash_command", "answered")));
      assertEquals(1.0, s.value(requests("slash_command", "help")));
      assertEquals(1.0, s.value(requests("slash_command", "no_results")));
      assertEquals(1.0, s.value(requests("slash_command", "rejected")));
      assertEquals(1.0, s.value(requests("block_action", "ignored")));
      assertEquals(1.0, s.value(requests("url_verification", "answered")));
      assertEquals(1.0, s.value(requests("app_mention", "answered")));
      assertEquals(1.0, s.value(requests("app_mention", "duplicate")));
      assertEquals(3.0, s.value("istiocon_answer_seconds_count{kind=\"slash_command\"}"));
      assertEquals(1.0, s.value("istiocon_answer_seconds_count{kind=\"app_mention\"}"));
      assertEquals(3.0, s.value("istiocon_answer_seconds_bucket{kind=\"slash_command\",le=\"+Inf\"}"));
      assertEquals(2.0, s.value("istiocon_catalog_version"));
      assertEquals(67.0, s.value("istiocon_catalog_sessions"));
      assertEquals(2.0, s.value("istiocon_catalog_reloads_total{result=\"success\"}"));
      assertEquals(1.0, s.value("istiocon_catalog_reloads_total{result=\"failure\"}"));
      assertTrue(s.value("istiocon_catalog_problems") >= 1.0, "the broken file's problems");
      assertEquals(1.0, s.value("istiocon_slack_api_calls_total{method=\"auth.test\"}"));
      assertEquals(2.0, s.value("istiocon_slack_api_calls_total{method=\"chat.postMessage\"}"));
      assertEquals(1.0, s.value("istiocon_slack_api_errors_total{method=\"chat.postMessage\",reason=\"server_error\"}"));
      assertTrue(s.value("istiocon_cache_requests_total{cache=\"answers\",result=\"miss\"}") >= 3.0);
      assertTrue(response.body().contains("jvm_memory_used_bytes{area=\"heap\""), "JVM memory");
      assertTrue(response.body().contains("jvm_threads_live_threads "), "JVM threads");
    }
  }

  private static String requests(String kind, String outcome) {
    return "istiocon_requests_total{kind=\"" + kind + "\",outcome=\"" + outcome + "\"}";
  }

  private static HttpResponse<String> mention(RunningBot bot, String text, String eventId) {
    return bot.event("app_mention.json", Map.of("text", text, "user", "U0USER1", "ts", "1614015900.000100",
        "event_id", eventId), Map.of());
  }

  /** Replaces a catalog file in one rename, so the bot's own rescans never see half of it. */
  private static void replace(Path staging, Path target, String content) throws Exception {
    Path next = Files.writeString(staging.resolve(target.getFileName()), content, StandardCharsets.UTF_8);
    Files.move(next, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
