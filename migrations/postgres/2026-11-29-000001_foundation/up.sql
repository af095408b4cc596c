-- Foundation: shared secrets, accounts, recovery codes and the audit log.
-- Export/erasure: users (exported: handle, role, locale, email, certificate_name, created_at; erased: the row),
-- recovery_codes (not exported: hashes only; erased with the user), audit_log (kept as an administrative record;
-- on erasure actor_id/target_user_id are set to NULL so that only the pseudonymous event remains).
CREATE TABLE secrets (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    handle TEXT NOT NULL,
    handle_key TEXT NOT NULL UNIQUE,
    password_hash TEXT,
    role TEXT NOT NULL CHECK (role IN ('scholar', 'trainer', 'admin')),
    locale TEXT NOT NULL CHECK (locale IN ('en', 'ru', 'uk')),
    email TEXT,
    certificate_name TEXT,
    valid_after TIMESTAMP NOT NULL,
    -- The session kept alive across a password change (the one that made it); other sessions end.
    kept_session_id TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX users_role ON users (role);

CREATE TABLE recovery_codes (
    id BIGSERIAL PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    at TIMESTAMP NOT NULL,
    actor_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    target_user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    details TEXT NOT NULL
);

-- The audit log is append-only: the database itself refuses changes (erasure may only null the user links).
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OF at, action, details ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
