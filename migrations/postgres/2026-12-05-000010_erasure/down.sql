DROP TRIGGER audit_log_no_update ON audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OF at, action, details ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
ALTER TABLE audit_log ADD CONSTRAINT audit_log_actor_id_fkey
    FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL NOT VALID;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_target_user_id_fkey
    FOREIGN KEY (target_user_id) REFERENCES users (id) ON DELETE SET NULL NOT VALID;
