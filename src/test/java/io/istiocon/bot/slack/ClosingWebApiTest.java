package io.istiocon.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.testing.FakeSlack;
import io.istiocon.bot.testing.RunningBot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bot against a Web API that closes each connection after its response without saying so (legal
 * HTTP/1.0, as some proxies do). Before the fix, every mention after the first went unanswered:
 * "chat.postMessage failed after it may have reached Slack (unexpected end of stream); not retried".
 */
class ClosingWebApiTest {
  private static final String POST = "/api/chat.postMessage";

  @Test
  void everyMention_isAnsweredExactlyOnce() throws Exception {
    FakeSlack slack = new FakeSlack();
    slack.closeEachConnection();
    try (RunningBot bot = RunningBot.start(slack, Path.of("catalog"), Map.of())) {
      List<String> threads = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        String ts = "1614015900.00010" + i;
        bot.event("app_mention.json", Map.of("text", "<@U0BOT> grpc", "user", "U0USER1", "ts", ts,
            "event_id", "Ev0CLOSING" + i), Map.of());
        threads.add(ts);
      }

      List<String> answered = new ArrayList<>();
      for (int i = 0; i < threads.size(); i++) {
        answered.add(slack.take(POST).form().get("thread_ts"));
      }
      assertEquals(threads, answered, "each mention answered, in order");
      bot.event("app_home_opened.json", Map.of("user", "U0BARRIER", "tab", "home", "event_id", "Ev0CLOSING9"), Map.of());
      slack.take("/api/views.publish");
      assertEquals(List.of(), slack.drain(POST), "and none twice");
      String metrics = bot.get("/metrics").body();
      assertTrue(metrics.contains("istiocon_slack_api_errors_total{method=\"chat.postMessage\",reason=\"stale_connection\"}"),
          metrics);
    }
  }
}
