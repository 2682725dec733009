-- Full-text search over comment bodies and authors (the queue's search box), replacing a LIKE scan
-- of every row. External content: the text lives once, in comments; comments_fts holds only the
-- index, keyed by the comments rowid. Triggers keep it in step with single edits; after a bulk
-- load or a VACUUM (which may renumber the rowids of a table without an INTEGER PRIMARY KEY) the
-- search service rebuilds it (rebuildSearchIndex).
CREATE VIRTUAL TABLE comments_fts USING fts5(
  body,
  author,
  content = 'comments',
  content_rowid = 'rowid',
  -- Folds case and accents, so "cafe" finds "Café".
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
  INSERT INTO comments_fts (rowid, body, author) VALUES (new.rowid, new.body, new.author);
END;

CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
  INSERT INTO comments_fts (comments_fts, rowid, body, author) VALUES ('delete', old.rowid, old.body, old.author);
END;

-- Only when the indexed text changes: decisions (status, version) never touch the index.
CREATE TRIGGER comments_fts_update AFTER UPDATE OF body, author ON comments
  WHEN old.body IS NOT new.body OR old.author IS NOT new.author
BEGIN
  INSERT INTO comments_fts (comments_fts, rowid, body, author) VALUES ('delete', old.rowid, old.body, old.author);
  INSERT INTO comments_fts (rowid, body, author) VALUES (new.rowid, new.body, new.author);
END;

INSERT INTO comments_fts (comments_fts) VALUES ('rebuild');
