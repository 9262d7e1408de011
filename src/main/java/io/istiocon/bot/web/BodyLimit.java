package io.istiocon.bot.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of every servlet: a body over {@link #MAX_BODY} gets 413, before anything reads
 * it when it declares its length, or as soon as it grows past the limit when it does not. Slack's
 * own requests are a few kilobytes.
 */
final class BodyLimit implements Filter {
  private static final Logger log = LoggerFactory.getLogger(BodyLimit.class);
  /** The largest request body accepted, in bytes. */
  static final int MAX_BODY = 1024 * 1024;

  /** Thrown by the capped input stream when a body without a Content-Length grows past the limit. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("request body over " + MAX_BODY + " bytes");
    }
  }

  @Override
  public void init(FilterConfig config) {
    // nothing to set up
  }

  @Override
  public void destroy() {
    // nothing to release
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse resp = (HttpServletResponse) response;
    if (req.getContentLengthLong() > MAX_BODY) {
      refuse(req, resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "request body too large", null);
      return;
    }
    try {
      chain.doFilter(new Capped(req), resp);
    } catch (TooLarge e) {
      refuse(req, resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "request body too large", e);
    }
  }

  private static void refuse(HttpServletRequest req, HttpServletResponse resp, int status, String why, Exception e)
      throws IOException {
    log.warn("refused a {} {} with {}: {}", req.getMethod(), req.getRequestURI(), status, e == null ? why : e.toString());
    if (resp.isCommitted()) {
      return; // the status is out already; the connection is closed after this response
    }
    resp.reset();
    resp.setStatus(status);
    resp.setHeader("Connection", "close"); // the rest of an oversized body is not read
    resp.setContentType("text/plain; charset=utf-8");
    resp.getOutputStream().write((why + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** A request whose body stream stops with {@link TooLarge} past {@link #MAX_BODY} bytes. */
  private static final class Capped extends HttpServletRequestWrapper {
    private ServletInputStream in;

    Capped(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (in == null) {
        in = new CappedStream(super.getInputStream());
      }
      return in;
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
      String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class CappedStream extends ServletInputStream {
    private final ServletInputStream in;
    private long read;

    CappedStream(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws TooLarge {
      read += n;
      if (read > MAX_BODY) {
        throw new TooLarge();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
