package io.istiocon.bot.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Answers a probe: 200 with "ok" or the detail when ready, 503 with the reason otherwise. */
final class HealthServlet extends HttpServlet {
  private final transient Supplier<HttpServer.Readiness> readiness;

  HealthServlet(Supplier<HttpServer.Readiness> readiness) {
    this.readiness = readiness;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    HttpServer.Readiness r = readiness.get();
    resp.setStatus(r.ready() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    resp.setContentType("text/plain; charset=utf-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.getOutputStream().write((r.detail() + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
