package io.istiocon.bot.calendar;

import io.istiocon.bot.agenda.CalendarLinks;
import io.istiocon.bot.agenda.CalendarStore;
import io.istiocon.bot.agenda.TalkVersion;
import io.istiocon.bot.catalog.Catalog;
import io.istiocon.bot.catalog.Conference;
import io.istiocon.bot.catalog.Session;
import io.istiocon.bot.service.AgendaService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes one user's feed: from the token to the user, to their agenda as the catalog being served has
 * it ({@link AgendaService#agenda}: talks gone from the catalog are left out), to each talk's
 * sequence number, to the calendar's text.
 */
final class Feeds {
  private static final Pattern DTSTAMP = Pattern.compile("(?m)^DTSTAMP:[^\r\n]*\r\n");

  /** What a token gets. */
  enum Status {
    /** The feed, in {@link Answer#feed}. */
    FOUND,
    /** A malformed, unknown or revoked token. */
    UNKNOWN,
    /** No catalog is loaded yet: an empty feed now would make apps delete every event. */
    NO_CATALOG
  }

  /** A token's answer; {@code feed} is null unless {@code status} is {@link Status#FOUND}. */
  record Answer(Status status, Feed feed) {}

  /**
   * A feed ready to send.
   *
   * @param etag a quoted entity tag over everything but the DTSTAMPs, so it changes only when the events do
   */
  record Feed(String text, String etag) {}

  private final CalendarLinks links;
  private final AgendaService agenda;
  private final CalendarStore versions;
  private final Clock clock;

  Feeds(CalendarLinks links, AgendaService agenda, CalendarStore versions, Clock clock) {
    this.links = links;
    this.agenda = agenda;
    this.versions = versions;
    this.clock = clock;
  }

  /** Returns the feed of the token's user, or why there is none. */
  Answer render(String token) {
    Optional<String> user = links.userOf(token);
    if (user.isEmpty()) {
      return new Answer(Status.UNKNOWN, null);
    }
    AgendaService.MyAgenda saved = agenda.agenda(user.get());
    Catalog catalog = saved.catalog();
    if (catalog.isEmpty()) {
      return new Answer(Status.NO_CATALOG, null);
    }
    List<Session> talks = saved.talks();
    Map<Session, TalkVersion> talkVersions = talks.stream()
        .collect(Collectors.toMap(Function.identity(), s -> new TalkVersion(s.conference(), s.id(), Ics.fingerprint(s))));
    Map<TalkVersion, Integer> sequences = versions.sequences(talkVersions.values());
    List<Ics.Event> events = new ArrayList<>();
    for (Session talk : talks) {
      Conference conference = catalog.conferenceOf(talk);
      events.add(new Ics.Event(talk, sequences.get(talkVersions.get(talk)), talk.pageLink().orElse(conference.website())));
    }
    String text = Ics.render(name(catalog, talks), events, clock.instant());
    return new Answer(Status.FOUND, new Feed(text, etag(text)));
  }

  /** Returns "IstioCon 2021 — my agenda", or "My agenda" when the talks span several conferences. */
  static String name(Catalog catalog, List<Session> talks) {
    Set<String> conferences = talks.stream().map(Session::conference).collect(Collectors.toCollection(LinkedHashSet::new));
    Optional<Conference> one = conferences.size() == 1 ? catalog.conference(conferences.iterator().next())
        : conferences.isEmpty() && catalog.conferences().size() == 1 ? Optional.of(catalog.conferences().get(0))
        : Optional.empty();
    return one.map(c -> c.name() + " \u2014 my agenda").orElse("My agenda");
  }

  static String etag(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(DTSTAMP.matcher(text).replaceAll("").getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
