-- The queue's author and rule filters and the author panel (an author's comments across threads)
-- look comments up by author and flags by rule; without these they scan every row.
CREATE INDEX comments_author ON comments (author, sort_at);
CREATE INDEX flags_rule ON flags (rule, comment_id);
