-- The calendar feed (issue 13). Same rules as V1: one schema for SQLite and PostgreSQL.

-- Each user's feed link, as the SHA-256 (hex) of its token: the token is shown once and never
-- stored, so a copy of the database opens nobody's feed. One row per user: a new link replaces
-- the old one, which then matches nothing. The UNIQUE index serves the lookup by hash.
CREATE TABLE calendar_link (
  user_id    TEXT   NOT NULL PRIMARY KEY,
  token_hash TEXT   NOT NULL UNIQUE,
  issued_at  BIGINT NOT NULL
);

-- Each talk as feeds last showed it: a digest of its start, end, title and room, and the event's
-- SEQUENCE. A new digest raises the number by one, in one guarded upsert, so replicas that
-- render the same change at once raise it once, and it never goes down.
CREATE TABLE talk_version (
  conference_id   TEXT    NOT NULL,
  session_id      TEXT    NOT NULL,
  fingerprint     TEXT    NOT NULL,
  sequence_number INTEGER NOT NULL,
  PRIMARY KEY (conference_id, session_id)
);
