-- Threads, their comments, the flags rules raised on them and the moderators' decisions.
-- Ids are stable hashes computed by the import service, so re-imports update rows in place.

CREATE TABLE threads (
  id                     TEXT PRIMARY KEY,
  -- What the id is hashed from: "ext:<external_id>", "url:<url>" or "title:<normalised title>".
  key                    TEXT NOT NULL UNIQUE,
  external_id            TEXT,
  format                 TEXT NOT NULL,
  title                  TEXT NOT NULL,
  url                    TEXT,
  source_note            TEXT,
  article_title          TEXT NOT NULL,
  article_body           TEXT NOT NULL,
  declared_comment_count INTEGER,
  source_file            TEXT,
  imported_at            TEXT NOT NULL,
  updated_at             TEXT NOT NULL
);

CREATE TABLE comments (
  id          TEXT PRIMARY KEY,
  thread_id   TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL,
  -- 1-based page order (depth-first, parents before replies).
  position    INTEGER NOT NULL,
  -- Deferred so a whole thread can be written in any order inside one transaction.
  parent_id   TEXT REFERENCES comments(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  author      TEXT NOT NULL,
  posted_at   TEXT,
  body        TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'removed')),
  decided_at  TEXT,
  -- Bumped on every change, so a client can detect that it acted on a stale copy.
  version     INTEGER NOT NULL DEFAULT 1,
  -- Rank of the most severe flag (0 = threat … 5 = off_topic), NULL when unflagged.
  -- Denormalised from flags so the review queue is one indexed range scan.
  severity    INTEGER,
  UNIQUE (thread_id, external_id)
);
CREATE INDEX comments_thread_position ON comments (thread_id, position);
CREATE INDEX comments_status_severity ON comments (status, severity);

CREATE TABLE flags (
  id                INTEGER PRIMARY KEY,
  comment_id        TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  category          TEXT NOT NULL CHECK (category IN ('slur', 'threat', 'insult', 'profanity', 'spam', 'off_topic')),
  rule              TEXT NOT NULL,
  evidence          TEXT NOT NULL,
  start_offset      INTEGER,
  end_offset        INTEGER,
  explanation       TEXT NOT NULL,
  confidence        REAL NOT NULL,
  rule_pack_version TEXT NOT NULL
);
CREATE INDEX flags_comment ON flags (comment_id);
CREATE INDEX flags_category ON flags (category, comment_id);

-- Append-only log: the current status of a comment is the replay of its decisions.
CREATE TABLE decisions (
  id          INTEGER PRIMARY KEY,
  comment_id  TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  action      TEXT NOT NULL CHECK (action IN ('approve', 'remove', 'undo')),
  from_status TEXT NOT NULL CHECK (from_status IN ('pending', 'approved', 'removed')),
  to_status   TEXT NOT NULL CHECK (to_status IN ('pending', 'approved', 'removed')),
  reason      TEXT,
  moderator   TEXT,
  decided_at  TEXT NOT NULL
);
CREATE INDEX decisions_comment ON decisions (comment_id, id);

CREATE TRIGGER decisions_append_only BEFORE UPDATE ON decisions
BEGIN
  SELECT RAISE(ABORT, 'decisions are append-only');
END;
