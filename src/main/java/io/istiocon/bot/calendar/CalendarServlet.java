package io.istiocon.bot.calendar;

import io.istiocon.bot.agenda.CalendarLinks;
import io.istiocon.bot.agenda.CalendarStore;
import io.istiocon.bot.agenda.StoreUnavailableException;
import io.istiocon.bot.service.AgendaService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /calendar/<token>.ics}: the token's user's saved talks as an iCalendar feed
 * that calendar apps subscribe to. A malformed, unknown or revoked token gets the same plain 404
 * as a path nothing serves. The token is a secret: it is never logged.
 */
public final class CalendarServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(CalendarServlet.class);
  /** The feed is personal (private) and changes seldom; apps poll every {@link Ics#REFRESH} anyway. */
  static final String CACHE_CONTROL = "private, max-age=300";
  private static final String RETRY_AFTER_SECONDS = "30";

  private final transient Feeds feeds;

  /**
   * Creates the servlet; mount it at {@link CalendarLinks#FEED_FOLDER}{@code /*}. The agenda comes
   * from {@code agenda} (the catalog being served, store errors counted), the sequence numbers from
   * {@code versions}, {@code DTSTAMP} from {@code clock}.
   */
  public CalendarServlet(CalendarLinks links, AgendaService agenda, CalendarStore versions, Clock clock) {
    this.feeds = new Feeds(links, agenda, versions, clock);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<String> token = token(req.getPathInfo());
    if (token.isEmpty()) {
      plain(resp, HttpServletResponse.SC_NOT_FOUND, "not found");
      return;
    }
    Feeds.Answer answer;
    try {
      answer = feeds.render(token.get());
    } catch (StoreUnavailableException e) {
      log.warn("calendar feed not served: {}", e.getMessage());
      unavailable(resp, "the agenda store is unavailable");
      return;
    }
    switch (answer.status()) {
      case UNKNOWN -> plain(resp, HttpServletResponse.SC_NOT_FOUND, "not found");
      case NO_CATALOG -> unavailable(resp, "no catalog loaded yet");
      case FOUND -> send(req, resp, answer.feed());
      default -> throw new IllegalStateException("unexpected " + answer.status());
    }
  }

  private static void send(HttpServletRequest req, HttpServletResponse resp, Feeds.Feed feed) throws IOException {
    resp.setHeader("Cache-Control", CACHE_CONTROL);
    resp.setHeader("ETag", feed.etag());
    if (matches(req.getHeader("If-None-Match"), feed.etag())) {
      resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    byte[] body = feed.text().getBytes(StandardCharsets.UTF_8);
    resp.setStatus(HttpServletResponse.SC_OK);
    resp.setContentType("text/calendar; charset=utf-8");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  /** Returns the token of a path info {@code /<token>.ics}; empty for any other shape. */
  static Optional<String> token(String pathInfo) {
    if (pathInfo == null || !pathInfo.startsWith("/") || !pathInfo.endsWith(CalendarLinks.FEED_SUFFIX)
        || pathInfo.indexOf('/', 1) >= 0) {
      return Optional.empty();
    }
    return Optional.of(pathInfo.substring(1, pathInfo.length() - CalendarLinks.FEED_SUFFIX.length()));
  }

  /** Returns whether an If-None-Match header names this tag (weak or strong), or is {@code *}. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static void unavailable(HttpServletResponse resp, String why) throws IOException {
    resp.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    plain(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, why + "; try again in a minute");
  }

  private static void plain(HttpServletResponse resp, int status, String text) throws IOException {
    resp.setStatus(status);
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentType("text/plain; charset=utf-8");
    resp.getOutputStream().write((text + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
