package io.istiocon.bot.service;

import io.istiocon.bot.catalog.Session;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds a talk's <b>Add to calendar</b> link: a Google Calendar template that opens a new event
 * filled in with the talk's title, times (UTC), room and {@link EventText#details}. It needs no
 * public URL of the bot. The link never exceeds {@link #MAX_LENGTH}, Slack's limit for a button's
 * url; the details are cut first, then a very long title.
 */
public final class AddToCalendar {
  /** The longest link made: Slack refuses a button whose url is longer. */
  public static final int MAX_LENGTH = 3000;
  /** The shortest limit a link can be asked to keep: the address, the dates and a short title. */
  public static final int MIN_LENGTH = 300;
  private static final String BASE = "https://calendar.google.com/calendar/render?action=TEMPLATE";
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  /** A title or room longer than this (encoded) is cut, so the details always keep some room. */
  private static final int MAX_TITLE = 1000;
  private static final int MAX_LOCATION = 300;
  private static final String ELLIPSIS = encode("\u2026");

  private AddToCalendar() {}

  /** Returns the Google Calendar link that adds the talk to the clicker's own calendar. */
  public static URI googleCalendar(Session session) {
    return googleCalendar(session, MAX_LENGTH);
  }

  /**
   * Returns the link in at most {@code maxLength} characters (at least {@link #MIN_LENGTH}): a
   * message with several cards keeps each one's link short, so the cards, not the links, fill it.
   */
  public static URI googleCalendar(Session session, int maxLength) {
    if (maxLength < MIN_LENGTH || maxLength > MAX_LENGTH) {
      throw new IllegalArgumentException("maxLength must be " + MIN_LENGTH + " to " + MAX_LENGTH + ", got " + maxLength);
    }
    StringBuilder url = new StringBuilder(BASE)
        .append("&text=").append(fit(session.title(), Math.min(MAX_TITLE, maxLength / 3)))
        .append("&dates=").append(utc(session.start())).append('/').append(utc(session.end()));
    session.roomName().ifPresent(room -> url.append("&location=").append(fit(room, Math.min(MAX_LOCATION, maxLength / 10))));
    String details = EventText.details(session);
    int room = maxLength - url.length() - "&details=".length();
    if (!details.isEmpty() && room > ELLIPSIS.length()) {
      url.append("&details=").append(fit(details, room));
    }
    return URI.create(url.toString());
  }

  /** Returns the time as Google's template wants it: {@code 20210222T160000Z}. */
  static String utc(Instant instant) {
    return UTC.format(instant);
  }

  /**
   * Returns the text percent-encoded in at most {@code max} characters: whole when it fits, else
   * as many whole characters as fit before an encoded ellipsis (a character's escapes are never split).
   */
  static String fit(String text, int max) {
    String whole = encode(text);
    if (whole.length() <= max) {
      return whole;
    }
    StringBuilder cut = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      String one = encode(new String(Character.toChars(codePoint)));
      if (cut.length() + one.length() + ELLIPSIS.length() > max) {
        break;
      }
      cut.append(one);
      i += Character.charCount(codePoint);
    }
    return cut.append(ELLIPSIS).toString();
  }

  /** Percent-encodes as UTF-8, spaces as {@code %20} (a {@code +} means a space only in forms). */
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
