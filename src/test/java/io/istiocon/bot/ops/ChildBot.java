package io.istiocon.bot.ops;

import io.istiocon.bot.testing.Fixtures;
import io.istiocon.bot.testing.RunningBot;
import io.istiocon.bot.testing.SlackSigner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve} in a child JVM, as an operator or a container runs it: a clean environment,
 * stderr to a file, the port read from the line serve prints. Sends signed requests to it and
 * stops it with SIGTERM.
 */
public final class ChildBot implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://0\\.0\\.0\\.0:(\\d+)/slack/events");
  private static final Duration START = Duration.ofSeconds(60);

  private final Process process;
  private final Path stderr;
  private final int port;
  private final String secret;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private ChildBot(Process process, Path stderr, int port, String secret) {
    this.process = process;
    this.stderr = stderr;
    this.port = port;
    this.secret = secret;
  }

  /** Returns {@code java -cp <the test classpath> io.istiocon.bot.Main serve}. */
  public static List<String> fromClasspath() {
    return List.of(java(), "-cp", System.getProperty("java.class.path"), "io.istiocon.bot.Main", "serve");
  }

  /** Returns the path of the java launcher running the tests. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Starts {@code command} with exactly {@code env} and waits (at most 60 s) until it listens. */
  public static ChildBot start(List<String> command, Map<String, String> env, Path stderr) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectError(stderr.toFile());
    Process process = builder.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    try {
      line = CompletableFuture.supplyAsync(() -> readLine(out)).get(START.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new AssertionError("serve did not start within " + START + ": " + Files.readString(stderr), e);
    }
    Matcher m = LISTENING.matcher(line == null ? "" : line);
    if (!m.find()) {
      process.destroyForcibly();
      throw new AssertionError("serve did not start: " + line + "\n" + Files.readString(stderr));
    }
    return new ChildBot(process, stderr, Integer.parseInt(m.group(1)), env.get("SLACK_SIGNING_SECRET"));
  }

  /** Returns the port the bot listens on. */
  public int port() {
    return port;
  }

  /** Sends {@code /istiocon text}, signed now with the bot's signing secret. */
  public HttpResponse<String> command(String text, String responseUrl) {
    return signed(Fixtures.form("command.form", Map.of("text", text, "response_url", responseUrl)), RunningBot.FORM);
  }

  /** Sends an Events API fixture, signed now. */
  public HttpResponse<String> event(String fixture, Map<String, String> values) {
    return signed(Fixtures.json(fixture, values), RunningBot.JSON);
  }

  /** Sends a body signed now with the bot's signing secret. */
  public HttpResponse<String> signed(String body, String contentType) {
    return post(body, contentType, new SlackSigner(secret, Clock.systemUTC()).headers(body));
  }

  /** Sends a body to /slack/events with exactly these headers. */
  public HttpResponse<String> post(String body, String contentType, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    new LinkedHashMap<>(headers).forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends SIGTERM. */
  public void terminate() {
    process.destroy();
  }

  /** Waits (at most 30 s) for the process to exit; returns its exit code. */
  public int awaitExit() throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("serve still runs 30 s after SIGTERM");
    }
    return process.exitValue();
  }

  /** Returns whether the process has exited. */
  public boolean exited() {
    return !process.isAlive();
  }

  /** Returns what the bot wrote to stderr so far. */
  public List<String> stderr() throws IOException {
    return new ArrayList<>(Files.readAllLines(stderr, StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      return null;
    }
  }
}
