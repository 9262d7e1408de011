package io.istiocon.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local stand-in for Slack's Socket Mode endpoint on 127.0.0.1: it greets each connection with
 * {@code hello}, sends the envelopes a test gives it, and records what the app sends back.
 */
public final class FakeSocketMode extends WebSocketServer {
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch connected = new CountDownLatch(1);
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private volatile WebSocket client;

  private FakeSocketMode() {
    super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    setReuseAddr(true);
  }

  /** Starts a server on a free loopback port and waits until it listens. */
  public static FakeSocketMode begin() throws InterruptedException {
    FakeSocketMode server = new FakeSocketMode();
    server.start();
    if (!server.started.await(FakeSlack.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the fake Socket Mode server did not start");
    }
    return server;
  }

  /** Returns the URL {@code apps.connections.open} hands out. */
  public String url() {
    return "ws://127.0.0.1:" + getPort() + "/link/?ticket=fake-ticket&app_id=A0ISTIOCON";
  }

  /** Waits until the app has connected. */
  public void awaitConnection() throws InterruptedException {
    if (!connected.await(FakeSlack.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the app did not connect over Socket Mode");
    }
  }

  /** Sends an envelope to the connected app. */
  public void deliver(String envelope) {
    client.send(envelope);
  }

  /** Waits for the next message from the app and parses it. */
  public JsonNode takeReply() throws InterruptedException {
    String message = received.poll(FakeSlack.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (message == null) {
      throw new AssertionError("the app sent nothing over Socket Mode within " + FakeSlack.WAIT);
    }
    return BlockKit.parse(message);
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    client = conn;
    conn.send(Fixtures.raw("socket_hello.json"));
    connected.countDown();
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    received.add(message);
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    // the app closes its connection when the test stops it
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    // a test that needs the connection fails on its own wait
  }
}
