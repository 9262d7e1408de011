package io.istiocon.bot.web;

import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.MultiException;

/**
 * The one HTTP server of {@code serve}: Jetty with the servlets mounted on it, {@code /healthz} and
 * {@code /readyz} always, {@code /metrics}, {@code /slack/events} and {@code /calendar/*} when mounted. Everything that
 * listens on the port is mounted here, behind {@link BodyLimit} (413 for bodies over 1 MiB).
 * {@link #stop(Duration)} stops gracefully: it closes the port at once and lets requests in
 * progress finish.
 */
public final class HttpServer implements AutoCloseable {
  /** What {@code /readyz} reports. */
  public record Readiness(boolean ready, String detail) {}

  private final String host;
  private final int port;
  private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();
  private Server jetty;
  private ServerConnector connector;

  /** Creates a server for {@code host:port} (port 0 picks a free one) with the health endpoints mounted. */
  public HttpServer(String host, int port, Supplier<Readiness> readiness) {
    this.host = host;
    this.port = port;
    servlets.put("/healthz", new HealthServlet(() -> new Readiness(true, "ok")));
    servlets.put("/readyz", new HealthServlet(readiness));
  }

  /** Mounts a servlet at an exact path; call before {@link #start()}. */
  public HttpServer mount(String path, HttpServlet servlet) {
    if (jetty != null) {
      throw new IllegalStateException("mount " + path + " before start()");
    }
    servlets.put(path, servlet);
    return this;
  }

  /**
   * Mounts a servlet at every path under a folder ({@code /calendar} serves {@code /calendar/...});
   * call before {@link #start()}. The servlet reads the rest of the path from {@code getPathInfo()}.
   */
  public HttpServer mountUnder(String folder, HttpServlet servlet) {
    if (!folder.startsWith("/") || folder.endsWith("/") || folder.contains("*")) {
      throw new IllegalArgumentException("folder must look like /calendar (a leading slash, no trailing one), got \""
          + folder + "\"");
    }
    return mount(folder + "/*", servlet);
  }

  /** Starts listening; the exception names the port when it is taken. */
  public HttpServer start() throws IOException {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    Server server = new Server();
    ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
    c.setHost(host);
    c.setPort(port);
    server.addConnector(c);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    context.addFilter(new FilterHolder(new BodyLimit()), "/*", EnumSet.of(DispatcherType.REQUEST));
    servlets.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
    context.addServlet(new ServletHolder(new NotFoundServlet()), "/");
    ErrorHandler errors = new PlainErrors(); // error pages never show an exception or a stack trace
    context.setErrorHandler(errors);
    server.setErrorHandler(errors);
    // Counts requests in progress, which is what lets a graceful stop wait for them to finish.
    StatisticsHandler inFlight = new StatisticsHandler();
    inFlight.setHandler(context);
    server.setHandler(inFlight);
    server.setStopAtShutdown(false); // serve's shutdown hook decides the order things stop in
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      if (e instanceof BindException || e.getCause() instanceof BindException) {
        throw new IOException("port " + port + " on " + host + " is already in use", e);
      }
      throw new IOException("the HTTP server did not start: " + e.getMessage(), e);
    }
    this.jetty = server;
    this.connector = c;
    return this;
  }

  /** Returns the port being listened on (the chosen one when started with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /**
   * Stops accepting connections at once, waits at most {@code grace} for requests in progress to
   * finish, then stops; returns false if some were still running and were cut off.
   */
  public boolean stop(Duration grace) {
    Server server = jetty;
    if (server == null || server.isStopped()) {
      return true;
    }
    server.setStopTimeout(Math.max(1, grace.toMillis()));
    try {
      server.stop();
      return true;
    } catch (Exception e) {
      return !timedOut(e); // Jetty reports a graceful stop that ran out of time as a TimeoutException
    }
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return true;
      }
      if (t instanceof MultiException multi && multi.getThrowables().stream().anyMatch(HttpServer::timedOut)) {
        return true;
      }
    }
    return false;
  }

  /** Stops at once, cutting off requests in progress. */
  @Override
  public void close() {
    if (jetty != null) {
      jetty.setStopTimeout(0);
      stopQuietly(jetty);
    }
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping is best effort; nothing is left to serve either way
    }
  }
}
