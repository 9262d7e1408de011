package io.istiocon.bot.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A keep-alive HTTP/1.1 connection for the load tool that sends prepared bytes and reads one
 * response. The JDK's {@code java.net.http} client spent more CPU per request than the server did on
 * the machine's two shared cores, so it measured itself (docs/reliability.md).
 */
final class RawConnection implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final BufferedInputStream in;

  RawConnection(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(5000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 16384);
  }

  /** A response's status, and its body when it was asked for. */
  record Reply(int status, String body) {}

  /** Sends one request and reads the whole response; keeps the body if {@code keepBody}. */
  Reply exchange(byte[] request, boolean keepBody) throws IOException {
    out.write(request);
    out.flush();
    String status = line();
    int code = Integer.parseInt(status.substring(9, 12));
    int length = -1;
    boolean chunked = false;
    for (String h = line(); !h.isEmpty(); h = line()) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
    if (chunked) {
      for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
        read(size, body);
        line();
      }
      line();
    } else if (length > 0) {
      read(length, body);
    }
    return new Reply(code, keepBody ? body.toString(StandardCharsets.UTF_8) : null);
  }

  /** Reads {@code n} bytes of body into {@code into}, or past them when it is null. */
  private void read(int n, ByteArrayOutputStream into) throws IOException {
    if (into == null) {
      in.skipNBytes(n); // throws EOFException when the body is cut short
      return;
    }
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new EOFException("response body cut short");
    }
    into.write(b);
  }

  private String line() throws IOException {
    StringBuilder b = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a socket we are done with
    }
  }

  /** One sender's connection to a server, opened again after a failure. */
  static final class Sender implements AutoCloseable {
    private final int port;
    private RawConnection connection;

    Sender(int port) {
      this.port = port;
    }

    /** Sends one request; returns the reply, or null when it failed (the connection is then dropped). */
    RawConnection.Reply send(byte[] request, boolean keepBody) {
      try {
        if (connection == null) {
          connection = new RawConnection(port);
        }
        return connection.exchange(request, keepBody);
      } catch (IOException | RuntimeException e) {
        close();
        return null;
      }
    }

    @Override
    public void close() {
      if (connection != null) {
        connection.close();
        connection = null;
      }
    }
  }
}
