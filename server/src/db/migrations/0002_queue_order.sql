-- The queue sorts by "oldest known time": the comment's own time, else when its thread was first
-- imported. Stored, so every queue view is an index range scan instead of sorting all matches.
ALTER TABLE comments ADD COLUMN sort_at TEXT NOT NULL DEFAULT '';
UPDATE comments SET sort_at = COALESCE(posted_at, (SELECT t.imported_at FROM threads t WHERE t.id = comments.thread_id));

DROP INDEX comments_status_severity;
CREATE INDEX comments_queue_review ON comments (status, severity, sort_at, thread_id, position);
CREATE INDEX comments_queue_status ON comments (status, sort_at, thread_id, position);
CREATE INDEX comments_queue_all ON comments (sort_at, thread_id, position);
