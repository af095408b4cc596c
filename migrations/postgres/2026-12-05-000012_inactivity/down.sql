ALTER TABLE users DROP COLUMN inactivity_warned_at;
ALTER TABLE users DROP COLUMN last_active_at;
