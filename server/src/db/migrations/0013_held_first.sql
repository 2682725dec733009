-- A comment a site rule holds now ranks -1 in comments.severity, ahead of threats, so the review
-- queue shows held comments first (the site asked for them to be seen before anything else).
-- Import and rescan compute the rank; this brings comments stored before the change in line.
UPDATE comments SET severity = -1, version = version + 1
WHERE severity IS NOT NULL AND severity != -1
  AND id IN (SELECT comment_id FROM flags WHERE action = 'hold');
