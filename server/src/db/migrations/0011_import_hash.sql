-- What the last import wrote for a comment (its fields, position, parent and flags, hashed), so a
-- re-import skips an unchanged comment with one lookup instead of rewriting it and its flags.
-- NULL means "unknown" (imported before this column, or its flags rewritten by a rescan): the
-- next import compares the comment field by field as before.
ALTER TABLE comments ADD COLUMN import_hash TEXT;
