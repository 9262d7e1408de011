package io.istiocon.bot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The series the bot exposes, read back from the Prometheus text it scrapes to. */
class MetricsTest {
  private final Metrics metrics = Metrics.create();

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void request_countsByKindAndOutcome() {
    metrics.request(Metrics.Kind.SLASH_COMMAND, Metrics.Outcome.ANSWERED);
    metrics.request(Metrics.Kind.SLASH_COMMAND, Metrics.Outcome.ANSWERED);
    metrics.request(Metrics.Kind.APP_MENTION, Metrics.Outcome.DUPLICATE);

    Scrape s = scrape();
    assertEquals(2.0, s.value("istiocon_requests_total{kind=\"slash_command\",outcome=\"answered\"}"));
    assertEquals(1.0, s.value("istiocon_requests_total{kind=\"app_mention\",outcome=\"duplicate\"}"));
    assertNull(s.value("istiocon_requests_total{kind=\"app_mention\",outcome=\"answered\"}"), "no series before it happens");
  }

  @Test
  void answered_fillsTheLatencyHistogramBuckets() {
    metrics.answered(Metrics.Kind.SLASH_COMMAND, Duration.ofMillis(30));
    metrics.answered(Metrics.Kind.SLASH_COMMAND, Duration.ofSeconds(3));

    Scrape s = scrape();
    assertEquals(0.0, s.value("istiocon_answer_seconds_bucket{kind=\"slash_command\",le=\"0.025\"}"));
    assertEquals(1.0, s.value("istiocon_answer_seconds_bucket{kind=\"slash_command\",le=\"0.05\"}"));
    assertEquals(1.0, s.value("istiocon_answer_seconds_bucket{kind=\"slash_command\",le=\"2.5\"}"));
    assertEquals(2.0, s.value("istiocon_answer_seconds_bucket{kind=\"slash_command\",le=\"+Inf\"}"));
    assertEquals(2.0, s.value("istiocon_answer_seconds_count{kind=\"slash_command\"}"));
    assertEquals(3.03, s.value("istiocon_answer_seconds_sum{kind=\"slash_command\"}"), 1e-9);
  }

  @Test
  void catalogLoadedAndRejected_setTheGaugesAndCountReloads() {
    assertEquals(0.0, scrape().value("istiocon_catalog_reloads_total{result=\"failure\"}"), "known from the start");

    metrics.catalogLoaded(1, 1, 67, 0);
    metrics.catalogRejected();
    metrics.catalogLoaded(2, 2, 70, 1);

    Scrape s = scrape();
    assertEquals(2.0, s.value("istiocon_catalog_version"));
    assertEquals(2.0, s.value("istiocon_catalog_conferences"));
    assertEquals(70.0, s.value("istiocon_catalog_sessions"));
    assertEquals(1.0, s.value("istiocon_catalog_problems"));
    assertEquals(2.0, s.value("istiocon_catalog_reloads_total{result=\"success\"}"));
    assertEquals(1.0, s.value("istiocon_catalog_reloads_total{result=\"failure\"}"));
  }

  @Test
  void slackCall_countsAttemptsAndErrorsByMethod() {
    metrics.slackCall("chat.postMessage", "server_error");
    metrics.slackCall("chat.postMessage", null);
    metrics.slackCall("views.publish", null);

    Scrape s = scrape();
    assertEquals(2.0, s.value("istiocon_slack_api_calls_total{method=\"chat.postMessage\"}"));
    assertEquals(1.0, s.value("istiocon_slack_api_calls_total{method=\"views.publish\"}"));
    assertEquals(1.0, s.value("istiocon_slack_api_errors_total{method=\"chat.postMessage\",reason=\"server_error\"}"));
    assertNull(s.value("istiocon_slack_api_errors_total{method=\"views.publish\",reason=\"server_error\"}"));
  }

  @Test
  void cache_readsTheCountsWhenScraped() {
    AtomicLong hits = new AtomicLong();
    metrics.cache("answers", hits, AtomicLong::get, h -> 7);
    hits.set(5);

    Scrape s = scrape();
    assertEquals(5.0, s.value("istiocon_cache_requests_total{cache=\"answers\",result=\"hit\"}"));
    assertEquals(7.0, s.value("istiocon_cache_requests_total{cache=\"answers\",result=\"miss\"}"));
  }

  @Test
  void bindJvm_addsMemoryGcAndThreadSeries() {
    assertFalse(metrics.scrape().contains("jvm_memory_used_bytes"));

    metrics.bindJvm();

    String text = metrics.scrape();
    for (String series : new String[] {"jvm_memory_used_bytes{area=\"heap\"", "jvm_threads_live_threads",
        "jvm_classes_loaded_classes", "process_uptime_seconds", "jvm_gc_"}) {
      assertTrue(text.contains(series), series);
    }
  }

  private Scrape scrape() {
    return Scrape.parse(metrics.scrape());
  }
}
