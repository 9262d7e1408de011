package io.istiocon.bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.istiocon.bot.testing.BlockKit;
import io.istiocon.bot.testing.FakeSlack;
import io.istiocon.bot.testing.Fixtures;
import io.istiocon.bot.testing.RunningBot;
import io.istiocon.bot.testing.SlackSigner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java ... Main serve} as an operator runs it, in a child JVM: the exit code and the one
 * message when it cannot start, and a signed command answered when it can, with no secret in the logs.
 */
class ServeCommandTest {
  private static final Pattern LISTENING = Pattern.compile("listening on http://0\\.0\\.0\\.0:(\\d+)/slack/events");

  @TempDir
  Path dir;

  @Test
  void serve_withoutBotToken_exitsWith2AndOneMessage() throws Exception {
    Result result = run(Map.of("SLACK_SIGNING_SECRET", "shh"));

    assertEquals(2, result.exit());
    assertEquals(List.of("istiocon-bot: SLACK_BOT_TOKEN is not set: set it to the app's Bot User OAuth Token (xoxb-...); "
        + "see docs/operations.md#environment-variables"), result.stderr());
  }

  @Test
  void serve_refusedBotToken_exitsWith2AndOneMessage() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      slack.refuseBotToken("invalid_auth");

      Result result = run(RunningBot.env(slack, Path.of("catalog")));

      assertEquals(2, result.exit());
      assertEquals(1, result.stderr().size(), result.stderr().toString());
      assertTrue(result.stderr().get(0).startsWith("istiocon-bot: SLACK_BOT_TOKEN was refused by Slack (invalid_auth)"));
    }
  }

  @Test
  void serve_invalidDatabaseUrl_exitsWith2NamingIt_beforeCallingSlack() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      Map<String, String> env = new HashMap<>(RunningBot.env(slack, Path.of("catalog")));
      env.put("DATABASE_URL", "mysql://bot:secret@db:3306/agenda");

      Result result = run(env);

      assertEquals(2, result.exit());
      assertEquals(List.of("istiocon-bot: DATABASE_URL must be a URI like postgresql://user:password@host:5432/db?sslmode=require,"
          + " got one starting with \"mysql://\"; unset it to keep the agenda in a SQLite file in DATA_DIR; "
          + "see docs/operations.md#storage-sqlite-or-postgresql-and-how-to-choose"), result.stderr());
      assertEquals(0, slack.requestCount());
    }
  }

  @Test
  void serve_dataDirThatCannotBeAFolder_exitsWith2NamingDataDir() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      Map<String, String> env = new HashMap<>(RunningBot.env(slack, Path.of("catalog")));
      Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
      env.put("DATA_DIR", file.resolve("data").toString());

      Result result = run(env);

      assertEquals(2, result.exit());
      assertEquals(1, result.stderr().size(), result.stderr().toString());
      assertTrue(result.stderr().get(0).startsWith("istiocon-bot: DATA_DIR: could not create the folder " + file.resolve("data")),
          result.stderr().get(0));
    }
  }

  @Test
  void serve_running_answersASignedCommandAndLogsNoSecret_withTheAgendaInDataUnderTheWorkingFolder() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      // No DATA_DIR: the default, ./data, under the folder serve runs in.
      Map<String, String> env = new HashMap<>(RunningBot.env(slack, Path.of("catalog").toAbsolutePath()));
      env.put("SLACK_BOT_TOKEN", "xoxb-very-secret-token");
      env.put("SLACK_SIGNING_SECRET", "very-secret-signing");
      Path stderr = dir.resolve("stderr.log");
      ProcessBuilder serve = serve(env, stderr).directory(dir.toFile());
      Process process = serve.start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
        assertNotNull(line, "serve exited early: " + Files.readString(stderr));
        Matcher m = LISTENING.matcher(line);
        assertTrue(m.find(), line);

        String body = Fixtures.form("command.form", Map.of("text", "ebpf talks", "response_url", slack.responseUrl("c")));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/slack/events"))
            .header("Content-Type", RunningBot.FORM).POST(HttpRequest.BodyPublishers.ofString(body));
        new SlackSigner("very-secret-signing", Clock.systemUTC()).headers(body).forEach(request::header);
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
            .send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(BlockKit.allText(BlockKit.parse(response.body())).contains("Accelerate istio-cni with ebpf"));
      } finally {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
      }
      String logs = Files.readString(stderr);
      assertTrue(logs.contains("serving HTTP mode"), logs);
      assertTrue(logs.contains("agenda in JdbcAgendaStore[SQLite file data/agenda.db]"), logs);
      assertTrue(Files.isRegularFile(dir.resolve("data").resolve("agenda.db")), "created on first start");
      assertFalse(logs.contains("very-secret"), logs);
    }
  }

  private record Result(int exit, List<String> stderr) {}

  private Result run(Map<String, String> env) throws Exception {
    Path stderr = dir.resolve("stderr-" + System.nanoTime() + ".log");
    Process process = start(env, stderr);
    process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "serve did not exit");
    return new Result(process.exitValue(), Files.readAllLines(stderr, StandardCharsets.UTF_8));
  }

  private static Process start(Map<String, String> env, Path stderr) throws IOException {
    return serve(env, stderr).start();
  }

  private static ProcessBuilder serve(Map<String, String> env, Path stderr) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "io.istiocon.bot.Main", "serve");
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectError(stderr.toFile());
    return builder;
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      return null;
    }
  }
}
