package io.istiocon.bot.web;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.TimeUnit;

/** Waits on a loopback port's state without sleeping: tries to connect until the answer changes. */
public final class Ports {
  private Ports() {}

  /** Returns once connecting to the loopback port is refused; fails the test after 10 s. */
  public static void awaitRefused(int port) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        Thread.onSpinWait();
      } catch (ConnectException refused) {
        return;
      } catch (SocketException reset) {
        // The listener closed while this connection sat in its backlog: it is closing; ask again.
        Thread.onSpinWait();
      }
    }
    throw new AssertionError("port " + port + " still accepts connections after 10 s");
  }
}
