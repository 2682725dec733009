-- The original bytes of imported files that Sift can write back to their platform (issue 6:
-- a WordPress WXR or Disqus XML export with Sift's decisions applied). One file can hold many
-- threads, so files are stored once (keyed by their hash) and each thread points at the file it
-- was last imported from. Content is gzip: XML exports shrink about tenfold.
CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  sha256      TEXT NOT NULL UNIQUE,
  file_name   TEXT NOT NULL,
  format      TEXT NOT NULL,
  byte_length INTEGER NOT NULL,
  content     BLOB NOT NULL,
  imported_at TEXT NOT NULL
);

CREATE TABLE thread_sources (
  thread_id TEXT PRIMARY KEY REFERENCES threads(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id)
);
CREATE INDEX thread_sources_source ON thread_sources (source_id);
