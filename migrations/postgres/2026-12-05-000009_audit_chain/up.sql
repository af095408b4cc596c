-- The audit log as evidence: each entry carries the hash of the one before (a hash chain), so that an
-- edited or deleted entry shows. Entries written before this migration are chained on the next start.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
