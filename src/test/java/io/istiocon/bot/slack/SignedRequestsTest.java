package io.istiocon.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.app_backend.SlackSignature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our signature matches Slack's scheme as Bolt computes it, for any body. */
class SignedRequestsTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

  @Test
  void sign_matchesBoltsGeneratorForRandomBodies() {
    SignedRequests ours = new SignedRequests(SECRET, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    SlackSignature.Generator bolt = new SlackSignature.Generator(SECRET);
    Random random = new Random(4021);
    for (int i = 0; i < 500; i++) {
      StringBuilder body = new StringBuilder();
      int length = random.nextInt(600);
      for (int j = 0; j < length; j++) {
        body.append((char) (random.nextInt(8) == 0 ? 0x4e00 + random.nextInt(500) : 0x20 + random.nextInt(95)));
      }
      String timestamp = Long.toString(1_614_000_000L + random.nextInt(1_000_000));

      String signature = ours.sign(timestamp, body.toString());

      assertEquals(bolt.generate(timestamp, body.toString()), signature);
      assertTrue(signature.matches("v0=[0-9a-f]{64}"), signature);
    }
  }

  @Test
  void sign_theSameSecretOnManyThreads_givesTheSameSignature() throws Exception {
    SignedRequests ours = new SignedRequests(SECRET, Clock.systemUTC());
    String expected = ours.sign("1614015900", "command=%2Fistiocon&text=ebpf");
    String[] seen = new String[4];
    Thread[] threads = new Thread[seen.length];
    for (int t = 0; t < threads.length; t++) {
      int slot = t;
      threads[t] = new Thread(() -> seen[slot] = ours.sign("1614015900", "command=%2Fistiocon&text=ebpf"));
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    for (String s : seen) {
      assertEquals(expected, s);
    }
  }
}
