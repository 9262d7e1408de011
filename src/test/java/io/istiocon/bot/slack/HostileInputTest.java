package io.istiocon.bot.slack;

import static io.istiocon.bot.testing.RunningBot.FORM;
import static io.istiocon.bot.testing.RunningBot.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.testing.BlockKit;
import io.istiocon.bot.testing.Fixtures;
import io.istiocon.bot.testing.RandomCatalogs;
import io.istiocon.bot.testing.RunningBot;
import java.net.http.HttpResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input over real HTTP: every bad request gets a 4xx or a safe answer, never a 5xx or a
 * stack trace, and the server keeps serving. The counts are printed for docs/reliability.md.
 */
class HostileInputTest {
  private static final long SEED = 424242L;
  private static RunningBot bot;
  private static int tried;

  @BeforeAll
  static void start() throws Exception {
    bot = RunningBot.start();
  }

  @AfterAll
  static void stop() {
    System.out.println("[hostile input] " + tried + " bad requests tried; every one got a 4xx or a safe answer");
    bot.close();
  }

  private static String command(String text) {
    return Fixtures.form("command.form", Map.of("text", text, "response_url", bot.slack.responseUrl("hostile")));
  }

  /** Checks one response: no 5xx, no stack trace, and 200s are safe answers. */
  private static void safe(HttpResponse<String> response, String what) {
    tried++;
    int status = response.statusCode();
    assertTrue(status < 500, what + " gave " + status + ": " + response.body());
    String body = response.body();
    for (String leak : List.of("Exception", "\tat ", "at com.", "at io.", "at java.", "at org.", "Caused by")) {
      assertFalse(body.contains(leak), what + " leaked \"" + leak + "\": " + body);
    }
    if (status == 200 && body.startsWith("{") && body.contains("\"blocks\"")) {
      var json = BlockKit.parse(body);
      BlockKit.assertWithinLimits(json.path("blocks"), TalkCards.MAX_BLOCKS);
      BlockKit.assertNoMentions(json.path("blocks"));
    }
    assertEquals(200, bot.get("/healthz").statusCode(), "the server must stay up after " + what);
  }

  @Test
  void malformedBodies_getFourHundredsOrSafeAnswers() {
    List<String[]> cases = List.of(
        new String[] {"", FORM}, new String[] {"", JSON}, new String[] {"=", FORM}, new String[] {"&&&&", FORM},
        new String[] {"text=%ZZ%", FORM}, new String[] {"command=%2Fistiocon", FORM},
        new String[] {"payload=not-json", FORM}, new String[] {"payload=%7B%7D", FORM},
        new String[] {"payload=" + "%7B".repeat(2000), FORM},
        new String[] {"{", JSON}, new String[] {"[]", JSON}, new String[] {"null", JSON}, new String[] {"42", JSON},
        new String[] {"{\"type\":\"event_callback\"}", JSON},
        new String[] {"{\"type\":\"event_callback\",\"event\":{}}", JSON},
        new String[] {"{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"app_mention\"}}", JSON},
        new String[] {"{\"type\":\"event_callback\",\"event_id\":\"Ev2\",\"event\":{\"type\":\"reaction_added\"}}", JSON},
        new String[] {"{\"type\":\"unknown_envelope\"}", JSON},
        new String[] {"{\"type\":\"url_verification\"}", JSON},
        new String[] {"{\"type\":\"event_callback\",\"event\":" + "{\"a\":".repeat(500) + "1" + "}".repeat(501) + "}", JSON},
        new String[] {"\u0000\u0001\u0002", JSON}, new String[] {"\uFEFF{}", JSON},
        new String[] {"<xml/>", "application/xml"}, new String[] {"text=hi", "text/plain"});
    for (String[] c : cases) {
      safe(bot.signed(c[0], c[1], Map.of()), "signed body " + abbreviate(c[0]));
    }
  }

