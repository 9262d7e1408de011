package io.istiocon.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A local stand-in for the Slack Web API and for {@code response_url}s, on MockWebServer bound to
 * 127.0.0.1. It answers like Slack (scheduled messages get ids Q1, Q2, ... in the DM channel
 * {@code D<user>}), records every call by path, and can be scripted to fail
 * (429, 5xx, a dropped connection) or to hold {@code chat.postMessage} until released.
 */
public final class FakeSlack implements AutoCloseable {
  /** How long {@link #take} waits for a call before failing the test. */
  public static final Duration WAIT = Duration.ofSeconds(10);
  public static final String BOT_USER = "U0BOT";
  public static final String TEAM = "T0001";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One recorded request. */
  public record Call(String path, String body, Map<String, String> headers) {
    /** Returns the form fields of a form-encoded body. */
    public Map<String, String> form() {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.put(key, value);
      }
      return fields;
    }

    /** Returns a form field that holds JSON, such as {@code blocks} or {@code view}. */
    public JsonNode formJson(String field) {
      String value = form().get(field);
      if (value == null) {
        throw new AssertionError(path + " has no form field " + field + ": " + body);
      }
      return parse(value);
    }

    /** Returns a JSON body. */
    public JsonNode json() {
      return parse(body);
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final Map<String, BlockingQueue<Call>> calls = new ConcurrentHashMap<>();
  private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
  private volatile String authError;
  private volatile String appTokenError;
  private volatile String socketUrl = "ws://127.0.0.1:9/";
  private volatile CountDownLatch postsHeld = new CountDownLatch(0);
  private volatile boolean closeEachConnection;
  private final Map<String, String> zones = new ConcurrentHashMap<>();
  private final AtomicInteger scheduled = new AtomicInteger();

  /** Starts the fake on a free loopback port. */
  public FakeSlack() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        return answer(request);
      }
    });
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the Web API base to put in {@code SLACK_API_URL}. */
  public String apiUrl() {
    return server.url("/api/").toString();
  }

  /** Returns a {@code response_url} recorded under {@code /respond/name}. */
  public String responseUrl(String name) {
    return server.url("/respond/" + name).toString();
  }

  /** Makes {@code auth.test} refuse the token with this error, or accept it again with {@code null}. */
  public void refuseBotToken(String error) {
    this.authError = error;
  }

  /** Makes {@code apps.connections.open} refuse the token with this error. */
  public void refuseAppToken(String error) {
    this.appTokenError = error;
  }

  /** Sets the WebSocket URL {@code apps.connections.open} hands out. */
  public void socketUrl(String url) {
    this.socketUrl = url;
  }

  /** Answers the next calls to {@code path} with these responses, in order, before answering normally. */
  public void script(String path, MockResponse... responses) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(responses));
  }

  /**
   * Makes the fake close each connection right after its response, as an HTTP/1.0 server or proxy
   * may, without a {@code Connection: close} header to say so: the client pools a connection the
   * server has already closed.
   */
  public void closeEachConnection() {
    closeEachConnection = true;
  }

  /** Makes {@code users.info} say the user is in {@code tz} (by default everyone is in the conference's zone). */
  public void userZone(String user, String tz) {
    zones.put(user, tz);
  }

  /** Holds every {@code chat.postMessage} answer until the returned latch is counted down. */
  public CountDownLatch holdPosts() {
    CountDownLatch latch = new CountDownLatch(1);
    postsHeld = latch;
    return latch;
  }

  /** Waits (at most {@link #WAIT}) for the next call to {@code path}, failing the test if none comes. */
  public Call take(String path) throws InterruptedException {
    Call call = queue(path).poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (call == null) {
      throw new AssertionError("no call to " + path + " within " + WAIT + "; calls so far: " + seen());
    }
    return call;
  }

  /** Returns the calls to {@code path} recorded and not yet taken, without waiting. */
  public List<Call> drain(String path) {
    List<Call> out = new ArrayList<>();
    queue(path).drainTo(out);
    return out;
  }

  /** Returns how many requests reached the fake in all. */
  public int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() throws IOException {
    postsHeld.countDown();
    server.shutdown();
  }

  private BlockingQueue<Call> queue(String path) {
    return calls.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
  }

  private Map<String, Integer> seen() {
    Map<String, Integer> out = new LinkedHashMap<>();
    calls.forEach((path, q) -> out.put(path, q.size()));
    return out;
  }

  private MockResponse answer(RecordedRequest request) throws InterruptedException {
    MockResponse response = respond(request);
    return closeEachConnection ? response.setSocketPolicy(SocketPolicy.DISCONNECT_AT_END) : response;
  }

  private MockResponse respond(RecordedRequest request) throws InterruptedException {
    String path = request.getPath() == null ? "" : request.getPath();
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : request.getHeaders().names()) {
      headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
    }
    Call call = new Call(path, request.getBody().readUtf8(), headers);
    queue(path).add(call);
    Deque<MockResponse> script = scripted.get(path);
    if (script != null) {
      synchronized (script) {
        MockResponse next = script.poll();
        if (next != null) {
          return next;
        }
      }
    }
    if (path.startsWith("/respond/")) {
      return new MockResponse().setBody("ok");
    }
    return switch (path) {
      case "/api/auth.test" -> authError == null
          ? ok("{\"ok\":true,\"url\":\"https://example.slack.com/\",\"team\":\"Example\",\"user\":\"istiocon\","
              + "\"team_id\":\"" + TEAM + "\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B0BOT\",\"is_enterprise_install\":false}")
          : ok("{\"ok\":false,\"error\":\"" + authError + "\"}");
      case "/api/apps.connections.open" -> appTokenError == null
          ? ok("{\"ok\":true,\"url\":\"" + socketUrl + "\"}")
          : ok("{\"ok\":false,\"error\":\"" + appTokenError + "\"}");
      case "/api/chat.postMessage" -> {
        postsHeld.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        yield ok("{\"ok\":true,\"channel\":\"C0CHAN1\",\"ts\":\"1614015900.000200\",\"message\":{\"type\":\"message\"}}");
      }
      case "/api/chat.scheduleMessage" -> {
        String user = call.form().getOrDefault("channel", "");
        yield ok("{\"ok\":true,\"channel\":\"D" + user + "\",\"scheduled_message_id\":\"Q" + scheduled.incrementAndGet()
            + "\",\"post_at\":" + call.form().getOrDefault("post_at", "0") + "}");
      }
      case "/api/chat.deleteScheduledMessage" -> ok("{\"ok\":true}");
      case "/api/views.publish" -> ok("{\"ok\":true,\"view\":{\"id\":\"V0HOME\",\"type\":\"home\"}}");
      case "/api/users.info" -> {
        String user = call.form().getOrDefault("user", "");
        yield ok("{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"tz\":\""
            + zones.getOrDefault(user, "America/Los_Angeles") + "\"}}");
      }
      default -> new MockResponse().setResponseCode(404).setBody("{\"ok\":false,\"error\":\"unknown_method\"}");
    };
  }

  private static MockResponse ok(String json) {
    return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(json);
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
