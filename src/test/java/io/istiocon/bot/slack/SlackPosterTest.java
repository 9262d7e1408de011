package io.istiocon.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import io.istiocon.bot.ops.Metrics;
import io.istiocon.bot.testing.FakeSlack;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Web API calls and response_url replies against a local fake: retries, waits, and giving up. The
 * waits go to a mock {@link Sleeper} (ours), so nothing sleeps and each wait is checked.
 */
class SlackPosterTest {
  private static final String POST = "/api/chat.postMessage";
  private final FakeSlack fake = new FakeSlack();
  private final Sleeper sleeper = mock(Sleeper.class);
  private final Metrics metrics = Metrics.create();
  private final SlackPoster poster = new SlackPoster(slack(fake.apiUrl()), "xoxb-test", sleeper, metrics);

  @AfterEach
  void stop() throws IOException {
    fake.close();
  }

  @Test
  void postMessage_rateLimited_waitsForRetryAfterThenPosts() throws Exception {
    fake.script(POST, new MockResponse().setResponseCode(429).setHeader("Retry-After", "30"));

    assertTrue(poster.postMessage(message()));

    assertWaited(List.of(Duration.ofSeconds(30)));
    assertEquals(2, fake.drain(POST).size());
  }

  @Test
  void postMessage_rateLimitedForAnHour_waitsAtMostAMinute() {
    fake.script(POST, new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));

    assertTrue(poster.postMessage(message()));

