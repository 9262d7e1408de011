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

  private static final class Boom extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      throw new IllegalStateException("secret internals");
    }
  }
}
