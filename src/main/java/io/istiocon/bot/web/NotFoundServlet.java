package io.istiocon.bot.web;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Answers 404 to every method on every path nothing else serves (Jetty's fallback answers 405 to a POST). */
final class NotFoundServlet extends HttpServlet {
  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
    resp.setContentType("text/plain; charset=utf-8");
    resp.getWriter().write("not found\n");
  }
}