    assertWaited(List.of(SlackPoster.MAX_RETRY_AFTER));
  }

  @Test
  void postMessage_rateLimitedTenTimesInARow_keepsWaitingAndPosts() {
    MockResponse limited = new MockResponse().setResponseCode(429).setHeader("Retry-After", "1");
    fake.script(POST, limited, limited, limited, limited, limited, limited, limited, limited, limited, limited);

    assertTrue(poster.postMessage(message()), "a 429 says Slack did not take it: it does not use up the attempts");

    assertWaited(java.util.Collections.nCopies(10, Duration.ofSeconds(1)));
    assertEquals(11, fake.drain(POST).size());
  }

  @Test
  void postMessage_rateLimitedPastTheBudget_givesUp() {
    MockResponse limited = new MockResponse().setResponseCode(429).setHeader("Retry-After", "50");
    fake.script(POST, limited, limited, limited, limited);

    assertFalse(poster.postMessage(message()));

    assertWaited(List.of(Duration.ofSeconds(50), Duration.ofSeconds(50))); // a third 50 s wait passes 2 min
    assertEquals(3, fake.drain(POST).size());
  }

  @Test
  void postMessage_rateLimitedThenServerErrors_stillGivesUpAfterFiveFailures() {
    MockResponse limited = new MockResponse().setResponseCode(429).setHeader("Retry-After", "1");
    MockResponse error = new MockResponse().setResponseCode(500);
    fake.script(POST, limited, error, limited, error, error, error, error, error);

    assertFalse(poster.postMessage(message()));

    assertEquals(7, fake.drain(POST).size(), "2 rate-limited calls and 5 failures");
  }

  @Test
  void postMessage_serverErrors_triesFiveTimesWithBackoffThenGivesUp() {
    fake.script(POST, new MockResponse().setResponseCode(500), new MockResponse().setResponseCode(502),
        new MockResponse().setResponseCode(503), new MockResponse().setResponseCode(504),
        new MockResponse().setResponseCode(500), new MockResponse().setResponseCode(500));

    assertFalse(poster.postMessage(message()));

    assertWaited(SlackPoster.BACKOFF);
    assertEquals(SlackPoster.ATTEMPTS, fake.drain(POST).size());
  }

  @Test
  void postMessage_slackSaysNo_doesNotRetry() {
    fake.script(POST, new MockResponse().setBody("{\"ok\":false,\"error\":\"channel_not_found\"}"));

    assertFalse(poster.postMessage(message()));

    then(sleeper).shouldHaveNoInteractions();
    assertEquals(1, fake.drain(POST).size());
  }

  @Test
  void postMessage_slackUnreachable_retriesThenGivesUp() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    SlackPoster unreachable = new SlackPoster(slack("http://127.0.0.1:" + closed + "/api/"), "xoxb-test", sleeper, Metrics.create());

    assertFalse(unreachable.postMessage(message()));

    assertWaited(SlackPoster.BACKOFF);
  }

  @Test
  void postMessage_connectionLostAfterTheRequestWentOut_isNotRetriedSoNeverPostedTwice() {
    fake.script(POST, new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST));

    assertFalse(poster.postMessage(message()));

    assertEquals(1, fake.drain(POST).size());
    then(sleeper).shouldHaveNoInteractions();
  }

  @Test
  void postMessage_pooledConnectionLostAfterTheRequestWentOut_isNotResentByTheHttpClient() {
    fake.script(POST, new MockResponse().setBody("{\"ok\":true}"),
        new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST));

    assertTrue(poster.postMessage(message()));
    assertFalse(poster.postMessage(message()), "the second request's connection broke after it was sent");

    assertEquals(2, fake.drain(POST).size(), "OkHttp's silent retry would have sent it a third time");
    then(sleeper).shouldHaveNoInteractions();
    assertTrue(metrics.scrape().contains(
        "istiocon_slack_api_errors_total{method=\"chat.postMessage\",reason=\"maybe_sent\"} 1.0"), metrics.scrape());
  }

  @Test
  void postMessage_serverClosesEachConnectionAfterItsResponse_everyMessageIsPostedOnce() {
    fake.closeEachConnection();
    Metrics metrics = Metrics.create();
    SlackPoster closing = new SlackPoster(slack(fake.apiUrl()), "xoxb-test", sleeper, metrics);

    for (int i = 0; i < 5; i++) {
      assertTrue(closing.postMessage(message()), "message " + i);
    }

    assertEquals(5, fake.drain(POST).size(), "each reached the server once");
    then(sleeper).shouldHaveNoInteractions();
    assertTrue(metrics.scrape().contains(
        "istiocon_slack_api_errors_total{method=\"chat.postMessage\",reason=\"stale_connection\"} 4.0"), metrics.scrape());
  }

  @Test
  void respond_serverClosesEachConnectionAfterItsResponse_everyReplyIsSentOnce() {
    fake.closeEachConnection();

    for (int i = 0; i < 3; i++) {
      assertTrue(poster.respond(fake.responseUrl("r2"), ActionResponse.builder().text("reply " + i).build()));
    }

    assertEquals(3, fake.drain("/respond/r2").size());
  }

  @Test
  void respond_sendsTheReplyAsJsonAndWaitsOutARateLimit() throws Exception {
    fake.script("/respond/r1", new MockResponse().setResponseCode(429).setHeader("Retry-After", "2"));
    ActionResponse reply = ActionResponse.builder().responseType("in_channel").replaceOriginal(false).text("hi").build();

    assertTrue(poster.respond(fake.responseUrl("r1"), reply));

    fake.take("/respond/r1");
    JsonNode body = fake.take("/respond/r1").json();
    assertEquals("in_channel", body.path("response_type").asText());
    assertFalse(body.path("replace_original").asBoolean(true));
    assertEquals("hi", body.path("text").asText());
    assertWaited(List.of(Duration.ofSeconds(2)));
  }

  @Test
  void respond_expiredUrl_doesNotRetry() {
    fake.script("/respond/old", new MockResponse().setResponseCode(404).setBody("expired_url"));

    assertFalse(poster.respond(fake.responseUrl("old"), ActionResponse.builder().text("late").build()));

    then(sleeper).shouldHaveNoInteractions();
  }

  @Test
  void retryAfter_missingOrMalformed_waitsOneSecond() {
    assertEquals(Duration.ofSeconds(1), SlackPoster.retryAfter(null));
    assertEquals(Duration.ofSeconds(1), SlackPoster.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    assertEquals(Duration.ofSeconds(1), SlackPoster.retryAfter("0"));
  }

  @Test
  void postMessage_interruptedWhileWaitingToRetry_givesUpAndKeepsTheInterrupt() throws Exception {
    fake.script(POST, new MockResponse().setResponseCode(500));
    willThrow(new InterruptedException()).given(sleeper).sleep(any());

    assertFalse(poster.postMessage(message()));

    assertTrue(Thread.interrupted(), "the interrupt is kept for whoever owns the thread");
    assertEquals(1, fake.drain(POST).size(), "no retry after the interrupt");
  }

  /** Checks that the poster waited exactly these durations, in this order. */
  private void assertWaited(List<Duration> waits) {
    ArgumentCaptor<Duration> asked = ArgumentCaptor.forClass(Duration.class);
    try {
      then(sleeper).should(times(waits.size())).sleep(asked.capture());
    } catch (InterruptedException e) {
      throw new AssertionError("a mock's sleep does not wait", e);
    }
    assertEquals(waits, asked.getAllValues());
  }

  private static ChatPostMessageRequest message() {
    return ChatPostMessageRequest.builder().channel("C0CHAN1").text("hello").build();
  }

  private static Slack slack(String apiUrl) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setStatsEnabled(false);
    config.setProxyUrl(null);
    return SlackBot.slack(config);
  }
}
