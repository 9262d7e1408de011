package io.istiocon.bot.calendar;

import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.service.EventText;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes saved talks as an RFC 5545 calendar with ical4j: one VEVENT per talk, with times in UTC
 * (so no VTIMEZONE, and nothing of ical4j's zone database is loaded), a UID that names the talk
 * and never the user, and a SEQUENCE the store raises when the talk changes.
 */
final class Ics {
  /** How often calendar apps are asked to fetch the feed again. */
  static final Duration REFRESH = Duration.ofMinutes(15);
  static final String PRODID = "-//istiocon-bot//calendar feed//EN";
  /** Characters RFC 5545 TEXT may not hold (controls other than tab and newline), and lone surrogates. */
  private static final Pattern UNWRITABLE = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n]]|\\p{Cs}");

  /**
   * One talk in the feed.
   *
   * @param url the talk's page, or the conference website when it has none; {@code null} when neither
   */
  record Event(Session session, int sequence, URI url) {}

  private Ics() {}

  /** Returns the calendar, lines ending in CRLF and folded at 75 octets. */
  static String render(String name, List<Event> events, Instant now) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODID));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(new Name(writable(name)));
    calendar.add(new XProperty("X-WR-CALNAME", writable(name)));
    calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
    calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
    Instant stamp = now.truncatedTo(ChronoUnit.SECONDS);
    for (Event event : events) {
      calendar.add(event(event, stamp));
    }
    return Folding.fold(calendar.toString());
  }

  private static VEvent event(Event event, Instant stamp) {
    Session s = event.session();
    VEvent vevent = new VEvent(false); // true would stamp it with the system clock
    vevent.add(new Uid(uid(s)));
    vevent.add(new DtStamp(stamp));
    vevent.add(new DtStart<>(s.start()));
    vevent.add(new DtEnd<>(s.end()));
    vevent.add(new Sequence(event.sequence()));
    vevent.add(new Summary(writable(s.title())));
    String details = EventText.details(s);
    if (!details.isEmpty()) {
      vevent.add(new Description(writable(details)));
    }
    s.roomName().ifPresent(room -> vevent.add(new Location(writable(room))));
    if (event.url() != null) {
      vevent.add(new Url(event.url()));
    }
    return vevent;
  }

  /** Returns the talk's UID: the same in every user's feed and across catalog reloads. */
  static String uid(Session session) {
    return session.id() + "@" + session.conference() + ".istiocon-bot";
  }

  /** Returns a digest of what makes a calendar app update its copy of the talk: start, end, title, room. */
  static String fingerprint(Session session) {
    String what = session.start().toEpochMilli() + "\n" + session.end().toEpochMilli() + "\n" + session.title() + "\n"
        + session.roomName().orElse("");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String writable(String text) {
    return UNWRITABLE.matcher(text).replaceAll(" ");
  }
}
