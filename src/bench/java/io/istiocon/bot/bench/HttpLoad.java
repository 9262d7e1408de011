package io.istiocon.bot.bench;

import io.istiocon.bot.deploy.ImageFlags;
import io.istiocon.bot.testing.SlackSigner;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the real server over loopback the way Slack does, with signed slash commands and
 * app_mention events, and reports throughput and latency. Bounded in count and time; stops by
 * itself. Modes:
 *
 * <ul>
 *   <li>{@code load}: fixed rates (50, 200, 500/s) for slash commands, mentions and /healthz, the
 *       highest slash-command rate with no errors, and closed-loop throughput against /healthz.
 *   <li>{@code reload}: 60 s at 100/s while the catalog file is replaced every second (every fifth
 *       replacement broken); checks every answer comes from one whole catalog version.
 *   <li>{@code faults}: mentions at 20/s while the fake Slack answers 429, 500, stalls 5 s and
 *       refuses connections; checks acks stay fast, posts happen at most once, the server stays up.
 *   <li>{@code closed}: only the closed-loop slash/healthz comparison (for profiling).
 * </ul>
 *
 * Run: {@code mvn -B -q -P bench test-compile exec:exec@load -Dload.args=load} (see docs/reliability.md).
 */
public final class HttpLoad {
  private static final List<String> QUESTIONS = List.of("ebpf talks", "who is giving the wasm talk?", "Intel sessions",
      "what's on now", "lightning talks on tuesday", "slides for the airbnb talk", "isito at scale", "流量管理",
      "most popular", "talks in chinese", "kubernets operator", "how do I debug istio?", "Red Hat talks", "keynotes");

