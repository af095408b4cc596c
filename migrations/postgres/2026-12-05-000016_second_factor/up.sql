-- The second factor (TOTP, RFC 6238). totp_secret is the active secret (base32), totp_pending one shown for
-- enrolment and not yet confirmed with a code, totp_last_step the time step of the last code accepted (a
-- code is never accepted twice). admin_since starts an administrator's grace period for setting one up;
-- administrators of before this migration get their grace period from now.
-- Export/erasure: part of the users row (credentials: never exported; erased with the row).
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_pending TEXT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
ALTER TABLE users ADD COLUMN admin_since TIMESTAMP;
UPDATE users SET admin_since = (now() AT TIME ZONE 'UTC') WHERE role = 'admin';
