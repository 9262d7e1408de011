package io.istiocon.bot.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A server under test in its own JVM against a fake Slack: the real jar started as {@code serve},
 * for load and fault runs, or the minimal Bolt app the side-by-side benchmark compares it with.
 */
final class BotProcess implements AutoCloseable {
  static final String SECRET = "load-test-signing-secret";
  static final String TOKEN = "xoxb-load-test-token";

  private final Process process;
  private final int port;
  private final Path log;

  private BotProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the jar as {@code serve} with the given JVM flags and waits until /readyz says ready (at most 30 s). */
  static BotProcess start(Path jar, List<String> jvmFlags, String slackApiUrl, Path catalogDir, Map<String, String> env)
      throws IOException, InterruptedException {
    Map<String, String> all = new HashMap<>(env);
    all.put("CATALOG_DIR", catalogDir.toString());
    if (!all.containsKey("DATABASE_URL")) {
      // The agenda's SQLite file in a folder of its own, not ./data in the checkout (left in /tmp; a few KB).
      all.putIfAbsent("DATA_DIR", Files.createTempDirectory("istiocon-bench-data-").toString());
    }
    return launch("the bot", jvmFlags, List.of("-jar", jar.toString(), "serve"), slackApiUrl, all, "/readyz");
  }

  /**
   * Starts {@link MinimalBoltApp} with the given JVM flags and waits until /healthz answers (at most
   * 30 s). Its class path is this JVM's without the bot's own classes, so it runs on Bolt, Jetty and
   * logback alone, with its own logging set-up ({@code logback-minimal.xml}, src/bench/resources).
   */
  static BotProcess minimalBolt(List<String> jvmFlags, String slackApiUrl) throws IOException, InterruptedException {
    Path botClasses = Path.of("target", "classes").toAbsolutePath();
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).toAbsolutePath().equals(botClasses))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> main = List.of("-Dlogback.configurationFile=logback-minimal.xml", "-cp", classPath,
        MinimalBoltApp.class.getName());
    return launch("the minimal Bolt app", jvmFlags, main, slackApiUrl, Map.of(), "/healthz");
  }

  private static BotProcess launch(String what, List<String> jvmFlags, List<String> main, String slackApiUrl,
      Map<String, String> env, String readyPath) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(main);
    Path log = Files.createTempFile("istiocon-bench-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SLACK_BOT_TOKEN", TOKEN);
    builder.environment().put("SLACK_SIGNING_SECRET", SECRET);
    builder.environment().put("SLACK_API_URL", slackApiUrl);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().putAll(env);
    BotProcess started = new BotProcess(builder.start(), port, log);
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!started.process.isAlive()) {
        throw new IOException(what + " exited with " + started.process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(started.uri(readyPath)).timeout(Duration.ofSeconds(1))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return started;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      TimeUnit.MILLISECONDS.sleep(50); // a tool polling a child process, not a test
    }
    started.close();
    throw new IOException(what + " was not ready within 30 s:\n" + Files.readString(log));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Returns the resident set size in MiB from /proc, or -1 where there is no /proc. */
  double rssMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /**
   * Returns the CPU time the bot process has used so far, in milliseconds, user and system (kernel)
   * apart, from /proc (clock ticks of 10 ms on Linux), or zeros where there is no /proc.
   */
  long[] cpuMillis() {
    return cpuMillis(process.pid());
  }

  /** The same for any process: user and system CPU milliseconds, or zeros where there is no /proc. */
  static long[] cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which is in parentheses and may hold spaces.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(f[11]) * 10, Long.parseLong(f[12]) * 10};
    } catch (IOException | RuntimeException e) {
      return new long[2];
    }
  }

  Path log() {
    return log;
  }

  /** Sends SIGTERM and waits up to 15 s; returns the exit code, or -1 if it had to be killed. */
  int stop() throws InterruptedException {
    process.destroy();
    if (process.waitFor(15, TimeUnit.SECONDS)) {
      return process.exitValue();
    }
    process.destroyForcibly().waitFor();
    return -1;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }

  static Path jar() {
    Path jar = Path.of("target", "istiocon-bot.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("build the jar first: mvn -q -B package -DskipTests");
    }
    return jar.toAbsolutePath();
  }

}
