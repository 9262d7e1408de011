package io.istiocon.bot.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Serves {@code GET /metrics} in the Prometheus text format, for a scraper inside the cluster. */
public final class MetricsServlet extends HttpServlet {
  /** The content type of the Prometheus text format, version 0.0.4. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final transient Supplier<String> scrape;

  /** Creates the servlet over a source of the exposition text. */
  public MetricsServlet(Supplier<String> scrape) {
    this.scrape = scrape;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    byte[] body = scrape.get().getBytes(StandardCharsets.UTF_8);
    resp.setStatus(HttpServletResponse.SC_OK);
    resp.setContentType(CONTENT_TYPE);
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
