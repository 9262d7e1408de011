package io.istiocon.bot.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable set of conferences that is served as a whole: a reload builds a new catalog and
 * swaps it in, so no reader ever sees half of one.
 *
 * @param version increases with every successful load
 * @param digest a short hash of the files' content, to tell which content served an answer
 */
public record Catalog(long version, String digest, List<Conference> conferences) {

  public Catalog {
    Objects.requireNonNull(digest, "digest");
    conferences = conferences.stream().sorted(Comparator.comparing(Conference::start).thenComparing(Conference::id)).toList();
    Map<String, Conference> seen = new LinkedHashMap<>();
    for (Conference conference : conferences) {
      if (seen.put(conference.id(), conference) != null) {
        throw new IllegalArgumentException("conference id " + conference.id() + " appears twice");
      }
    }
  }

  /** Returns an empty catalog, served before any file loads. */
  public static Catalog empty() {
    return new Catalog(0, "empty", List.of());
  }

  /** Returns every session of every conference, each conference in program order. */
  public List<Session> sessions() {
    List<Session> all = new ArrayList<>();
    for (Conference conference : conferences) {
      all.addAll(conference.sessions());
    }
    return all;
  }

  /** Returns the number of sessions in all conferences. */
  public int size() {
    int n = 0;
    for (Conference conference : conferences) {
      n += conference.sessions().size();
    }
    return n;
  }

  /** Finds a conference by id. */
  public Optional<Conference> conference(String id) {
    for (Conference conference : conferences) {
      if (conference.id().equals(id)) {
        return Optional.of(conference);
      }
    }
    return Optional.empty();
  }

  /** Finds a session by its conference's id and its own id. */
  public Optional<Session> session(String conference, String id) {
    return conference(conference).flatMap(c -> c.sessions().stream().filter(s -> s.id().equals(id)).findFirst());
  }

  /** Returns the conference a session belongs to. */
  public Conference conferenceOf(Session session) {
    return conference(session.conference())
        .orElseThrow(() -> new IllegalArgumentException("no conference " + session.conference()));
  }

  /**
   * Returns the name of a session's conference when more than one is loaded, so that cards can tell
   * them apart, or null when there is only one.
   */
  public String nameIfSeveral(Session session) {
    return conferences.size() < 2 ? null : conference(session.conference()).map(Conference::name).orElse(session.conference());
  }

  /** Returns whether no conference is loaded. */
  public boolean isEmpty() {
    return conferences.isEmpty();
  }
}
