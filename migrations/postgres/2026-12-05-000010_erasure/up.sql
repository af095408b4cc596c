-- Erasure keeps the audit chain whole: an erased person's id stays in the entries that name her (a random
-- id that now points to nothing), because actor_id and target_user_id are part of each entry's hash.
-- So the audit log no longer refers to users by foreign key, and the ids cannot be changed either.
-- Export/erasure: audit entries about a person are exported with her data and kept on erasure (ids only).
ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS audit_log_actor_id_fkey;
ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS audit_log_target_user_id_fkey;
DROP TRIGGER audit_log_no_update ON audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OF at, actor_id, action, target_user_id, details ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
