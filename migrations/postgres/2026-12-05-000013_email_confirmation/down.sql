ALTER TABLE users DROP COLUMN email_pending_until;
ALTER TABLE users DROP COLUMN email_pending_hash;
ALTER TABLE users DROP COLUMN email_pending;
