package io.istiocon.bot.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs request bodies the way Slack does: {@code v0=} + hex HMAC-SHA256 of
 * {@code v0:<timestamp>:<body>}. Written from Slack's description, not with the bot's code, so the
 * tests check the bot's own verification ({@code SignedRequests}) rather than repeat it.
 */
public final class SlackSigner {
  public static final String TIMESTAMP = "X-Slack-Request-Timestamp";
  public static final String SIGNATURE = "X-Slack-Signature";

  private final String secret;
  private final Clock clock;

  public SlackSigner(String secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  /** Returns the two signature headers for a body signed now. */
  public Map<String, String> headers(String body) {
    return headers(body, clock.instant());
  }

  /** Returns the two signature headers for a body signed at {@code at}. */
  public Map<String, String> headers(String body, Instant at) {
    String timestamp = Long.toString(at.getEpochSecond());
    return Map.of(TIMESTAMP, timestamp, SIGNATURE, sign(secret, timestamp, body));
  }

  /** Returns Slack's signature of a body. */
  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
