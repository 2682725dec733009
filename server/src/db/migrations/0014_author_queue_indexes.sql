-- The author filter in queue order (issue 8). comments_author (author, sort_at) serves "all";
-- for the review and status views SQLite walked the view's index and read each row to test its
-- author, ~60 ms a page for a prolific author at a million comments. These give each view its
-- author's comments already in queue order. The review one is partial (pending and flagged only),
-- so it stays a few percent of the table; queries name the same condition, so SQLite can use it.
CREATE INDEX comments_author_review ON comments (author, severity, sort_at, thread_id, position)
  WHERE status = 'pending' AND severity IS NOT NULL;
CREATE INDEX comments_author_status ON comments (author, status, sort_at, thread_id, position);
