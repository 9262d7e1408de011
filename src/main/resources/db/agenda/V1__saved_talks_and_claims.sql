-- One schema for SQLite and PostgreSQL: only types and statements both understand.
-- Instants are epoch milliseconds (BIGINT), so they sort and compare alike on both.

-- A user's saved talks. The primary key makes a second save of the same talk a no-op,
-- however many replicas race to insert it.
CREATE TABLE saved_talk (
  user_id       TEXT   NOT NULL,
  conference_id TEXT   NOT NULL,
  session_id    TEXT   NOT NULL,
  saved_at      BIGINT NOT NULL,
  PRIMARY KEY (user_id, conference_id, session_id)
);

-- Work that must happen once across replicas (a Slack event answered, a click handled).
-- The first insert wins; the row is kept until it expires and is pruned.
CREATE TABLE claim (
  kind       TEXT   NOT NULL,
  id         TEXT   NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE INDEX claim_expires_at ON claim (expires_at);
