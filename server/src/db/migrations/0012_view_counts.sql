-- How many comments each queue view holds, per thread (issue 8: counts must stay fast at a million
-- comments, where counting meant scanning every row on every refresh). Kept by triggers on every
-- insert, delete and status or severity change; a bulk import drops the insert trigger inside its
-- transaction and recounts the threads it touched instead (import-store.ts).
CREATE TABLE view_counts (
  thread_id TEXT PRIMARY KEY REFERENCES threads(id) ON DELETE CASCADE,
  review    INTEGER NOT NULL DEFAULT 0,
  pending   INTEGER NOT NULL DEFAULT 0,
  approved  INTEGER NOT NULL DEFAULT 0,
  removed   INTEGER NOT NULL DEFAULT 0,
  total     INTEGER NOT NULL DEFAULT 0
);

INSERT INTO view_counts (thread_id, review, pending, approved, removed, total)
SELECT thread_id, SUM(status = 'pending' AND severity IS NOT NULL), SUM(status = 'pending'),
  SUM(status = 'approved'), SUM(status = 'removed'), COUNT(*)
FROM comments GROUP BY thread_id;

CREATE TRIGGER view_counts_insert AFTER INSERT ON comments BEGIN
  INSERT INTO view_counts (thread_id, review, pending, approved, removed, total)
  VALUES (new.thread_id, new.status = 'pending' AND new.severity IS NOT NULL, new.status = 'pending',
    new.status = 'approved', new.status = 'removed', 1)
  ON CONFLICT (thread_id) DO UPDATE SET review = review + excluded.review, pending = pending + excluded.pending,
    approved = approved + excluded.approved, removed = removed + excluded.removed, total = total + 1;
END;

CREATE TRIGGER view_counts_delete AFTER DELETE ON comments BEGIN
  UPDATE view_counts SET review = review - (old.status = 'pending' AND old.severity IS NOT NULL),
    pending = pending - (old.status = 'pending'), approved = approved - (old.status = 'approved'),
    removed = removed - (old.status = 'removed'), total = total - 1
  WHERE thread_id = old.thread_id;
END;

-- Comments never move between threads (the id is derived from the thread), so only status and severity matter.
CREATE TRIGGER view_counts_update AFTER UPDATE OF status, severity ON comments
  WHEN old.status IS NOT new.status OR (old.severity IS NULL) IS NOT (new.severity IS NULL)
BEGIN
  UPDATE view_counts SET
    review = review - (old.status = 'pending' AND old.severity IS NOT NULL) + (new.status = 'pending' AND new.severity IS NOT NULL),
    pending = pending - (old.status = 'pending') + (new.status = 'pending'),
    approved = approved - (old.status = 'approved') + (new.status = 'approved'),
    removed = removed - (old.status = 'removed') + (new.status = 'removed')
  WHERE thread_id = new.thread_id;
END;
