package io.istiocon.bot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: Bolt's servlet, with three changes. A body Bolt cannot even parse (it
 * throws before any handler runs) gets 400, the sender's fault, rather than a 500 page. A slash
 * command's form is read by {@link SlashCommandForms} rather than Bolt's regex-heavy parser (same
 * payload). The answer is written as UTF-8 bytes rather than through Jetty's char-by-char writer,
 * and a cached answer's bytes ({@link EncodedJson}) are written as they are.
 * Everything else, every middleware and handler, is Bolt's {@link App#run}.
 */
final class EventsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(EventsServlet.class);

  private final transient App app;
  private final transient SlackRequestParser parser;

  EventsServlet(App app) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Request<?> request;
    try {
      request = request(req); // an IOException (a body over the limit, a lost client) goes up to BodyLimit and Jetty
    } catch (RuntimeException e) {
      log.warn("refused a malformed request to {}: {}", req.getRequestURI(), e.toString());
      if (!resp.isCommitted()) {
        resp.reset();
        write(resp, 400, "text/plain; charset=utf-8", Map.of(), "invalid request\n");
      }
      return;
    }
    if (request == null) {
      write(resp, 400, "text/plain; charset=utf-8", Map.of(), "Invalid Request");
      return;
    }
    Response response;
    try {
      response = app.run(request);
    } catch (Exception e) {
      log.error("Failed to handle a request - {}", e.getMessage(), e);
      write(resp, 500, "application/json", Map.of(), "{\"error\":\"Something is wrong\"}");
      return;
    }
    if (response instanceof EncodedJson json && json.getBody() == json.json) { // as built: nobody replaced the body
      write(resp, response.getStatusCode(), response.getContentType(), response.getHeaders(), json.utf8);
    } else {
      write(resp, response.getStatusCode(), response.getContentType(), response.getHeaders(), response.getBody());
    }
  }

  /**
   * A 200 with a JSON body whose UTF-8 bytes are already known: a cached answer's, encoded once
   * rather than on every request. Bolt's middleware passes the handler's response through as it is;
   * should anything set another body, that body is written instead.
   */
  static final class EncodedJson extends Response {
    private final String json;
    private final byte[] utf8;

    EncodedJson(String json, byte[] utf8) {
      super(200, CONTENT_TYPE_APPLICATION_JSON_UTF8, new HashMap<>(), json);
      this.json = json;
      this.utf8 = utf8;
    }
  }

  private Request<?> request(HttpServletRequest req) throws IOException {
    String body = body(req);
    RequestHeaders headers = new RequestHeaders(headers(req));
    SlashCommandPayload command = SlashCommandForms.parse(body);
    if (command == null) {
      return parser.parse(SlackRequestParser.HttpRequest.builder().requestUri(req.getRequestURI())
          .queryString(QueryStringParser.toMap(req.getQueryString())).headers(headers).requestBody(body)
          .remoteAddress(req.getRemoteAddr()).build());
    }
    // What SlackRequestParser does with a slash command after reading it.
    SlashCommandRequest request = new SlashCommandRequest(body, command, headers);
    request.updateContext(app.config());
    Map<String, List<String>> query = QueryStringParser.toMap(req.getQueryString());
    if (query != null) {
      query.forEach((k, v) -> request.getQueryString().computeIfAbsent(k, x -> new java.util.ArrayList<>()).addAll(v));
    }
    String forwarded = headers.getFirstValue("X-FORWARDED-FOR");
    request.setClientIpAddress(forwarded != null ? forwarded : req.getRemoteAddr());
    return request;
  }

  /** The body as Bolt reads it: decoded with the request's charset (UTF-8 if none), lines joined. */
  static String body(HttpServletRequest req) throws IOException {
    String encoding = req.getCharacterEncoding();
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    int length = req.getContentLength();
    // With a Content-Length, read exactly that (Jetty delivers no more); readAllBytes would start
    // with an 8 KiB buffer and copy out of it for a body of a few hundred bytes.
    byte[] raw = length >= 0 ? req.getInputStream().readNBytes(length) : req.getInputStream().readAllBytes();
    String body = new String(raw, charset);
    if (body.indexOf('\n') < 0 && body.indexOf('\r') < 0) {
      return body;
    }
    return new BufferedReader(new StringReader(body)).lines().collect(Collectors.joining(System.lineSeparator()));
  }

  private static Map<String, List<String>> headers(HttpServletRequest req) {
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      headers.put(name, Collections.list(req.getHeaders(name)));
    }
    return headers;
  }

  private static void write(HttpServletResponse resp, Integer status, String contentType,
      Map<String, List<String>> headers, String body) throws IOException {
    write(resp, status, contentType, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(HttpServletResponse resp, Integer status, String contentType,
      Map<String, List<String>> headers, byte[] body) throws IOException {
    resp.setStatus(status == null ? 200 : status);
    if (headers != null) {
      headers.forEach((name, values) -> values.forEach(v -> resp.addHeader(name, v)));
    }
    resp.setHeader("Content-Type", contentType);
    if (body != null) {
      resp.setContentLength(body.length);
      resp.getOutputStream().write(body);
    }
  }
}
