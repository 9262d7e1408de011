package io.istiocon.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.servlet.SlackAppServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: Bolt's own servlet, with one difference. A body Bolt cannot even parse
 * (bad percent-encoding, broken JSON) makes Bolt's parser throw before any handler runs; Bolt's
 * servlet lets that escape as a 500, and here it is a 400, the sender's fault.
 */
final class EventsServlet extends SlackAppServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(EventsServlet.class);

  EventsServlet(App app) {
    super(app);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      super.doPost(req, resp); // Bolt catches what its handlers throw: what escapes comes from reading the request
    } catch (UncheckedIOException e) {
      throw e.getCause(); // a body over the limit or a lost client: the web layer's filter and Jetty answer those
    } catch (RuntimeException e) {
      log.warn("refused a malformed request to {}: {}", req.getRequestURI(), e.toString());
      if (resp.isCommitted()) {
        return;
      }
      resp.reset();
      resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      resp.setContentType("text/plain; charset=utf-8");
      resp.getOutputStream().write("invalid request\n".getBytes(StandardCharsets.UTF_8));
    }
  }
}