  @Test
  void unsignedReplayedAndForgedRequests_get401() {
    String body = command("ebpf");
    List<Map<String, String>> headers = List.of(
        Map.of(),
        Map.of("X-Slack-Request-Timestamp", Long.toString(RunningBot.NOW.getEpochSecond())),
        Map.of("X-Slack-Signature", "v0=00"),
        bot.signer.headers(body, RunningBot.NOW.minusSeconds(600)),
        bot.signer.headers(body, RunningBot.NOW.plusSeconds(600)),
        Map.of("X-Slack-Request-Timestamp", "yesterday", "X-Slack-Signature", "v0=zz"),
        Map.of("X-Slack-Request-Timestamp", Long.toString(RunningBot.NOW.getEpochSecond()),
            "X-Slack-Signature", bot.signer.headers(body + "x").get("X-Slack-Signature")));
    for (Map<String, String> h : headers) {
      HttpResponse<String> response = bot.post(body, FORM, h);
      safe(response, "forged headers " + h.keySet());
      assertEquals(401, response.statusCode(), h.toString());
    }
  }

  @Test
  void bodiesOverOneMegabyte_areRefused() {
    String huge = command("x".repeat(1_100_000));
    HttpResponse<String> signed = bot.signed(huge, FORM, Map.of());
    safe(signed, "a signed 1.1 MB body");
    assertEquals(413, signed.statusCode());
    HttpResponse<String> chunked = bot.signedChunked(huge, FORM);
    safe(chunked, "a signed 1.1 MB body in chunks, without a Content-Length");
    assertEquals(413, chunked.statusCode());
    HttpResponse<String> unsigned = bot.post("{\"a\":\"" + "y".repeat(5_000_000) + "\"}", JSON, Map.of());
    safe(unsigned, "an unsigned 5 MB body");
    assertEquals(413, unsigned.statusCode());
  }

  @Test
  void hostileQuestions_getSafeAnswers() {
    List<String> questions = new ArrayList<>(List.of(
        "<!channel> ebpf", "<!here|here>", "<@U0USER1> who?", "<#C0CHAN1|general>", "<https://evil.example|click me>",
        "*bold* _it_ ~strike~ `code` ```block```", "&amp;&lt;&gt;", "<script>alert(1)</script>", "\u202Eevil\u202C",
        "zero\u200Bwidth\u200D", "\uFEFFbom", "🙂🙂🙂 wasm 👩‍💻", "ﷺ", "e\u0301bpf", "\uD800 lone surrogate", "\u0000",
        "x".repeat(10_000), "流量管理".repeat(2000), "a\nb\r\nc\td", "%00%0a", "' OR 1=1 --", "${jndi:ldap://x/a}"));
    Random random = new Random(SEED);
    RandomCatalogs text = new RandomCatalogs(SEED);
    for (int i = 0; i < 60; i++) {
      questions.add(text.text(random.nextInt(10) == 0 ? 3000 : 200));
    }
    for (String q : questions) {
      HttpResponse<String> response = bot.signed(command(q), FORM, Map.of());
      safe(response, "question " + abbreviate(q));
      assertEquals(200, response.statusCode(), abbreviate(q));
    }
  }

  @Test
  void randomlyDamagedSignedBodies_neverBreakTheServer() {
    Random random = new Random(SEED);
    String good = command("ebpf talks");
    String event = Fixtures.json("app_mention.json", Map.of("text", "<@U0BOT> ebpf", "user", "U0USER1",
        "ts", "1614015900.000100", "event_id", "EvFuzz"));
    for (int i = 0; i < 100; i++) {
      String base = i % 2 == 0 ? good : event;
      StringBuilder damaged = new StringBuilder(base);
      for (int k = 1 + random.nextInt(5); k > 0; k--) {
        int at = random.nextInt(damaged.length());
        switch (random.nextInt(3)) {
          case 0 -> damaged.deleteCharAt(at);
          case 1 -> damaged.insert(at, (char) random.nextInt(0x3000));
          default -> damaged.setLength(at);
        }
        if (damaged.length() == 0) {
          break;
        }
      }
      safe(bot.signed(damaged.toString(), i % 2 == 0 ? FORM : JSON, Map.of()), "damaged body #" + i);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…(" + s.length() + " chars)";
  }

}
