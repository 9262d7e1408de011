package io.istiocon.bot.store;

import io.istiocon.bot.agenda.TalkVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The calendar feed's SQL (tables {@code calendar_link} and {@code talk_version}), run on a
 * connection {@link JdbcAgendaStore} lends, so the store class keeps one line per method.
 */
final class CalendarTables {
  /**
   * Stores the talk's new fingerprint and raises its number, unless the stored fingerprint is
   * already this one. PostgreSQL re-checks the WHERE against the row a concurrent upsert has just
   * committed, and SQLite runs one writer at a time, so replicas passing one change raise it once.
   * No row comes back when nothing changed.
   */
  private static final String BUMP = "INSERT INTO talk_version (conference_id, session_id, fingerprint, sequence_number)"
      + " VALUES (?, ?, ?, 0) ON CONFLICT (conference_id, session_id) DO UPDATE"
      + " SET fingerprint = excluded.fingerprint, sequence_number = talk_version.sequence_number + 1"
      + " WHERE talk_version.fingerprint <> excluded.fingerprint RETURNING sequence_number";

  /** A talk's row as stored. */
  private record Stored(String fingerprint, int sequence) {}

  private CalendarTables() {}

  static boolean addLink(Connection c, String userId, String tokenHash, Instant issuedAt) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO calendar_link (user_id, token_hash, issued_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      link(insert, userId, tokenHash, issuedAt);
      return insert.executeUpdate() == 1;
    }
  }

  static void replaceLink(Connection c, String userId, String tokenHash, Instant issuedAt) throws SQLException {
    try (PreparedStatement upsert = c.prepareStatement("INSERT INTO calendar_link (user_id, token_hash, issued_at)"
        + " VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash,"
        + " issued_at = excluded.issued_at")) {
      link(upsert, userId, tokenHash, issuedAt);
      upsert.executeUpdate();
    }
  }

  static Optional<String> user(Connection c, String tokenHash) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT user_id FROM calendar_link WHERE token_hash = ?")) {
      select.setString(1, tokenHash);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  /** Deletes the user's link; returns how many rows went (0 or 1). */
  static int deleteLinks(Connection c, String userId) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM calendar_link WHERE user_id = ?")) {
      delete.setString(1, userId);
      return delete.executeUpdate();
    }
  }

  /**
   * Returns each talk's sequence number, raising the changed ones. One read per conference; a
   * write only for a talk that is new or changed. Each write is a statement of its own (no
   * transaction around them), so two replicas locking talks in different orders cannot deadlock.
   */
  static Map<TalkVersion, Integer> sequences(Connection c, Collection<TalkVersion> talks) throws SQLException {
    Map<String, List<TalkVersion>> byConference = talks.stream()
        .collect(Collectors.groupingBy(TalkVersion::conference, LinkedHashMap::new, Collectors.toList()));
    Map<TalkVersion, Integer> sequences = new HashMap<>();
    for (Map.Entry<String, List<TalkVersion>> conference : byConference.entrySet()) {
      Map<String, Stored> stored = stored(c, conference.getKey());
      for (TalkVersion talk : conference.getValue()) {
        Stored row = stored.get(talk.session());
        sequences.put(talk, row != null && row.fingerprint().equals(talk.fingerprint()) ? row.sequence() : bump(c, talk));
      }
    }
    return sequences;
  }

  private static Map<String, Stored> stored(Connection c, String conference) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(
        "SELECT session_id, fingerprint, sequence_number FROM talk_version WHERE conference_id = ?")) {
      select.setString(1, conference);
      Map<String, Stored> rows = new HashMap<>();
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          rows.put(r.getString(1), new Stored(r.getString(2), r.getInt(3)));
        }
      }
      return rows;
    }
  }

  private static int bump(Connection c, TalkVersion talk) throws SQLException {
    try (PreparedStatement upsert = c.prepareStatement(BUMP)) {
      upsert.setString(1, talk.conference());
      upsert.setString(2, talk.session());
      upsert.setString(3, talk.fingerprint());
      try (ResultSet r = upsert.executeQuery()) {
        if (r.next()) {
          return r.getInt(1);
        }
      }
    }
    // Another replica stored this very fingerprint first: read the number it set.
    try (PreparedStatement select = c.prepareStatement(
        "SELECT sequence_number FROM talk_version WHERE conference_id = ? AND session_id = ?")) {
      select.setString(1, talk.conference());
      select.setString(2, talk.session());
      try (ResultSet r = select.executeQuery()) {
        if (!r.next()) {
          throw new SQLException("talk_version lost the row of " + talk.conference() + "/" + talk.session());
        }
        return r.getInt(1);
      }
    }
  }

  private static void link(PreparedStatement statement, String userId, String tokenHash, Instant issuedAt)
      throws SQLException {
    statement.setString(1, userId);
    statement.setString(2, tokenHash);
    statement.setLong(3, issuedAt.toEpochMilli());
  }
}
