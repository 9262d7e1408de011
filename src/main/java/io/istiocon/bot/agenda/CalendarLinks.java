package io.istiocon.bot.agenda;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues and checks the secret links of users' calendar feeds, {@code <PUBLIC_URL>/calendar/<token>.ics}.
 * A token is 256 random bits in URL-safe base64; the store keeps only its SHA-256, so a link can be
 * shown only when it is issued. A user who lost theirs gets a new one, which revokes the old.
 */
public final class CalendarLinks {
  /** The folder of the public URL that feeds are served under. */
  public static final String FEED_FOLDER = "/calendar";
  /** What a feed's file name ends in, after the token. */
  public static final String FEED_SUFFIX = ".ics";
  /** What a valid public URL looks like, for error messages. */
  public static final String EXAMPLE = "https://bot.example.org";
  static final int TOKEN_BYTES = 32;
  /** Base64 of {@link #TOKEN_BYTES} bytes, without padding: 43 characters of {@code A-Z a-z 0-9 - _}. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final CalendarStore store;
  private final String base;
  private final SecureRandom random;
  private final Clock clock;

  /** Creates links under {@code publicUrl} (as {@link #publicUrl(String)} returns it), stored in {@code store}. */
  public CalendarLinks(CalendarStore store, URI publicUrl, SecureRandom random, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.base = publicUrl(publicUrl.toString()).toString();
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns the URL of a new link when the user has none yet; empty when they have one, whose URL
   * only they know (it was shown when it was issued). Two calls racing for one user issue one link.
   */
  public Optional<URI> firstLink(String userId) {
    AgendaEntry.checkId("userId", userId);
    String token = newToken();
    return store.addCalendarLink(userId, hash(token), clock.instant()) ? Optional.of(feedUrl(token)) : Optional.empty();
  }

  /** Issues a new link for the user, revoking any old one at once; returns its URL. */
  public URI newLink(String userId) {
    AgendaEntry.checkId("userId", userId);
    String token = newToken();
    store.replaceCalendarLink(userId, hash(token), clock.instant());
    return feedUrl(token);
  }

  /** Returns the user whose link has this token; empty for a malformed, unknown or revoked token. */
  public Optional<String> userOf(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty(); // not one we issued: no need to ask the store
    }
    return store.calendarUser(hash(token));
  }

  /**
   * Returns a public base URL checked and without a trailing slash: absolute http(s), with a host
   * and no user info, query or fragment. The exception's message says what is wrong with it.
   */
  public static URI publicUrl(String value) {
    Objects.requireNonNull(value, "value");
    String problem;
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        problem = "must start with https:// (or http://)";
      } else if (uri.getHost() == null) {
        problem = "must name a host";
      } else if (uri.getRawUserInfo() != null) {
        // Not repeated: the part before @ may be a password.
        throw new IllegalArgumentException("must not hold a user name or password, like " + EXAMPLE);
      } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        problem = "must not have a query (?...) or fragment (#...)";
      } else {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
      }
    } catch (URISyntaxException e) {
      problem = "is not a valid URL (" + e.getReason() + ")";
    }
    throw new IllegalArgumentException(problem + ", like " + EXAMPLE + ", got \"" + value + "\"");
  }

  private String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private URI feedUrl(String token) {
    return URI.create(base + FEED_FOLDER + "/" + token + FEED_SUFFIX);
  }

  /** Returns the SHA-256 of the token's characters, in hex: what the store keeps instead of the token. */
  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
