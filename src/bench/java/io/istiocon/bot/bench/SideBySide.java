package io.istiocon.bot.bench;

import io.istiocon.bot.deploy.ImageFlags;
import io.istiocon.bot.testing.SlackSigner;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The bot's slash-command throughput next to the smallest Bolt app's ({@link MinimalBoltApp}), in
 * one run on one machine: both run in their own JVM with the Dockerfile's JVM flags and the
 * Deployment's memory limit, and take turns under the same load generator (wrk, with
 * src/bench/wrk/slash.lua) sending the same signed slash command, "ebpf talks", in closed loop.
 * Rounds alternate which server goes first, so the shared machine's drift falls on both alike.
 * Each round's body is signed just before it starts (the servers refuse a timestamp older than
 * five minutes).
 *
 * <p>Run from the project root, after building the jar:
 *
 * <pre>
 * mvn -q -B package -DskipTests
 * mvn -B -q -P bench test-compile exec:exec@sidebyside [-Dsidebyside.args="rounds=5 seconds=10 connections=16"]
 * </pre>
 *
 * Arguments, each {@code name=value}: {@code rounds} (5), {@code seconds} per server and round (10),
 * {@code warmup} seconds per server before the rounds (10), {@code connections} (16) and
 * {@code memory}, the container limit to emulate with {@code -XX:MaxRAM} (256m, as
 * deploy/k8s/deployment.yaml; "none" for the whole machine), and {@code extra}, JVM flags for both
 * servers after the Dockerfile's, comma-separated (for example {@code -XX:TieredStopAtLevel=4} for
 * the C2 compiler as well). See docs/benchmarks.md.
 */
public final class SideBySide {
  /** The slash command both servers answer, as Slack sends it. */
  static final String BODY = "token=x&team_id=T0001&team_domain=load&channel_id=C0CHAN1&channel_name=general"
      + "&user_id=U0USER&user_name=load&command=%2Fistiocon&text=ebpf+talks&api_app_id=A0ISTIOCON"
      + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0001%2F1%2Fload&trigger_id=1.2.3";
  private static final Path LUA = Path.of("src", "bench", "wrk", "slash.lua");
  /** Linux's clock tick for /proc/stat (USER_HZ), in milliseconds. */
  private static final int TICK_MILLIS = 10;

  private final Map<String, String> options;
  private final SlackSigner signer = new SlackSigner(BotProcess.SECRET, Clock.systemUTC());

  private SideBySide(Map<String, String> options) {
    this.options = options;
  }

