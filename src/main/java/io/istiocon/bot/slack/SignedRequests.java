package io.istiocon.bot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through only HTTP requests signed with the signing secret less than five minutes ago (by the
 * injected clock); others get 401. Bolt's own check reads the system clock, which tests cannot fix.
 */
final class SignedRequests implements Middleware {
  private static final Logger log = LoggerFactory.getLogger(SignedRequests.class);

  private final SlackSignature.Verifier verifier;
  private final Clock clock;

  /** Creates the check for one signing secret. */
  SignedRequests(String signingSecret, Clock clock) {
    this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
    this.clock = clock;
  }

  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware interface declares the raw type
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req.isSocketMode() || MiddlewareOps.isNoSlackSignatureRequest(req.getRequestType())) {
      return chain.next(req);
    }
    long now = clock.millis();
    if (fresh(req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP), now)
        && req.isValid(verifier, now)) {
      return chain.next(req);
    }
    log.warn("rejected a {} request with a bad or expired signature", req.getRequestType());
    return Response.json(401, "{\"error\":\"invalid request\"}");
  }

  /** Returns whether a timestamp lies within five minutes of now, either way (Bolt only checks the past). */
  private static boolean fresh(String timestamp, long nowMillis) {
    try {
      long millis = Long.parseLong(timestamp) * 1000;
      return Math.abs(nowMillis - millis) < SlackSignature.TimestampVerifier.TIMESTAMP_EXPIRATION_TIME_IN_MILLIS;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
