package io.istiocon.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one Jetty server: health endpoints, mounted servlets and error pages, over real HTTP on 127.0.0.1. */
class HttpServerTest {
  private final AtomicReference<HttpServer.Readiness> readiness =
      new AtomicReference<>(new HttpServer.Readiness(false, "not ready: no catalog loaded"));
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void healthz_isOkWhileTheProcessIsUp() throws Exception {
    server = new HttpServer("127.0.0.1", 0, readiness::get).start();

    HttpResponse<String> response = get("/healthz");

    assertEquals(200, response.statusCode());
    assertEquals("ok\n", response.body());
  }

  @Test
  void readyz_followsTheCatalog() throws Exception {
    server = new HttpServer("127.0.0.1", 0, readiness::get).start();
    assertEquals(503, get("/readyz").statusCode());
    assertEquals("not ready: no catalog loaded\n", get("/readyz").body());

    readiness.set(new HttpServer.Readiness(true, "ready: catalog v1"));

    assertEquals(200, get("/readyz").statusCode());
    assertEquals("ready: catalog v1\n", get("/readyz").body());
  }

  @Test
  void mount_servesTheServletOnTheSamePortAndUnknownPathsAre404() throws Exception {
    server = new HttpServer("127.0.0.1", 0, readiness::get).mount("/slack/events", new Echo()).start();

    HttpResponse<String> posted = client.send(HttpRequest.newBuilder(uri("/slack/events"))
        .POST(HttpRequest.BodyPublishers.ofString("hi")).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, posted.statusCode());
    assertEquals("POST hi", posted.body());
    assertEquals(404, get("/slack/other").statusCode());
    assertEquals(404, client.send(HttpRequest.newBuilder(uri("/nothing")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void mountUnder_servesEveryPathInTheFolder_withTheRestAsPathInfo() throws Exception {
    server = new HttpServer("127.0.0.1", 0, readiness::get).mountUnder("/calendar", new PathEcho()).start();

    assertEquals("/abc.ics", get("/calendar/abc.ics").body());
    assertEquals("/a/b", get("/calendar/a/b").body());
    assertEquals(404, get("/calendars/abc.ics").statusCode());
    assertEquals(404, get("/other/calendar/abc.ics").statusCode());
  }

  @Test
  void mountUnder_isBehindTheBodyLimit() throws Exception {
    server = new HttpServer("127.0.0.1", 0, readiness::get).mountUnder("/calendar", new Echo()).start();

    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/calendar/x.ics"))
        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(BodyLimit.MAX_BODY + 1))).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(413, response.statusCode());
  }

  @Test
  void mountUnder_folderNotLikeSlashName_isRefusedNamingIt() {
    HttpServer unstarted = new HttpServer("127.0.0.1", 0, readiness::get);

    for (String bad : new String[] {"calendar", "/calendar/", "/calendar/*", ""}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> unstarted.mountUnder(bad, new Echo()));
      assertTrue(e.getMessage().endsWith("got \"" + bad + "\""), e.getMessage());
    }
  }

  @Test
  void errorPage_showsNoStackTraceOrVersion() throws Exception {
    server = new HttpServer("127.0.0.1", 0, readiness::get).mount("/boom", new Boom()).start();

    HttpResponse<String> response = get("/boom");

    assertEquals(500, response.statusCode());
    assertFalse(response.body().contains("IllegalStateException") || response.body().contains("\tat "), response.body());
    assertTrue(response.headers().firstValue("Server").isEmpty(), "no Server header");
  }

  @Test
  void start_portInUse_namesThePort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      HttpServer busy = new HttpServer("127.0.0.1", taken.getLocalPort(), readiness::get);

      IOException e = assertThrows(IOException.class, busy::start);

      assertEquals("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use", e.getMessage());
    }
  }

  @Test
  void post_bodyUpToTheLimit_isServed() throws Exception {
    server = new HttpServer("127.0.0.1", 0, readiness::get).mount("/slack/events", new Echo()).start();
    String body = "x".repeat(BodyLimit.MAX_BODY);

    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/slack/events"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("POST " + body, response.body());
  }

  @Test
  void post_declaredBodyOverTheLimit_is413() throws Exception {
    server = new HttpServer("127.0.0.1", 0, readiness::get).mount("/slack/events", new Echo()).start();

    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/slack/events"))
        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(BodyLimit.MAX_BODY + 1))).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(413, response.statusCode());
    assertEquals("request body too large\n", response.body());
  }

  @Test
  void post_chunkedBodyOverTheLimit_is413() throws Exception {
    server = new HttpServer("127.0.0.1", 0, readiness::get).mount("/slack/events", new Echo()).start();
    byte[] body = "y".repeat(3 * BodyLimit.MAX_BODY).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/slack/events"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(413, response.statusCode());
  }

  @Test
  void metrics_servesThePrometheusText() throws Exception {
    server = new HttpServer("127.0.0.1", 0, readiness::get).mount("/metrics", new MetricsServlet(() -> "up 1.0\n")).start();

    HttpResponse<String> response = get("/metrics");

    assertEquals(200, response.statusCode());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
    assertEquals("up 1.0\n", response.body());
  }

  @Test
  void stop_requestInProgress_closesThePortAndLetsItFinish() throws Exception {
    Slow slow = new Slow();
    server = new HttpServer("127.0.0.1", 0, readiness::get).mount("/slow", slow).start();
    int port = server.port();
    CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(uri("/slow")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(slow.entered.await(10, TimeUnit.SECONDS), "the request reached the servlet");

    CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> server.stop(Duration.ofSeconds(10)));
    Ports.awaitRefused(port);
    assertFalse(stopped.isDone(), "stop waits for the request in progress");
    slow.release.countDown();

    assertTrue(stopped.get(10, TimeUnit.SECONDS), "nothing was cut off");
    HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
    assertEquals("done", response.body());
  }

  @Test
  void stop_requestOutlivesTheGrace_isCutOffAndSaysSo() throws Exception {
    Slow slow = new Slow();
    server = new HttpServer("127.0.0.1", 0, readiness::get).mount("/slow", slow).start();
    client.sendAsync(HttpRequest.newBuilder(uri("/slow")).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(slow.entered.await(10, TimeUnit.SECONDS), "the request reached the servlet");
    try {
      assertFalse(server.stop(Duration.ofMillis(200)));
    } finally {
      slow.release.countDown();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static final class Echo extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.getWriter().write("POST " + new String(req.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static final class PathEcho extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.getWriter().write(String.valueOf(req.getPathInfo()));
    }
  }

  private static final class Slow extends HttpServlet {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      entered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      resp.getWriter().write("done");
    }
  }

  private static final class Boom extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      throw new IllegalStateException("secret internals");
    }
  }
}
