package io.istiocon.bot.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for Slack's Web API on loopback, for load and fault runs: answers auth.test, records
 * every chat.postMessage by thread, and can be told to fail chat.postMessage in Slack's ways.
 */
final class FakeSlackApi implements AutoCloseable {
  /** What chat.postMessage does. */
  enum Fault { NONE, RATE_LIMITED, SERVER_ERROR, STALL_5S }

  private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
  private final Map<String, AtomicInteger> postsByThread = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> callsByMethod = new ConcurrentHashMap<>();
  private final AtomicInteger failuresServed = new AtomicInteger();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final int port;
  private HttpServer server;

  FakeSlackApi() throws IOException {
    // Without TCP_NODELAY the JDK server's separate header and body writes wait out the client's
    // delayed ACK (about 40 ms a post), and the fake, not the bot, would set the pace.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = start(0);
    port = server.getAddress().getPort();
  }

  private HttpServer start(int onPort) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 512);
    s.createContext("/api/", this::handle);
    s.setExecutor(threads);
    s.start();
    return s;
  }

  /** Returns the Web API base URL, for SLACK_API_URL. */
  String url() {
    return "http://127.0.0.1:" + port + "/api/";
  }

  void fault(Fault f) {
    fault.set(f);
  }

  /** Stops listening, so connections are refused, until {@link #listen()}. */
  void refuse() {
    server.stop(0);
  }

  /** Listens again on the same port. */
  void listen() throws IOException {
    server = start(port);
  }

  Map<String, AtomicInteger> postsByThread() {
    return postsByThread;
  }

  int calls(String method) {
    AtomicInteger n = callsByMethod.get(method);
    return n == null ? 0 : n.get();
  }

  int failuresServed() {
    return failuresServed.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    callsByMethod.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    String json = "{\"ok\":true}";
    switch (method) {
      case "auth.test" -> json = "{\"ok\":true,\"url\":\"https://load.slack.com/\",\"team\":\"Load\",\"user\":\"istiocon\","
          + "\"team_id\":\"T0001\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}";
      case "chat.postMessage" -> {
        Fault f = fault.get();
        if (f == Fault.RATE_LIMITED) {
          failuresServed.incrementAndGet();
          exchange.getResponseHeaders().add("Retry-After", "1");
          reply(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
          return;
        }
        if (f == Fault.SERVER_ERROR) {
          failuresServed.incrementAndGet();
          reply(exchange, 500, "upstream error");
          return;
        }
        if (f == Fault.STALL_5S) {
          failuresServed.incrementAndGet();
          try {
            TimeUnit.SECONDS.sleep(5); // the fault being simulated is a slow Slack
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        postsByThread.computeIfAbsent(param(body, "thread_ts"), t -> new AtomicInteger()).incrementAndGet();
        json = "{\"ok\":true,\"channel\":\"C0CHAN1\",\"ts\":\"1614015900.000200\"}";
      }
      default -> { }
    }
    reply(exchange, 200, json);
  }

  private static String param(String body, String name) {
    if (body.startsWith("{")) {
      int at = body.indexOf("\"" + name + "\":\"");
      if (at < 0) {
        return "";
      }
      int from = at + name.length() + 4;
      return body.substring(from, body.indexOf('"', from));
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