  private final HttpClient client;
  private final ExecutorService clientThreads = Executors.newFixedThreadPool(16);
  private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2);
  private final AtomicLong sequence = new AtomicLong();
  private BotProcess bot;

  private HttpLoad() {
    client = HttpClient.newBuilder().executor(clientThreads).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
  }

  /** Runs one mode: load (default), reload, faults or closed. */
  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "load" : args[0];
    HttpLoad load = new HttpLoad();
    try {
      switch (mode) {
        case "load" -> load.load();
        case "reload" -> load.reload();
        case "faults" -> load.faults();
        case "closed" -> load.closedOnly();
        default -> throw new IllegalArgumentException("mode is load, reload, faults or closed, not \"" + mode + "\"");
      }
    } finally {
      load.clientThreads.shutdownNow();
      load.ticker.shutdownNow();
    }
  }

  /** Returns the JVM flags to run the bot with: -Dbot.jvm, else the Dockerfile's ENTRYPOINT flags. */
  private static List<String> jvmFlags() throws IOException {
    String flags = System.getProperty("bot.jvm", "").trim();
    return flags.isEmpty() ? ImageFlags.jvm() : List.of(flags.split("\\s+"));
  }

  // ---- modes ------------------------------------------------------------------------------

  private void load() throws Exception {
    try (FakeSlackApi slack = new FakeSlackApi()) {
      bot = BotProcess.start(BotProcess.jar(), jvmFlags(), slack.url(), Path.of("catalog").toAbsolutePath(), Map.of());
      System.out.printf(Locale.ROOT, "bot pid %d, JVM flags %s%n", bot.pid(), jvmFlags());
      int mentions = warmUp();
      // The throughput ceiling first, on an idle server (mention answers posted later would compete).
      mentions += drain(slack, mentions);
      compareClosedLoops();
      List<Result> results = new ArrayList<>();
      for (int rate : new int[] {50, 200, 500}) {
        results.add(open("slash", rate, 10));
        results.add(open("healthz", rate, 10));
        Result m = open("mention", rate, 10);
        results.add(m);
        mentions += m.sent();
        drain(slack, mentions);
      }
      results.forEach(r -> System.out.println(r.line()));
      int best = 0;
      for (int rate : new int[] {750, 1000, 1500, 2000, 3000, 4000, 6000, 8000, 10000, 12000, 15000, 20000}) {
        Result r = open("slash", rate, 5);
        System.out.println(r.line());
        if (r.errors() > 0 || r.throughput() < rate * 0.95 || r.p99() > 3000) {
          break;
        }
        best = rate;
      }
      System.out.printf(Locale.ROOT, "highest slash-command rate with no errors (of 750..20000/s tried): %d/s%n", best);
      drain(slack, mentions);
      System.out.printf(Locale.ROOT, "mentions sent: %d; answered by chat.postMessage: %d; bot RSS %.0f MiB;"
          + " exit on SIGTERM: %d%n", mentions, slack.postsByThread().size(), bot.rssMib(), bot.stop());
    }
  }

  /**
   * Waits (at most 60 s) until every mention sent so far has its answer posted, so answers still
   * being posted do not compete with the next phase; returns 0 (for chaining) and says how long.
   */
  private int drain(FakeSlackApi slack, int mentions) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(60);
    while (slack.postsByThread().size() < mentions && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(100); // a tool waiting for a child process's backlog
    }
    System.out.printf(Locale.ROOT, "  (mention answers posted: %d of %d, waited %.1f s)%n", slack.postsByThread().size(),
        mentions, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /** Rounds of the closed-loop comparison, and the seconds of each kind in a round. */
  private static final int CLOSED_ROUNDS = 5;
  private static final int CLOSED_ROUND_SECONDS = 3;

  /**
   * Slash commands and /healthz, each in a closed loop, and their throughput and server-CPU ratios.
   * The two alternate in {@link #CLOSED_ROUNDS} rounds of {@link #CLOSED_ROUND_SECONDS} s each, so a
   * change in the shared machine's speed (it drifts by a third over a minute, seen in earlier runs)
   * falls on both alike rather than on whichever ran second.
   */
  private void compareClosedLoops() throws InterruptedException {
    Tally slash = new Tally();
    Tally health = new Tally();
    List<String> rounds = new ArrayList<>();
    for (int round = 0; round < CLOSED_ROUNDS; round++) {
      double s = closed("slash", 16, CLOSED_ROUND_SECONDS, slash);
      double h = closed("healthz", 16, CLOSED_ROUND_SECONDS, health);
      rounds.add(String.format(Locale.ROOT, "%.2f", s / h));
    }
    Result slashMax = slash.result("slash (closed loop, 16 connections)");
    Result healthMax = health.result("healthz (closed loop, 16 connections)");
    System.out.println(slashMax.line());
    System.out.println(healthMax.line());
    System.out.printf(Locale.ROOT, "closed-loop throughput ratio slash/healthz: %.2f (rounds: %s); server CPU per"
        + " request healthz/slash: %.2f%n", slashMax.throughput() / healthMax.throughput(), String.join(", ", rounds),
        healthMax.serverCpuMicros() / slashMax.serverCpuMicros());
  }

  /** Only the closed-loop throughput comparison, for profiling the server. */
  private void closedOnly() throws Exception {
    try (FakeSlackApi slack = new FakeSlackApi()) {
      bot = BotProcess.start(BotProcess.jar(), jvmFlags(), slack.url(), Path.of("catalog").toAbsolutePath(), Map.of());
      drain(slack, warmUp());
      compareClosedLoops();
      System.out.printf(Locale.ROOT, "exit on SIGTERM: %d%n", bot.stop());
    }
  }

  private void reload() throws Exception {
    Path dir = Files.createTempDirectory("reload-catalog");
    String base = Files.readString(Path.of("catalog", "istiocon-2021.yaml"));
    Files.copy(Path.of("catalog", "synonyms.yaml"), dir.resolve("synonyms.yaml"));
    Path file = dir.resolve("istiocon-2021.yaml");
    Files.writeString(file, versioned(base, 0));
    try (FakeSlackApi slack = new FakeSlackApi()) {
      bot = BotProcess.start(BotProcess.jar(), jvmFlags(), slack.url(), dir, Map.of());
      AtomicInteger pushes = new AtomicInteger();
      AtomicInteger broken = new AtomicInteger();
      var pusher = ticker.scheduleAtFixedRate(() -> {
        try {
          int n = pushes.incrementAndGet();
          Path next = dir.resolve(".next.yaml");
          if (n % 5 == 0) {
            broken.incrementAndGet();
            Files.writeString(next, versioned(base, n).replace("type: keynote", "type: keynot"));
          } else {
            Files.writeString(next, versioned(base, n));
          }
          Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          System.out.println("push failed: " + e);
        }
      }, 1, 1, TimeUnit.SECONDS);
      ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();
      Result r = open("slash", 100, 60, bodies);
      pusher.cancel(false);
      Map<Integer, Integer> answersByVersion = new TreeMap<>();
      int mixed = 0;
      int brokenServed = 0;
      Pattern marker = Pattern.compile("\\[v(\\d+)\\]");
      for (String body : bodies) {
        Matcher m = marker.matcher(body);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        while (m.find()) {
          seen.add(Integer.parseInt(m.group(1)));
        }
        if (seen.size() > 1) {
          mixed++;
        }
        for (int v : seen) {
          answersByVersion.merge(v, 1, Integer::sum);
          if (v > 0 && v % 5 == 0) {
            brokenServed++;
          }
        }
      }
      System.out.println(r.line());
      System.out.printf(Locale.ROOT, "catalog pushes: %d (%d broken); answers checked: %d; answers mixing versions: %d;"
          + " answers from a broken push: %d; versions seen in answers: %d%n", pushes.get(), broken.get(), bodies.size(),
          mixed, brokenServed, answersByVersion.size());
      System.out.println("metrics: " + metricsLines("catalog", "reload"));
      System.out.printf(Locale.ROOT, "exit on SIGTERM: %d%n", bot.stop());
    }
  }

  private static String versioned(String yaml, int version) {
    return yaml.replace("    title: \"", "    title: \"[v" + version + "] ");
  }

  private void faults() throws Exception {
    try (FakeSlackApi slack = new FakeSlackApi()) {
      bot = BotProcess.start(BotProcess.jar(), jvmFlags(), slack.url(), Path.of("catalog").toAbsolutePath(), Map.of());
      int sent = warmUp();
      List<Result> results = new ArrayList<>();
      for (FakeSlackApi.Fault fault : FakeSlackApi.Fault.values()) {
        slack.fault(fault);
        Result r = open("mention", 20, 8);
        results.add(r.named("mention, Slack " + fault));
        sent += r.sent();
      }
      slack.fault(FakeSlackApi.Fault.NONE);
      slack.refuse();
      Result refused = open("mention", 20, 8).named("mention, Slack refusing connections");
      results.add(refused);
      sent += refused.sent();
      slack.listen();
      Result after = open("mention", 20, 8).named("mention, Slack back");
      results.add(after);
      sent += after.sent();
      results.forEach(r -> System.out.println(r.line()));
      // Let in-flight retries finish (bounded): each answer waits at most ~3 attempts.
      TimeUnit.SECONDS.sleep(15);
      int duplicates = 0;
      int posted = 0;
      for (var e : slack.postsByThread().entrySet()) {
        posted++;
        if (e.getValue().get() > 1) {
          duplicates++;
          System.out.println("  answered twice: thread " + e.getKey() + " (bot log: " + bot.log() + ")");
        }
      }
      System.out.printf(Locale.ROOT, "mentions sent (warm-up included): %d; answers posted: %d; threads answered twice: %d;"
          + " chat.postMessage calls: %d (failures served by the fake: %d); healthz after: %d%n", sent, posted, duplicates,
          slack.calls("chat.postMessage"), slack.failuresServed(), status("/healthz"));
      System.out.println("metrics: " + metricsLines("slack"));
      System.out.printf(Locale.ROOT, "exit on SIGTERM: %d%n", bot.stop());
    }
  }

  // ---- requests ---------------------------------------------------------------------------

  /** Warms the server's JIT; returns how many mentions it sent. */
  private int warmUp() throws Exception {
    open("slash", 200, 5);
    Result mentions = open("mention", 100, 3);
    open("healthz", 200, 3);
    return mentions.sent();
  }

  /** One request as it goes on the wire: method, path, content type and body (null for a GET). */
  private record Wire(String path, String contentType, String body, String timestamp, String signature) {}

  private Wire wire(String kind) {
    long n = sequence.incrementAndGet();
    String question = QUESTIONS.get((int) (n % QUESTIONS.size()));
    return switch (kind) {
      case "healthz" -> new Wire("/healthz", null, null, null, null);
      case "slash" -> signedWire("application/x-www-form-urlencoded", "token=x&team_id=T0001&team_domain=load"
          + "&channel_id=C0CHAN1&channel_name=general&user_id=U0USER&user_name=load&command=%2Fistiocon&text="
          + URLEncoder.encode(question, StandardCharsets.UTF_8) + "&api_app_id=A0ISTIOCON"
          + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0001%2F1%2Fload&trigger_id=" + n);
      case "mention" -> signedWire("application/json", "{\"token\":\"x\",\"team_id\":\"T0001\",\"api_app_id\":\"A0ISTIOCON\","
          + "\"event\":{\"type\":\"app_mention\",\"text\":\"<@U0BOT> " + question.replace("\"", "") + "\",\"user\":\"U0USER\","
          + "\"ts\":\"1614015900." + n + "\",\"channel\":\"C0CHAN1\",\"event_ts\":\"1614015900." + n + "\"},"
          + "\"type\":\"event_callback\",\"event_id\":\"Ev" + n + "\",\"event_time\":1614015900,"
          + "\"authorizations\":[{\"team_id\":\"T0001\",\"user_id\":\"U0BOT\",\"is_bot\":true}]}");
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static Wire signedWire(String contentType, String body) {
    String timestamp = Long.toString(System.currentTimeMillis() / 1000);
    return new Wire("/slack/events", contentType, body, timestamp, SlackSigner.sign(BotProcess.SECRET, timestamp, body));
  }

  /** The request's bytes for the lean client: HTTP/1.1, keep-alive. */
  private byte[] raw(Wire w) {
    StringBuilder head = new StringBuilder(256);
    head.append(w.body() == null ? "GET " : "POST ").append(w.path()).append(" HTTP/1.1\r\nHost: 127.0.0.1:")
        .append(bot.uri("/").getPort()).append("\r\n");
    byte[] body = w.body() == null ? new byte[0] : w.body().getBytes(StandardCharsets.UTF_8);
    if (w.body() != null) {
      head.append("Content-Type: ").append(w.contentType()).append("\r\nX-Slack-Request-Timestamp: ")
          .append(w.timestamp()).append("\r\nX-Slack-Signature: ").append(w.signature())
          .append("\r\nContent-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(h, h.length + body.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }


  private int status(String path) {
    try {
      return client.send(HttpRequest.newBuilder(bot.uri(path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  private String metricsLines(String... words) {
    try {
      String body = client.send(HttpRequest.newBuilder(bot.uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
      List<String> out = new ArrayList<>();
      for (String line : body.split("\n")) {
        for (String w : words) {
          if (!line.startsWith("#") && line.contains(w)) {
            out.add(line);
            break;
          }
        }
      }
      return out.isEmpty() ? "(no matching series)" : "\n  " + String.join("\n  ", out);
    } catch (IOException | InterruptedException e) {
      return "(unavailable: " + e + ")";
    }
  }

  // ---- runners ----------------------------------------------------------------------------

  private Result open(String kind, int rate, int seconds) throws InterruptedException {
    return open(kind, rate, seconds, null);
  }

  /** Connections the fixed-rate sender keeps open; a request waits for a free one (and that wait counts). */
  private static final int OPEN_LOOP_CONNECTIONS = 48;

  /**
   * Sends at a fixed rate regardless of answers (open loop): request i is due at start + i/rate and
   * its latency is timed from when it was due, so a slow server cannot hide its delay by slowing the
   * sender. Uses the lean keep-alive client over {@link #OPEN_LOOP_CONNECTIONS} connections (the JDK
   * client's own CPU on these two shared cores capped the rates it could send).
   */
  private Result open(String kind, int rate, int seconds, ConcurrentLinkedQueue<String> bodies) throws InterruptedException {
    int total = rate * seconds;
    long[] latencies = new long[total];
    Arrays.fill(latencies, -1);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    byte[][] requests = prepared(kind, total);
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    inParallel(OPEN_LOOP_CONNECTIONS, () -> {
      try (RawConnection.Sender sender = new RawConnection.Sender(bot.uri("/").getPort())) {
        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
          long due = start + i * interval;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait); // pacing the sender
          }
          RawConnection.Reply reply = sender.send(requests[i], bodies != null);
          if (reply != null && reply.status() == 200) {
            ok.incrementAndGet();
            if (bodies != null) {
              bodies.add(reply.body());
            }
          } else {
            errors.incrementAndGet();
          }
          latencies[i] = System.nanoTime() - due;
        }
      }
    });
    double elapsed = (System.nanoTime() - start) / 1e9;
    return Result.summarize(kind, rate, elapsed, total, ok.get(), errors.get(), latencies);
  }

  /** What closed-loop runs of one kind add up to: answers, latencies, time, and CPU of both processes. */
  private static final class Tally {
    final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    final AtomicInteger ok = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    double seconds;
    long serverUserMillis;
    long serverSystemMillis;
    long clientMillis;

    Result result(String name) {
      long[] all = latencies.stream().mapToLong(Long::longValue).toArray();
      Result r = Result.summarize(name, 0, seconds, all.length, ok.get(), errors.get(), all);
      return all.length == 0 ? r : r.withCpu((serverUserMillis + serverSystemMillis) * 1000.0 / all.length,
          serverSystemMillis * 1000.0 / all.length, clientMillis * 1000.0 / all.length);
    }
  }

  /**
   * Sends as fast as {@code workers} keep-alive connections allow (closed loop) for {@code seconds},
   * adding what it saw to {@code into}; returns the throughput of this run. It uses a lean blocking
   * socket client, not java.net.http: client and server share the machine's two cores, and the JDK
   * client spent more CPU per request than the server did, so it measured itself. It also reads the
   * server's own CPU time from /proc.
   */
  private double closed(String kind, int workers, int seconds, Tally into) throws InterruptedException {
    byte[][] requests = prepared(kind, CLOSED_LOOP_REQUESTS);
    AtomicInteger worker = new AtomicInteger();
    int answeredBefore = into.ok.get();
    long[] cpuBefore = bot.cpuMillis();
    long[] selfBefore = BotProcess.cpuMillis(ProcessHandle.current().pid());
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    inParallel(workers, () -> {
      try (RawConnection.Sender sender = new RawConnection.Sender(bot.uri("/").getPort())) {
        for (int i = worker.getAndIncrement() * (requests.length / workers); System.nanoTime() < end; i++) {
          long began = System.nanoTime();
          RawConnection.Reply reply = sender.send(requests[i % requests.length], false);
          if (reply != null && reply.status() == 200) {
            into.ok.incrementAndGet();
          } else {
            into.errors.incrementAndGet();
          }
          into.latencies.add(System.nanoTime() - began);
        }
      }
    });
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] cpuAfter = bot.cpuMillis();
    long[] selfAfter = BotProcess.cpuMillis(ProcessHandle.current().pid());
    into.seconds += elapsed;
    into.serverUserMillis += cpuAfter[0] - cpuBefore[0];
    into.serverSystemMillis += cpuAfter[1] - cpuBefore[1];
    into.clientMillis += selfAfter[0] + selfAfter[1] - selfBefore[0] - selfBefore[1];
    return (into.ok.get() - answeredBefore) / elapsed;
  }

  /** Distinct requests the closed loop cycles through (a slash command is not deduplicated, so repeats are fine). */
  private static final int CLOSED_LOOP_REQUESTS = 8_192;

  /**
   * Builds and signs {@code count} requests before the clock starts. Slack builds and signs its
   * requests on its own machines; here the sender shares the two cores with the server, so whatever it
   * spends while the clock runs is taken from the server and lands in the slash figure (building and
   * signing a slash command took the sender twice its cost for /healthz, measured). Every timestamp
   * stays well inside the five minutes the server accepts.
   */
  private byte[][] prepared(String kind, int count) {
    byte[][] requests = new byte[count][];
    for (int i = 0; i < count; i++) {
      requests[i] = raw(wire(kind));
    }
    return requests;
  }

  /** Runs {@code work} on {@code threads} threads and waits for all of them. */
  private static void inParallel(int threads, Runnable work) throws InterruptedException {
    List<Thread> started = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(work);
      t.start();
      started.add(t);
    }
    for (Thread t : started) {
      t.join();
    }
  }


}