  /** Runs the comparison; arguments are {@code name=value} pairs (see the class comment). */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>(Map.of("rounds", "5", "seconds", "10", "warmup", "10",
        "connections", "16", "memory", "256m", "extra", ""));
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0 || !options.containsKey(arg.substring(0, eq))) {
        throw new IllegalArgumentException("unknown argument \"" + arg + "\"; give name=value with name one of "
            + options.keySet());
      }
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    new SideBySide(options).run();
  }

  private int number(String name) {
    try {
      return Integer.parseInt(options.get(name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not \"" + options.get(name) + "\"", e);
    }
  }

  /** One server's share of one round. */
  private record Turn(double throughput, long statusErrors, long socketErrors, double p50, double p99, double max,
      double bytesPerAnswer, double serverCpuMicros, double wrkCores, double othersCores) {
    long errors() {
      return statusErrors + socketErrors;
    }
  }

  private void run() throws Exception {
    int rounds = number("rounds");
    int seconds = number("seconds");
    int connections = number("connections");
    List<String> flags = new ArrayList<>(ImageFlags.jvm());
    if (!options.get("memory").equals("none")) {
      flags.add("-XX:MaxRAM=" + options.get("memory"));
    }
    if (!options.get("extra").isBlank()) {
      flags.addAll(List.of(options.get("extra").split(",")));
    }
    if (!Files.isRegularFile(LUA)) {
      throw new IllegalStateException("run from the project root: " + LUA + " is not here");
    }
    System.out.printf(Locale.ROOT, "side by side: %d rounds of %d s per server, wrk -t1 -c%d; JVM flags %s;"
        + " load average %s%n", rounds, seconds, connections, flags, loadAverage());
    try (FakeSlackApi slack = new FakeSlackApi();
        // LOG_FORMAT as deploy/k8s/deployment.yaml sets it: one JSON line per request.
        BotProcess bot = BotProcess.start(BotProcess.jar(), flags, slack.url(), Path.of("catalog").toAbsolutePath(),
            Map.of("LOG_FORMAT", "json"));
        BotProcess minimal = BotProcess.minimalBolt(flags, slack.url())) {
      System.out.printf(Locale.ROOT, "answer to one request: bot %s; minimal Bolt app %s%n", check(bot), check(minimal));
      int warmup = number("warmup");
      if (warmup > 0) {
        turn(bot, connections, warmup);
        turn(minimal, connections, warmup);
      }
      List<Turn> bots = new ArrayList<>();
      List<Turn> minimals = new ArrayList<>();
      System.out.println();
      System.out.println("| round | first | bot req/s | minimal req/s | bot/minimal | errors bot / minimal"
          + " | p50 bot / minimal | p99 bot / minimal | server CPU per request bot / minimal | other processes' CPU, cores, bot / minimal turn |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|");
      for (int round = 1; round <= rounds; round++) {
        boolean botFirst = round % 2 == 1;
        Turn first = turn(botFirst ? bot : minimal, connections, seconds);
        Turn second = turn(botFirst ? minimal : bot, connections, seconds);
        Turn b = botFirst ? first : second;
        Turn m = botFirst ? second : first;
        bots.add(b);
        minimals.add(m);
        System.out.printf(Locale.ROOT, "| %d | %s | %,.0f | %,.0f | %.2f | %d / %d | %.2f / %.2f ms | %.1f / %.1f ms"
            + " | %.0f / %.0f µs | %.2f / %.2f |%n", round, botFirst ? "bot" : "minimal", b.throughput, m.throughput,
            b.throughput / m.throughput, b.errors(), m.errors(), b.p50, m.p50, b.p99, m.p99, b.serverCpuMicros,
            m.serverCpuMicros, b.othersCores, m.othersCores);
      }
      double[] ratios = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        ratios[i] = bots.get(i).throughput / minimals.get(i).throughput;
      }
      System.out.printf(Locale.ROOT, "| median | | %,.0f | %,.0f | **%.2f** | %d / %d (total) | %.2f / %.2f ms"
          + " | %.1f / %.1f ms | %.0f / %.0f µs | |%n", median(bots, Turn::throughput), median(minimals, Turn::throughput),
          median(ratios), bots.stream().mapToLong(Turn::errors).sum(), minimals.stream().mapToLong(Turn::errors).sum(),
          median(bots, Turn::p50), median(minimals, Turn::p50), median(bots, Turn::p99), median(minimals, Turn::p99),
          median(bots, Turn::serverCpuMicros), median(minimals, Turn::serverCpuMicros));
      System.out.println();
      summary(bots, minimals, ratios, bot);
      Files.delete(minimal.log());
    }
  }

  private void summary(List<Turn> bots, List<Turn> minimals, double[] ratios, BotProcess bot)
      throws IOException, InterruptedException {
    double[] sorted = ratios.clone();
    Arrays.sort(sorted);
    double ratio = median(ratios);
    long errors = bots.stream().mapToLong(Turn::errors).sum();
    double worstP99 = bots.stream().mapToDouble(Turn::p99).max().orElse(0);
    System.out.printf(Locale.ROOT, "ratio bot/minimal: median %.2f, rounds %.2f-%.2f; minimal app's throughput"
        + " %,.0f-%,.0f/s over the rounds (the machine's drift); load average %s%n", ratio, sorted[0],
        sorted[sorted.length - 1], minimals.stream().mapToDouble(Turn::throughput).min().orElse(0),
        minimals.stream().mapToDouble(Turn::throughput).max().orElse(0), loadAverage());
    System.out.printf(Locale.ROOT, "bytes per answer (from wrk's byte count): bot %.0f, minimal %.0f; wrk's own CPU"
        + " (cores, median): %.2f with the bot, %.2f with the minimal app%n", median(bots, Turn::bytesPerAnswer),
        median(minimals, Turn::bytesPerAnswer), median(bots, Turn::wrkCores), median(minimals, Turn::wrkCores));
    System.out.printf(Locale.ROOT, "errors over the rounds: bot %d status >= 400 and %d socket errors, minimal app %d"
        + " and %d%n", bots.stream().mapToLong(Turn::statusErrors).sum(), bots.stream().mapToLong(Turn::socketErrors).sum(),
        minimals.stream().mapToLong(Turn::statusErrors).sum(), minimals.stream().mapToLong(Turn::socketErrors).sum());
    System.out.printf(Locale.ROOT, "targets: ratio >= 0.70: %s; zero errors (bot): %s; bot p99 <= 20 ms in every"
        + " round (worst %.1f ms): %s%n", met(ratio >= 0.70), met(errors == 0), worstP99, met(worstP99 <= 20));
    // The bot logs a line per request: about 80 MB in 15 s under this load, so its log is not kept.
    System.out.printf(Locale.ROOT, "bot: exit on SIGTERM %d, log of %,d bytes (deleted)%n", bot.stop(), Files.size(bot.log()));
    Files.delete(bot.log());
  }

  private static String met(boolean met) {
    return met ? "met" : "MISSED";
  }

  /** Sends one request with the Java client and returns what came back, so a wrong answer is seen before the load. */
  private String check(BotProcess server) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/slack/events"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(BODY));
    signer.headers(BODY).forEach(request::header);
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || !response.body().contains(MinimalBoltApp.TITLE)) {
      throw new IllegalStateException("expected 200 and the card for \"" + MinimalBoltApp.TITLE + "\" from "
          + server.uri("/slack/events") + ", got " + response.statusCode() + ": " + response.body());
    }
    return "200, " + response.body().getBytes(StandardCharsets.UTF_8).length + " bytes of JSON";
  }

  /** Runs wrk against one server for {@code seconds}, with the body signed now, and reads what it and /proc saw. */
  private Turn turn(BotProcess server, int connections, int seconds) throws IOException, InterruptedException {
    Path wrkCpu = Files.createTempFile("wrk-cpu-", ".txt");
    // GNU time reports wrk's own CPU, so that what other processes used in the round can be told apart.
    ProcessBuilder wrk = new ProcessBuilder("/usr/bin/time", "-f", "%U %S", "-o", wrkCpu.toString(), "wrk", "-t1",
        "-c" + connections, "-d" + seconds + "s", "--timeout", "2s", "-s", LUA.toString(),
        server.uri("/slack/events").toString()).redirectErrorStream(true);
    Map<String, String> headers = signer.headers(BODY);
    wrk.environment().put("SLASH_BODY", BODY);
    wrk.environment().put("SLASH_TIMESTAMP", headers.get(SlackSigner.TIMESTAMP));
    wrk.environment().put("SLASH_SIGNATURE", headers.get(SlackSigner.SIGNATURE));
    long[] serverBefore = server.cpuMillis();
    long[] machineBefore = machineTicks();
    Process process;
    try {
      process = wrk.start();
    } catch (IOException e) {
      throw new IOException("could not run wrk under /usr/bin/time (" + e.getMessage() + "); install them with"
          + " apt-get install wrk time", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    long[] machineAfter = machineTicks();
    long[] serverAfter = server.cpuMillis();
    String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("wrk exited with " + exit + " and no RESULT line:\n" + output));
    Map<String, Long> r = new HashMap<>();
    for (String pair : result.substring("RESULT ".length()).split(" ")) {
      r.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
    }
    String[] wrkSeconds = Files.readString(wrkCpu).trim().split("\\s+");
    Files.delete(wrkCpu);
    double elapsed = r.get("duration_us") / 1e6;
    long requests = r.get("requests");
    double serverMillis = serverAfter[0] + serverAfter[1] - serverBefore[0] - serverBefore[1];
    double wrkMillis = (Double.parseDouble(wrkSeconds[0]) + Double.parseDouble(wrkSeconds[1])) * 1000;
    double busyMillis = (machineAfter[0] - machineBefore[0]) * (double) TICK_MILLIS;
    double elapsedMillis = (machineAfter[1] - machineBefore[1]) / 1e6;
    return new Turn(requests / elapsed, r.get("status"), r.get("connect") + r.get("read") + r.get("write")
        + r.get("timeout"), r.get("p50_us") / 1e3, r.get("p99_us") / 1e3, r.get("max_us") / 1e3,
        requests == 0 ? 0 : r.get("bytes") / (double) requests, requests == 0 ? 0 : serverMillis * 1000 / requests,
        wrkMillis / elapsedMillis, Math.max(0, busyMillis - serverMillis - wrkMillis) / elapsedMillis);
  }

  /** Returns the CPU ticks all processes have used (user, nice, system, irq, softirq), and when it was read. */
  private static long[] machineTicks() throws IOException {
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
        + Long.parseLong(f[7]);
    return new long[] {busy, System.nanoTime()};
  }

  private static String loadAverage() throws IOException {
    String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
    return f[0] + " " + f[1] + " " + f[2];
  }

  private static double median(List<Turn> turns, ToDoubleFunction<Turn> value) {
    return median(turns.stream().mapToDouble(value).toArray());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
