package io.istiocon.bot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback TCP forwarder that a test can cut and restore, to play a database going down (every
 * connection dropped, new ones refused) and coming back on the same port without touching the
 * shared server.
 */
public final class TcpProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "tcp-proxy");
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;
  private int port;

  /** Starts forwarding from an ephemeral loopback port to {@code host:port}. */
  public TcpProxy(String host, int targetPort) throws IOException {
    this.target = new InetSocketAddress(host, targetPort);
    listen(0);
  }

  /** Returns the loopback port the proxy listens on, the same after a {@link #restore()}. */
  public int port() {
    return port;
  }

  /** Drops every connection and stops listening: connecting is refused until {@link #restore()}. */
  public synchronized void cut() throws IOException {
    listener.close();
    for (Socket s : open) {
      s.close();
    }
    open.clear();
  }

  /** Listens again on the same port. */
  public synchronized void restore() throws IOException {
    listen(port);
  }

  @Override
  public void close() throws IOException {
    cut();
    threads.shutdownNow();
  }

  private void listen(int onPort) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
    port = server.getLocalPort();
    listener = server;
    threads.execute(() -> accept(server));
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        synchronized (this) {
          if (server.isClosed()) { // cut() ran while this connection was being made
            closeQuietly(client);
            closeQuietly(upstream);
            return;
          }
          open.add(client);
          open.add(upstream);
        }
        threads.execute(() -> pump(client, upstream));
        threads.execute(() -> pump(upstream, client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException dropped) {
      // cut() closed the sockets, or a side hung up: close both so the other side sees it too.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException alreadyBroken) {
      // nothing left to release
    }
  }
}
