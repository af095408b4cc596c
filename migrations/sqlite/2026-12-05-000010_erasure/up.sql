-- Erasure keeps the audit chain whole: an erased person's id stays in the entries that name her (a random
-- id that now points to nothing), because actor_id and target_user_id are part of each entry's hash.
-- So the audit log no longer refers to users by foreign key (SQLite rebuilds the table to drop one), and
-- the ids cannot be changed either.
-- Export/erasure: audit entries about a person are exported with her data and kept on erasure (ids only).
CREATE TABLE audit_log_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TIMESTAMP NOT NULL,
    actor_id TEXT,
    action TEXT NOT NULL,
    target_user_id TEXT,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL DEFAULT '',
    hash TEXT NOT NULL DEFAULT ''
);
INSERT INTO audit_log_new (id, at, actor_id, action, target_user_id, details, prev_hash, hash)
    SELECT id, at, actor_id, action, target_user_id, details, prev_hash, hash FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OF at, actor_id, action, target_user_id, details ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
