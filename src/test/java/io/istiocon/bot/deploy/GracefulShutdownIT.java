package io.istiocon.bot.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.ops.ChildBot;
import io.istiocon.bot.testing.FakeSlack;
import io.istiocon.bot.testing.RunningBot;
import io.istiocon.bot.web.Ports;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the built jar, started as the image starts it: the port closes at once, the
 * answer Slack is still receiving gets through, and the process exits 0.
 */
class GracefulShutdownIT {
  @TempDir
  Path dir;

  @Test
  void sigterm_whileAnAnswerIsBeingPosted_finishesItAndExitsZero() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      Map<String, String> env = new HashMap<>(RunningBot.env(slack, Path.of("catalog")));
      env.putAll(DockerfileModel.read().env());
      env.put("CATALOG_DIR", "catalog");
      env.put("DATA_DIR", dir.resolve("data").toString()); // the image's volume
      env.put("PORT", "0");
      List<String> command = LocalImage.command();
      CountDownLatch release = slack.holdPosts();
      try (ChildBot bot = ChildBot.start(command, env, dir.resolve("stderr.log"))) {
        assertEquals(200, bot.event("app_mention.json", Map.of("text", "<@U0BOT> ebpf", "user", "U0USER1",
            "ts", "1614015900.000100", "event_id", "Ev0SIGTERM1")).statusCode());
        FakeSlack.Call post = slack.take("/api/chat.postMessage"); // Slack is holding the answer

        bot.terminate();
        Ports.awaitRefused(bot.port());
        assertFalse(bot.exited(), "still running: the answer is not through yet");
        release.countDown();

        assertEquals(0, bot.awaitExit());
        assertEquals("1614015900.000100", post.form().get("thread_ts"));
        List<String> log = bot.stderr();
        assertTrue(log.stream().anyMatch(l -> l.contains("SlackApp - app_mention answered kind=app_mention outcome=answered")),
            String.join("\n", log));
        assertTrue(log.get(log.size() - 1).endsWith("Server - stopped after finishing all work"), String.join("\n", log));
      } finally {
        release.countDown();
      }
    }
  }
}
