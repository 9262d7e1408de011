package io.istiocon.bot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through only HTTP requests signed with the signing secret less than five minutes ago (by the
 * injected clock); others get 401. Slack's scheme: {@code v0=} + hex HMAC-SHA256 of {@code v0:} +
 * timestamp + {@code :} + raw body. Bolt's own check reads the system clock, which tests cannot fix;
 * it also looks up a new {@code Mac} and formats the hex byte by byte on every request (a fifth of a
 * slash command's CPU, measured), and compares with {@code String.equals}. This one reuses a keyed
 * {@code Mac} per thread and compares in constant time.
 */
final class SignedRequests implements Middleware {
  private static final Logger log = LoggerFactory.getLogger(SignedRequests.class);

  private static final HexFormat HEX = HexFormat.of();

  private final ThreadLocal<Mac> mac;
  private final Clock clock;

  /** Creates the check for one signing secret. */
  SignedRequests(String signingSecret, Clock clock) {
    SecretKeySpec key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.mac = ThreadLocal.withInitial(() -> {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(key);
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
      }
    });
    this.clock = clock;
  }

  /** Returns the signature Slack sends for {@code body} at {@code timestamp}: {@code v0=} and 64 hex digits. */
  String sign(String timestamp, String body) {
    Mac m = mac.get();
    m.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
    return "v0=" + HEX.formatHex(m.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private boolean signed(String timestamp, String signature, String body) {
    if (signature == null || body == null) {
      return false;
    }
    return MessageDigest.isEqual(sign(timestamp, body).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware interface declares the raw type
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req.isSocketMode() || MiddlewareOps.isNoSlackSignatureRequest(req.getRequestType())) {
      return chain.next(req);
    }
    String timestamp = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
    if (fresh(timestamp, clock.millis())
        && signed(timestamp, req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE),
            req.getRequestBodyAsString())) {
      return chain.next(req);
    }
    log.warn("rejected a {} request with a bad or expired signature", req.getRequestType());
    return Response.json(401, "{\"error\":\"invalid request\"}");
  }

  /** Returns whether a timestamp lies within five minutes of now, either way (Bolt only checks the past). */
  private static boolean fresh(String timestamp, long nowMillis) {
    if (timestamp == null || timestamp.isEmpty() || timestamp.length() > 12) {
      return false;
    }
    try {
      long millis = Long.parseLong(timestamp) * 1000;
      return Math.abs(nowMillis - millis) < SlackSignature.TimestampVerifier.TIMESTAMP_EXPIRATION_TIME_IN_MILLIS;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
