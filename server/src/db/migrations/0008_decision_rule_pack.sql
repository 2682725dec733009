-- Which rule pack had flagged a comment when a moderator decided on it (issue 6): a decision
-- exported back to a platform, or read in the log months later, says which rules were in force.
-- NULL for comments no rule flagged, and for decisions made before this column existed.
ALTER TABLE decisions ADD COLUMN rule_pack_version TEXT;
