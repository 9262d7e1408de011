package io.istiocon.bot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * The bot's Prometheus metrics: Slack requests by kind and outcome, answer latency, the catalog
 * being served and its reloads, Slack Web API calls and errors by method, agenda store errors by
 * operation, and the JVM basics.
 * Every method is cheap and thread-safe; none throws.
 */
public final class Metrics implements AutoCloseable {
  /** What Slack asked for; the {@code kind} label. */
  public enum Kind {
    SLASH_COMMAND, APP_MENTION, MESSAGE_IM, APP_HOME, BLOCK_ACTION, URL_VERIFICATION, SSL_CHECK, OTHER;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** Returns the label value, such as {@code slash_command}. */
    public String label() {
      return label;
    }
  }

  /** How a request ended; the {@code outcome} label. */
  public enum Outcome {
    /** Answered with sessions (or the event, the Home tab or a challenge was served). */
    ANSWERED,
    /** Answered, but no session matched. */
    NO_RESULTS,
    /** Answered with the help text. */
    HELP,
    /** Acknowledged and deliberately not answered (a bot's own message, an edit, a link click). */
    IGNORED,
    /** A retry of an event this replica already answered. */
    DUPLICATE,
    /** Refused: a bad or stale signature. */
    REJECTED,
    /** Failed while answering. */
    ERROR;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** Returns the label value, such as {@code no_results}. */
    public String label() {
      return label;
    }
  }

  /** Bucket bounds of the answer-latency histogram: Slack wants an acknowledgement within 3 s. */
  static final Duration[] LATENCY_BUCKETS = {
      Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

  private final PrometheusMeterRegistry registry;
  private JvmGcMetrics gc;
  private final Map<Integer, Counter> requests = new ConcurrentHashMap<>();
  private final Map<Kind, Timer> answers = new ConcurrentHashMap<>();
  private final AtomicLong catalogVersion = new AtomicLong();
  private final AtomicLong catalogSessions = new AtomicLong();
  private final AtomicLong catalogConferences = new AtomicLong();
  private final AtomicLong catalogProblems = new AtomicLong();

  private Metrics() {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gauge.builder("istiocon.catalog.version", catalogVersion, AtomicLong::get)
        .description("Version of the catalog being served; it goes up by one with each reload that changes it")
        .register(registry);
    Gauge.builder("istiocon.catalog.sessions", catalogSessions, AtomicLong::get)
        .description("Sessions in the catalog being served").register(registry);
    Gauge.builder("istiocon.catalog.conferences", catalogConferences, AtomicLong::get)
        .description("Conferences (catalog files) being served").register(registry);
    Gauge.builder("istiocon.catalog.problems", catalogProblems, AtomicLong::get)
        .description("Problems in the catalog files at the last reload; the last good version of a broken file keeps serving")
        .register(registry);
    reloads("success");
    reloads("failure");
  }

  /** Creates the bot's own metrics; {@link #bindJvm()} adds the JVM's. */
  public static Metrics create() {
    return new Metrics();
  }

  /**
   * Adds JVM memory, GC, threads, classes, CPU and uptime. A server calls it once it is serving:
   * it costs a few hundred milliseconds of start-up that /readyz need not wait for.
   */
  public synchronized void bindJvm() {
    if (gc != null) {
      return;
    }
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
  }

  /** Counts one Slack request. */
  public void request(Kind kind, Outcome outcome) {
    // Looked up once per pair: Micrometer's builder and registry lookup cost more than the count.
    requests.computeIfAbsent(kind.ordinal() * 64 + outcome.ordinal(), k -> Counter.builder("istiocon.requests")
        .description("Slack requests by kind and outcome")
        .tag("kind", kind.label()).tag("outcome", outcome.label())
        .register(registry)).increment();
  }

  /** Records how long answering took, from receiving the request to the reply being rendered or delivered. */
  public void answered(Kind kind, Duration took) {
    answers.computeIfAbsent(kind, k -> Timer.builder("istiocon.answer")
        .description("Time from receiving a question to its answer being ready (commands) or delivered (events, buttons)")
        .tag("kind", k.label())
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry))
        .record(took.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Records a new catalog version being served. */
  public void catalogLoaded(long version, int conferences, int sessions, int problems) {
    catalogVersion.set(version);
    catalogConferences.set(conferences);
    catalogSessions.set(sessions);
    catalogProblems.set(problems);
    reloads("success").increment();
  }

  /** Records a catalog or synonyms file that failed validation (its last good version keeps serving). */
  public void catalogRejected() {
    reloads("failure").increment();
  }

  /**
   * Counts one Slack Web API or {@code response_url} attempt.
   *
   * @param error {@code null} when Slack took it, else why not: {@code rate_limited}, {@code server_error},
   *     {@code refused} (Slack said no), {@code network} or {@code unexpected}
   */
  public void slackCall(String method, String error) {
    Counter.builder("istiocon.slack.api.calls")
        .description("Slack Web API and response_url attempts by method")
        .tag("method", method)
        .register(registry).increment();
    if (error != null) {
      Counter.builder("istiocon.slack.api.errors")
          .description("Failed Slack Web API and response_url attempts by method and reason")
          .tag("method", method).tag("reason", error)
          .register(registry).increment();
    }
  }

  /**
   * Counts one agenda store call that failed, or (for {@code claim}) that was skipped because the
   * store had just failed.
   *
   * @param operation {@code save}, {@code remove}, {@code list}, {@code forget}, {@code claim} or {@code prune}
   */
  public void storeError(String operation) {
    Counter.builder("istiocon.store.errors")
        .description("Agenda store calls that failed (claims also when skipped while the store was failing)")
        .tag("operation", operation)
        .register(registry).increment();
  }

  /**
   * Counts what became of one reminder: {@code scheduled}, {@code deleted}, {@code later} (beyond
   * Slack's 120 days), {@code paced}, {@code rate_limited}, {@code failed}, {@code refused_*},
   * {@code delete_*}.
   */
  public void reminder(String outcome) {
    Counter.builder("istiocon.reminders")
        .description("Reminders scheduled, deleted, held back or refused by Slack, by outcome")
        .tag("outcome", outcome)
        .register(registry).increment();
  }

  /** Counts one change notice sent: {@code moved}, {@code cancelled}, {@code changed}, or {@code announced}. */
  public void notice(String change) {
    Counter.builder("istiocon.change.notices")
        .description("Notices of changed saved talks sent to users (and summaries to the announce channel)")
        .tag("change", change)
        .register(registry).increment();
  }

  /** Exposes a cache's hit and miss counts, read when scraped. */
  public <T> void cache(String name, T cache, ToDoubleFunction<T> hits, ToDoubleFunction<T> misses) {
    FunctionCounter.builder("istiocon.cache.requests", cache, hits)
        .description("Cache lookups by cache and result").tag("cache", name).tag("result", "hit").register(registry);
    FunctionCounter.builder("istiocon.cache.requests", cache, misses)
        .description("Cache lookups by cache and result").tag("cache", name).tag("result", "miss").register(registry);
  }

  /** Returns every series in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  private Counter reloads(String result) {
    return Counter.builder("istiocon.catalog.reloads")
        .description("Catalog reloads: success when a new version is served, failure when a file is rejected")
        .tag("result", result)
        .register(registry);
  }

  @Override
  public synchronized void close() {
    if (gc != null) {
      gc.close();
    }
    registry.close();
  }
}
