package io.istiocon.bot.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.view.View;
import com.slack.api.util.http.SlackHttpClient;
import io.istiocon.bot.ops.Metrics;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends answers to Slack: Web API calls with the bot token, and replies through a
 * {@code response_url}. A 429 waits for {@code Retry-After} (up to {@link #MAX_RATE_LIMITED} in all);
 * a 5xx or a failure to connect retries with a short backoff ({@link #ATTEMPTS} failures at most);
 * a pooled connection the server had closed before the request went out ({@link StaleConnections})
 * is retried at once, once, on a fresh connection; a connection lost after the request went out is
 * not retried, so nothing is posted twice; every failure is logged and none is thrown, so no
 * handler dies of one. Every attempt is counted in the metrics by method, and every failed one by
 * reason.
 */
final class SlackPoster {
  private static final Logger log = LoggerFactory.getLogger(SlackPoster.class);
  /** Attempts per call that a 5xx or an unreachable Slack may fail, the first included. */
  static final int ATTEMPTS = 5;
  /**
   * Waits before each retry after a 5xx or a network failure: about 17 s in all, so an answer
   * outlives a short Slack outage (the answer queue absorbs what waits meanwhile).
   */
  static final List<Duration> BACKOFF = List.of(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(5),
      Duration.ofSeconds(10));
  /** The longest {@code Retry-After} we honour; a longer one is cut to this. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
  /**
   * The most a call waits in all on 429s before it gives up. A 429 means Slack did not take the
   * call and says when to come back, so it does not count against {@link #ATTEMPTS}; the answer
   * queue holds the answers that wait meanwhile.
   */
  static final Duration MAX_RATE_LIMITED = Duration.ofMinutes(2);

  /** One HTTP exchange with Slack, reduced to what the retry loop needs. */
  private record Outcome(boolean ok, int status, String retryAfter, String error) {}

  @FunctionalInterface
  private interface Attempt {
    Outcome run() throws IOException;
  }

  private final MethodsClient methods;
  private final SlackHttpClient http;
  private final Sleeper sleeper;
  private final Metrics metrics;

  /** Creates a poster that calls the Web API with {@code botToken}, waits with {@code sleeper} and counts in {@code metrics}. */
  SlackPoster(Slack slack, String botToken, Sleeper sleeper, Metrics metrics) {
    this.methods = slack.methods(botToken);
    this.http = slack.getHttpClient();
    this.sleeper = sleeper;
    this.metrics = metrics;
  }

  /** Posts a message with {@code chat.postMessage}; returns whether Slack took it. */
  boolean postMessage(ChatPostMessageRequest request) {
    return send("chat.postMessage", () -> api(() -> methods.chatPostMessage(request)));
  }

  /**
   * Returns the zone a user set in their Slack profile ({@code users.info}), or empty when Slack
   * does not say or cannot be reached: one attempt, since the answer can do without it.
   */
  Optional<ZoneId> userZone(String userId) {
    String what = "users.info";
    try {
      UsersInfoResponse response = methods.usersInfo(r -> r.user(userId));
      String tz = response.isOk() && response.getUser() != null ? response.getUser().getTz() : null;
      if (tz == null) {
        metrics.slackCall(what, "refused");
        log.debug("{} for {} gave no zone ({})", what, userId, response.getError());
        return Optional.empty();
      }
      metrics.slackCall(what, null);
      return Optional.of(ZoneId.of(tz));
    } catch (IOException e) {
      metrics.slackCall(what, "network");
      log.warn("{} failed: {}; answering in the conference's zone", what, e.toString());
    } catch (SlackApiException e) {
      metrics.slackCall(what, e.getResponse().code() == 429 ? "rate_limited" : e.getResponse().code() >= 500
          ? "server_error" : "refused");
      log.warn("{} failed: HTTP {}; answering in the conference's zone", what, e.getResponse().code());
    } catch (DateTimeException e) {
      metrics.slackCall(what, "unexpected");
      log.warn("{} gave a zone Java does not know ({}); answering in the conference's zone", what, e.getMessage());
    }
    return Optional.empty();
  }

  /** Publishes a user's Home tab with {@code views.publish}; returns whether Slack took it. */
  boolean publishHome(String userId, View view) {
    return send("views.publish", () -> api(() -> methods.viewsPublish(r -> r.userId(userId).view(view))));
  }

  /** Posts a reply to an interaction's {@code response_url}; returns whether Slack took it. */
  boolean respond(String responseUrl, ActionResponse response) {
    return send("response_url", () -> {
      try (okhttp3.Response r = http.postJsonBody(responseUrl, response)) {
        String body = r.body() == null ? "" : r.body().string();
        return new Outcome(r.isSuccessful(), r.code(), r.header("Retry-After"), r.isSuccessful() ? null : body);
      }
    });
  }

  @FunctionalInterface
  private interface ApiCall<T extends SlackApiTextResponse> {
    T call() throws IOException, SlackApiException;
  }

  private static <T extends SlackApiTextResponse> Outcome api(ApiCall<T> call) throws IOException {
    try {
      T response = call.call();
      return new Outcome(response.isOk(), 200, null, response.getError());
    } catch (SlackApiException e) {
      okhttp3.Response r = e.getResponse();
      return new Outcome(false, r.code(), r.header("Retry-After"), e.getError() == null ? null : e.getError().getError());
    }
  }

  private boolean send(String what, Attempt attempt) {
    int failures = 0;
    boolean staleRetried = false;
    Duration rateLimited = Duration.ZERO;
    while (true) {
      Duration wait;
      try {
        Outcome outcome = attempt.run();
        if (outcome.ok()) {
          metrics.slackCall(what, null);
          return true;
        }
        if (outcome.status() == 429) {
          // Slack did not take it and says when to come back: wait, within the budget.
          metrics.slackCall(what, "rate_limited");
          wait = retryAfter(outcome.retryAfter());
          rateLimited = rateLimited.plus(wait);
          if (rateLimited.compareTo(MAX_RATE_LIMITED) > 0) {
            log.error("{} gave up: rate limited for over {} s in all", what, MAX_RATE_LIMITED.toSeconds());
            return false;
          }
          log.warn("{} rate limited; retrying in {} ms", what, wait.toMillis());
        } else if (outcome.status() >= 500) {
          metrics.slackCall(what, "server_error");
          failures++;
          log.warn("{} failed: HTTP {}, error {} (failure {} of {})", what, outcome.status(), outcome.error(), failures,
              ATTEMPTS);
          if (failures == ATTEMPTS) {
            break;
          }
          wait = BACKOFF.get(failures - 1);
        } else {
          // Slack understood and said no (channel_not_found, expired_url, ...): trying again will not help.
          metrics.slackCall(what, "refused");
          log.warn("{} failed: HTTP {}, error {}", what, outcome.status(), outcome.error());
          return false;
        }
      } catch (IOException e) {
        if (StaleConnections.isStale(e) && !staleRetried) {
          // Nothing went out; the other idle connections to that server are likely closed too.
          staleRetried = true;
          metrics.slackCall(what, "stale_connection");
          log.info("{}: {}; retrying once on a fresh connection", what, e.getMessage());
          http.getOkHttpClient().connectionPool().evictAll();
          continue;
        }
        if (!neverSent(e)) {
          // The request may have reached Slack and been posted; a retry could post it twice.
          metrics.slackCall(what, "maybe_sent");
          log.warn("{} failed after it may have reached Slack ({}); not retried, so it is never posted twice",
              what, e.toString());
          return false;
        }
        metrics.slackCall(what, "network");
        failures++;
        log.warn("{} failed: {} (failure {} of {})", what, e.toString(), failures, ATTEMPTS);
        if (failures == ATTEMPTS) {
          break;
        }
        wait = BACKOFF.get(failures - 1);
      } catch (RuntimeException e) {
        metrics.slackCall(what, "unexpected");
        log.error("{} failed unexpectedly: {}", what, e.toString(), e);
        return false;
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        log.warn("{} abandoned: interrupted while waiting to retry", what);
        return false;
      }
    }
    log.error("{} gave up after {} failures", what, ATTEMPTS);
    return false;
  }

  /** Returns whether a failure happened before the request could leave: no connection, or a stale one found in time. */
  static boolean neverSent(IOException e) {
    if (StaleConnections.isStale(e) || e instanceof java.net.ConnectException || e instanceof java.net.UnknownHostException
        || e instanceof java.net.NoRouteToHostException) {
      return true;
    }
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
    return e instanceof java.net.SocketTimeoutException && message.contains("connect");
  }

  static Duration retryAfter(String header) {
    try {
      long seconds = Long.parseLong(header == null ? "" : header.strip());
      if (seconds >= 0) {
        Duration wait = Duration.ofSeconds(Math.max(1, seconds));
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
      }
    } catch (NumberFormatException e) {
      // Slack always sends whole seconds; anything else gets the short default below.
    }
    return Duration.ofSeconds(1);
  }
}
