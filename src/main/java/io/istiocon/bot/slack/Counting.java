package io.istiocon.bot.slack;

import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import io.istiocon.bot.ops.Metrics;
import io.istiocon.bot.ops.Metrics.Kind;
import io.istiocon.bot.ops.Metrics.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first middleware: counts the requests no handler counted, and turns the acknowledgement of
 * work the answer queue refused into a 503 (Bolt would otherwise answer an event 200 whatever its
 * handler said).
 */
final class Counting implements Middleware {
  private static final Logger log = LoggerFactory.getLogger(Counting.class);
  /** Marks a request whose handler counted it (or will, once answered), in the request's context. */
  private static final String COUNTED = "istiocon.counted";
  /** Set by a handler whose work the answer queue refused. */
  private static final String BUSY = "istiocon.busy";

  private final Metrics metrics;

  Counting(Metrics metrics) {
    this.metrics = metrics;
  }

  /** Marks a request as counted by its handler, so this middleware leaves it alone. */
  static void counted(Context ctx) {
    ctx.getAdditionalValues().put(COUNTED, "yes");
  }

  /** Marks a request whose work the answer queue refused, so that it is answered 503. */
  static void busy(Context ctx) {
    ctx.getAdditionalValues().put(BUSY, "yes");
  }

  /**
   * Counts the requests no handler counted: refused signatures, Slack's URL and SSL checks, and
   * events acknowledged without an answer (edits, other bots, tabs we do not draw).
   */
  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware interface declares the raw types
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    Response response;
    try {
      response = chain.next(req);
    } catch (Exception e) {
      if (!req.getContext().getAdditionalValues().containsKey(COUNTED)) {
        metrics.request(kind(req), Outcome.ERROR);
      }
      throw e;
    }
    if (!req.getContext().getAdditionalValues().containsKey(COUNTED)) {
      Kind kind = kind(req);
      int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
      Outcome outcome = status == 401 ? Outcome.REJECTED
          : status >= 400 ? Outcome.ERROR
          : kind == Kind.URL_VERIFICATION || kind == Kind.SSL_CHECK ? Outcome.ANSWERED
          : Outcome.IGNORED;
      metrics.request(kind, outcome);
      log.atDebug().addKeyValue("kind", kind.label()).addKeyValue("outcome", outcome.label()).addKeyValue("status", status)
          .log("{} {}", kind.label(), outcome.label());
    }
    if (req.getContext().getAdditionalValues().containsKey(BUSY)) {
      // Bolt turns an event handler's non-200 into its own 200 auto-ack; the refusal must reach Slack.
      return Response.builder().statusCode(503).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
          .body("{\"error\":\"busy, retry later\"}").build();
    }
    return response;
  }

  @SuppressWarnings("rawtypes")
  private static Kind kind(Request req) {
    if (req.getRequestType() == null) {
      return Kind.OTHER;
    }
    return switch (req.getRequestType()) {
      case Command -> Kind.SLASH_COMMAND;
      case Event -> switch (String.valueOf(((EventRequest) req).getEventType())) {
        case "app_mention" -> Kind.APP_MENTION;
        case "message" -> Kind.MESSAGE_IM;
        case "app_home_opened" -> Kind.APP_HOME;
        default -> Kind.OTHER;
      };
      case UrlVerification -> Kind.URL_VERIFICATION;
      case SSLCheck -> Kind.SSL_CHECK;
      case BlockAction -> Kind.BLOCK_ACTION;
      default -> Kind.OTHER;
    };
  }
}
