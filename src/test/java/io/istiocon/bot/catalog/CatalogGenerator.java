package io.istiocon.bot.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Makes large catalogs for benchmarks by recombining the real sessions: each generated session
 * takes its title from one real session and a word from another, its abstract from two more, its
 * speakers from a fourth, and a time within the real conference's days. The same seed always
 * gives the same catalog.
 */
public final class CatalogGenerator {
  private final List<Session> real;
  private final Conference conference;

  /** Generates from the given catalog's first conference. */
  public CatalogGenerator(Catalog source) {
    this.conference = source.conferences().get(0);
    this.real = conference.sessions();
  }

  /** Returns a catalog of {@code size} sessions; equal seeds give equal catalogs. */
  public Catalog generate(int size, long seed) {
    Random random = new Random(seed);
    List<Session> out = new ArrayList<>(size);
    Instant opens = conference.opens().plus(Duration.ofHours(8));
    long window = Duration.between(opens, conference.closes()).toMinutes() - 8 * 60 - 180;
    for (int i = 0; i < size; i++) {
      Session title = pick(random);
      Session extra = pick(random);
      Session first = pick(random);
      Session second = pick(random);
      Session people = pick(random);
      String[] extraWords = extra.title().split("\\s+");
      String newTitle = title.title() + " " + extraWords[random.nextInt(extraWords.length)];
      String abstractText = half(first.abstractText(), true) + " " + half(second.abstractText(), false);
      Instant start = opens.plus(Duration.ofMinutes(10L * random.nextInt((int) (window / 10))));
      int minutes = title.type() == SessionType.WORKSHOP ? 150 : title.type() == SessionType.LIGHTNING ? 10 : 40;
      List<String> tags = new ArrayList<>(first.tags());
      for (String tag : second.tags()) {
        if (!tags.contains(tag)) {
          tags.add(tag);
        }
      }
      OptionalInt popularity = random.nextInt(10) == 0 ? OptionalInt.of(random.nextInt(1500)) : OptionalInt.empty();
      out.add(new Session(conference.id(), "gen" + i, newTitle, title.type(), title.language(), title.subtitled(), start,
          start.plus(Duration.ofMinutes(minutes)), people.speakers(), abstractText, "", tags, title.video(),
          title.slides(), title.page(), popularity, title.room(), title.track()));
    }
    Conference big = new Conference(conference.id(), conference.name(), conference.start(), conference.end(),
        conference.zone(), conference.website(), conference.description(), conference.stats(), out);
    return new Catalog(1, "generated-" + size + "-" + seed, List.of(big));
  }

  /**
   * Returns a catalog of {@code conferences} conferences of {@code size} sessions each, as several
   * years of one event would be: ids and names carry the year, and each is 52 weeks after the one
   * before (weekdays stay), the first at the source's dates.
   */
  public Catalog generateConferences(int conferences, int size, long seed) {
    List<Conference> out = new ArrayList<>(conferences);
    for (int k = 0; k < conferences; k++) {
      Conference one = generate(size, seed + k).conferences().get(0);
      Duration shift = Duration.ofDays(364L * k);
      String id = conference.id().replaceAll("-?\\d{4}$", "") + "-" + (conference.start().getYear() + k);
      List<Session> sessions = new ArrayList<>(size);
      for (Session s : one.sessions()) {
        sessions.add(new Session(id, s.id(), s.title(), s.type(), s.language(), s.subtitled(), s.start().plus(shift),
            s.end().plus(shift), s.speakers(), s.abstractText(), s.summary(), s.tags(), s.video(), s.slides(), s.page(),
            s.popularity(), s.room(), s.track()));
      }
      out.add(new Conference(id, conference.name().replaceAll("\\s*\\d{4}$", "") + " " + (conference.start().getYear() + k),
          conference.start().plusDays(364L * k), conference.end().plusDays(364L * k), conference.zone(), conference.website(),
          conference.description(), conference.stats(), sessions));
    }
    return new Catalog(1, "generated-" + conferences + "x" + size + "-" + seed, out);
  }

  private Session pick(Random random) {
    return real.get(random.nextInt(real.size()));
  }

  private static String half(String text, boolean first) {
    int middle = text.indexOf(' ', text.length() / 2);
    if (middle < 0) {
      return text;
    }
    return first ? text.substring(0, middle) : text.substring(middle + 1);
  }
}
