-- Who did what outside moderation decisions (those have their own log): imports, account changes,
-- sign-ins. Append-only: the triggers refuse any UPDATE or DELETE, so the app cannot rewrite history.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  -- A username, `cli:<os user>` for the command line, or `system` (first start, demo import).
  actor TEXT NOT NULL,
  -- e.g. import, user.add, user.passwd, session.sign_in, session.sign_in_failed, session.sign_out
  action TEXT NOT NULL,
  -- What it was done to: a username, a file name.
  target TEXT,
  -- JSON with the details and, for changes, the previous state.
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_action ON audit_log (action, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
