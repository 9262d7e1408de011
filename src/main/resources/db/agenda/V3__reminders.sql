-- Reminders and change notices (issue 13). Same rules as V1: one schema for SQLite and PostgreSQL,
-- instants as epoch milliseconds.

-- Each user's reminder setting; no row means the default (REMINDER_MINUTES, on).
CREATE TABLE reminder_setting (
  user_id TEXT    NOT NULL PRIMARY KEY,
  enabled INTEGER NOT NULL,
  minutes INTEGER NOT NULL
);

-- One reminder per saved talk, while it waits for Slack (state 'pending') and once Slack holds
-- it ('scheduled', with the id chat.scheduleMessage gave and the DM channel it answered with).
-- The primary key makes a second save add nothing. lease_until is how a replica claims a
-- pending row: it sets it into the future with a guarded UPDATE, so one replica schedules each,
-- and a replica that dies mid-way leaves a row the next sweep takes once the lease runs out.
CREATE TABLE reminder (
  user_id              TEXT   NOT NULL,
  conference_id        TEXT   NOT NULL,
  session_id           TEXT   NOT NULL,
  post_at              BIGINT NOT NULL,
  state                TEXT   NOT NULL,
  channel              TEXT,
  scheduled_message_id TEXT,
  lease_until          BIGINT NOT NULL,
  PRIMARY KEY (user_id, conference_id, session_id)
);
CREATE INDEX reminder_due ON reminder (state, post_at);
CREATE INDEX reminder_talk ON reminder (conference_id, session_id);

-- Scheduled messages whose chat.deleteScheduledMessage failed for a while (Slack rate limited or
-- down): kept until a sweep deletes them, so a removed talk never reminds anyone.
CREATE TABLE reminder_cancel (
  scheduled_message_id TEXT   NOT NULL PRIMARY KEY,
  channel              TEXT   NOT NULL,
  lease_until          BIGINT NOT NULL
);

-- Each saved talk as change notices last saw it: start, end, title, room and a digest of them
-- ('' title and removed = 1 once the catalog dropped it). A change is claimed by moving the row
-- from the old digest to the new one with a guarded UPDATE: the one replica whose UPDATE changed
-- the row sends the notices and moves the reminders. Kept in the store, so a change made while
-- the bot was down is noticed after the restart.
CREATE TABLE talk_seen (
  conference_id TEXT    NOT NULL,
  session_id    TEXT    NOT NULL,
  fingerprint   TEXT    NOT NULL,
  starts_at     BIGINT  NOT NULL,
  ends_at       BIGINT  NOT NULL,
  title         TEXT    NOT NULL,
  room          TEXT,
  removed       INTEGER NOT NULL,
  PRIMARY KEY (conference_id, session_id)
);
