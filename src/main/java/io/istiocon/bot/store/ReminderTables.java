package io.istiocon.bot.store;

import io.istiocon.bot.agenda.Cancellation;
import io.istiocon.bot.agenda.Reminder;
import io.istiocon.bot.agenda.ReminderSetting;
import io.istiocon.bot.agenda.TalkId;
import io.istiocon.bot.agenda.TalkRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of reminders and change notices (tables {@code reminder_setting}, {@code reminder},
 * {@code reminder_cancel} and {@code talk_seen}), run on a connection {@link JdbcAgendaStore}
 * lends. Claims are guarded UPDATEs: PostgreSQL re-checks the WHERE against a row another
 * transaction has just committed, and SQLite runs one writer at a time, so of replicas racing for
 * a row exactly one changes it.
 */
final class ReminderTables {
  private static final String COLUMNS = "user_id, conference_id, session_id, post_at, state, channel, scheduled_message_id";
  private static final String PENDING = Reminder.State.PENDING.name();
  private static final String SCHEDULED = Reminder.State.SCHEDULED.name();

  private ReminderTables() {}

  static Optional<ReminderSetting> setting(Connection c, String userId) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT enabled, minutes FROM reminder_setting WHERE user_id = ?")) {
      select.setString(1, userId);
      try (ResultSet r = select.executeQuery()) {
        return r.next() ? Optional.of(new ReminderSetting(r.getInt(1) != 0, r.getInt(2))) : Optional.empty();
      }
    }
  }

  static void setSetting(Connection c, String userId, ReminderSetting setting) throws SQLException {
    try (PreparedStatement upsert = c.prepareStatement("INSERT INTO reminder_setting (user_id, enabled, minutes)"
        + " VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET enabled = excluded.enabled, minutes = excluded.minutes")) {
      upsert.setString(1, userId);
      upsert.setInt(2, setting.enabled() ? 1 : 0);
      upsert.setInt(3, setting.minutes());
      upsert.executeUpdate();
    }
  }

  static boolean add(Connection c, Reminder pending) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO reminder (" + COLUMNS + ", lease_until)"
        + " VALUES (?, ?, ?, ?, ?, NULL, NULL, 0) ON CONFLICT DO NOTHING")) {
      insert.setString(1, pending.userId());
      insert.setString(2, pending.talk().conference());
      insert.setString(3, pending.talk().session());
      insert.setLong(4, pending.postAt().toEpochMilli());
      insert.setString(5, PENDING);
      return insert.executeUpdate() == 1;
    }
  }

  static Optional<Reminder> claim(Connection c, String userId, TalkId talk, Instant now, Instant leaseUntil)
      throws SQLException {
    try (PreparedStatement update = c.prepareStatement("UPDATE reminder SET lease_until = ? WHERE user_id = ?"
        + " AND conference_id = ? AND session_id = ? AND state = ? AND lease_until <= ? RETURNING " + COLUMNS)) {
      update.setLong(1, leaseUntil.toEpochMilli());
      update.setString(2, userId);
      update.setString(3, talk.conference());
      update.setString(4, talk.session());
      update.setString(5, PENDING);
      update.setLong(6, now.toEpochMilli());
      List<Reminder> rows = rows(update);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
  }

  /** Reads the candidates, then leases each with its own guarded UPDATE: no lock is held across rows. */
  static List<Reminder> claimDue(Connection c, Instant now, Instant horizon, Instant leaseUntil, int limit)
      throws SQLException {
    List<Reminder> candidates;
    try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM reminder WHERE state = ?"
        + " AND post_at <= ? AND lease_until <= ? ORDER BY post_at, user_id LIMIT ?")) {
      select.setString(1, PENDING);
      select.setLong(2, horizon.toEpochMilli());
      select.setLong(3, now.toEpochMilli());
      select.setInt(4, limit);
      candidates = rows(select);
    }
    List<Reminder> claimed = new ArrayList<>();
    for (Reminder r : candidates) {
      claim(c, r.userId(), r.talk(), now, leaseUntil).ifPresent(claimed::add);
    }
    return claimed;
  }

  static boolean scheduled(Connection c, Reminder r) throws SQLException {
    try (PreparedStatement update = c.prepareStatement("UPDATE reminder SET state = ?, channel = ?,"
        + " scheduled_message_id = ?, post_at = ?, lease_until = 0 WHERE user_id = ? AND conference_id = ? AND session_id = ?")) {
      update.setString(1, SCHEDULED);
      update.setString(2, r.channel());
      update.setString(3, r.scheduledMessageId());
      update.setLong(4, r.postAt().toEpochMilli());
      key(update, 5, r.userId(), r.talk());
      return update.executeUpdate() == 1;
    }
  }

  static boolean pending(Connection c, String userId, TalkId talk, Instant postAt, Instant notBefore) throws SQLException {
    try (PreparedStatement update = c.prepareStatement("UPDATE reminder SET state = ?, channel = NULL,"
        + " scheduled_message_id = NULL, post_at = ?, lease_until = ? WHERE user_id = ? AND conference_id = ? AND session_id = ?")) {
      update.setString(1, PENDING);
      update.setLong(2, postAt.toEpochMilli());
      update.setLong(3, notBefore.toEpochMilli());
      key(update, 4, userId, talk);
      return update.executeUpdate() == 1;
    }
  }

  static Optional<Reminder> remove(Connection c, String userId, TalkId talk) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM reminder WHERE user_id = ? AND conference_id = ?"
        + " AND session_id = ? RETURNING " + COLUMNS)) {
      key(delete, 1, userId, talk);
      List<Reminder> rows = rows(delete);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
  }

  static List<Reminder> removeAll(Connection c, String userId) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM reminder WHERE user_id = ? RETURNING " + COLUMNS)) {
      delete.setString(1, userId);
      return rows(delete);
    }
  }

  static List<Reminder> of(Connection c, String userId) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM reminder WHERE user_id = ?"
        + " ORDER BY post_at, conference_id, session_id")) {
      select.setString(1, userId);
      return rows(select);
    }
  }

  static List<Reminder> ofTalk(Connection c, TalkId talk) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM reminder WHERE conference_id = ?"
        + " AND session_id = ? ORDER BY user_id")) {
      select.setString(1, talk.conference());
      select.setString(2, talk.session());
      return rows(select);
    }
  }

  /** Deletes the user's setting; their reminders went with {@link #removeAll} or go here. */
  static void forget(Connection c, String userId) throws SQLException {
    for (String table : List.of("reminder", "reminder_setting")) {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE user_id = ?")) {
        delete.setString(1, userId);
        delete.executeUpdate();
      }
    }
  }

  static void addCancellation(Connection c, Cancellation cancel, Instant notBefore) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO reminder_cancel (scheduled_message_id, channel,"
        + " lease_until) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      insert.setString(1, cancel.scheduledMessageId());
      insert.setString(2, cancel.channel());
      insert.setLong(3, notBefore.toEpochMilli());
      insert.executeUpdate();
    }
  }

  static List<Cancellation> claimCancellations(Connection c, Instant now, Instant leaseUntil, int limit) throws SQLException {
    List<Cancellation> candidates = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement("SELECT channel, scheduled_message_id FROM reminder_cancel"
        + " WHERE lease_until <= ? ORDER BY lease_until LIMIT ?")) {
      select.setLong(1, now.toEpochMilli());
      select.setInt(2, limit);
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          candidates.add(new Cancellation(r.getString(1), r.getString(2)));
        }
      }
    }
    List<Cancellation> claimed = new ArrayList<>();
    for (Cancellation cancel : candidates) {
      try (PreparedStatement update = c.prepareStatement("UPDATE reminder_cancel SET lease_until = ?"
          + " WHERE scheduled_message_id = ? AND lease_until <= ?")) {
        update.setLong(1, leaseUntil.toEpochMilli());
        update.setString(2, cancel.scheduledMessageId());
        update.setLong(3, now.toEpochMilli());
        if (update.executeUpdate() == 1) {
          claimed.add(cancel);
        }
      }
    }
    return claimed;
  }

  static void cancellationDone(Connection c, Cancellation cancel) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM reminder_cancel WHERE scheduled_message_id = ?")) {
      delete.setString(1, cancel.scheduledMessageId());
      delete.executeUpdate();
    }
  }

  static List<TalkId> savedTalks(Connection c) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT conference_id, session_id FROM saved_talk"
        + " ORDER BY conference_id, session_id");
        ResultSet r = select.executeQuery()) {
      List<TalkId> talks = new ArrayList<>();
      while (r.next()) {
        talks.add(new TalkId(r.getString(1), r.getString(2)));
      }
      return talks;
    }
  }

  static List<String> savers(Connection c, TalkId talk) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT user_id FROM saved_talk WHERE conference_id = ?"
        + " AND session_id = ? ORDER BY user_id")) {
      select.setString(1, talk.conference());
      select.setString(2, talk.session());
      List<String> users = new ArrayList<>();
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          users.add(r.getString(1));
        }
      }
      return users;
    }
  }

  static Map<TalkId, TalkRecord> records(Connection c, Collection<TalkId> talks) throws SQLException {
    Set<String> conferences = new HashSet<>();
    talks.forEach(t -> conferences.add(t.conference()));
    Set<TalkId> wanted = new HashSet<>(talks);
    Map<TalkId, TalkRecord> found = new HashMap<>();
    for (String conference : conferences) {
      try (PreparedStatement select = c.prepareStatement("SELECT session_id, starts_at, ends_at, title, room, removed"
          + " FROM talk_seen WHERE conference_id = ?")) {
        select.setString(1, conference);
        try (ResultSet r = select.executeQuery()) {
          while (r.next()) {
            TalkId talk = new TalkId(conference, r.getString(1));
            if (wanted.contains(talk)) {
              found.put(talk, new TalkRecord(talk, Instant.ofEpochMilli(r.getLong(2)), Instant.ofEpochMilli(r.getLong(3)),
                  r.getString(4), r.getString(5), r.getInt(6) != 0));
            }
          }
        }
      }
    }
    return found;
  }

  static boolean record(Connection c, TalkRecord talk) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO talk_seen (conference_id, session_id, fingerprint,"
        + " starts_at, ends_at, title, room, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      insert.setString(1, talk.talk().conference());
      insert.setString(2, talk.talk().session());
      values(insert, 3, talk);
      return insert.executeUpdate() == 1;
    }
  }

  static boolean advance(Connection c, TalkRecord seen, TalkRecord now) throws SQLException {
    try (PreparedStatement update = c.prepareStatement("UPDATE talk_seen SET fingerprint = ?, starts_at = ?, ends_at = ?,"
        + " title = ?, room = ?, removed = ? WHERE conference_id = ? AND session_id = ? AND fingerprint = ?")) {
      values(update, 1, now);
      update.setString(7, seen.talk().conference());
      update.setString(8, seen.talk().session());
      update.setString(9, seen.fingerprint());
      return update.executeUpdate() == 1;
    }
  }

  private static void values(PreparedStatement statement, int from, TalkRecord talk) throws SQLException {
    statement.setString(from, talk.fingerprint());
    statement.setLong(from + 1, talk.start().toEpochMilli());
    statement.setLong(from + 2, talk.end().toEpochMilli());
    statement.setString(from + 3, talk.title());
    if (talk.room() == null) {
      statement.setNull(from + 4, Types.VARCHAR);
    } else {
      statement.setString(from + 4, talk.room());
    }
    statement.setInt(from + 5, talk.removed() ? 1 : 0);
  }

  private static void key(PreparedStatement statement, int from, String userId, TalkId talk) throws SQLException {
    statement.setString(from, userId);
    statement.setString(from + 1, talk.conference());
    statement.setString(from + 2, talk.session());
  }

  private static List<Reminder> rows(PreparedStatement statement) throws SQLException {
    List<Reminder> out = new ArrayList<>();
    try (ResultSet r = statement.executeQuery()) {
      while (r.next()) {
        Reminder.State state = Reminder.State.valueOf(r.getString(5));
        out.add(new Reminder(r.getString(1), new TalkId(r.getString(2), r.getString(3)), Instant.ofEpochMilli(r.getLong(4)),
            state, r.getString(6), state == Reminder.State.SCHEDULED ? r.getString(7) : null));
      }
    }
    return out;
  }
}
