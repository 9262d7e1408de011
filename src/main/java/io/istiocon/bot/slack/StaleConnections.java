package io.istiocon.bot.slack;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Looks at a pooled HTTP/1.1 connection just before a request is written on it, and fails the call
 * with {@link Stale} if the server has closed it meanwhile (as an HTTP/1.0-style server or proxy does
 * after each response, without a {@code Connection: close} to say so). Nothing has been sent then,
 * so the caller may retry on a fresh connection without any risk of sending the request twice.
 * OkHttp checks this itself only for connections idle for more than 10 seconds; with its own
 * retries off, such a request would fail after it went out, and could not be retried safely.
 */
final class StaleConnections implements Interceptor {
  /** How long a pooled connection is watched for the server's close before a request goes out on it. */
  static final int WATCH_MILLIS = 1;

  /** The server had closed the pooled connection before this request was written: it was never sent. */
  static final class Stale extends IOException {
    private static final long serialVersionUID = 1L;

    Stale(String message) {
      super(message);
    }
  }

  /** Connections that have carried a request: only those can have gone stale in the pool. */
  private final Set<Connection> used = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  @Override
  public Response intercept(Chain chain) throws IOException {
    Connection connection = chain.connection();
    if (connection != null && (connection.protocol() == Protocol.HTTP_1_1 || connection.protocol() == Protocol.HTTP_1_0)
        && !used.add(connection) && closedByServer(connection.socket())) {
      connection.socket().close(); // so the pool drops it
      throw new Stale("the server had closed the pooled connection to " + connection.route().socketAddress()
          + " before the request was sent");
    }
    return chain.proceed(chain.request());
  }

  /** Returns whether a failure, or one of its causes, is a stale pooled connection found before sending. */
  static boolean isStale(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Stale) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether the server closed (or reset, or wrote unasked to) an idle connection. An idle
   * HTTP/1.1 connection has nothing to read; anything but a timeout means it cannot carry a request.
   */
  private static boolean closedByServer(Socket socket) throws IOException {
    if (socket.isClosed() || socket.isInputShutdown()) {
      return true;
    }
    int timeout = socket.getSoTimeout();
    try {
      socket.setSoTimeout(WATCH_MILLIS);
      InputStream in = socket.getInputStream();
      in.read();
      return true; // end of stream, or bytes nobody asked for (some servers send a 408 as they close)
    } catch (SocketTimeoutException idle) {
      return false;
    } catch (IOException broken) {
      return true;
    } finally {
      if (!socket.isClosed()) {
        socket.setSoTimeout(timeout);
      }
    }
  }
}
