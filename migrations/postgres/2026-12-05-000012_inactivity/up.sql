-- Inactive accounts can be erased (off unless PRAVO_INACTIVE_ACCOUNT_MONTHS is set), after a warning.
-- last_active_at is kept at day precision only (midnight UTC of the day she last used Pravo): enough to
-- tell inactivity, nothing about her habits. inactivity_warned_at is when she was warned; any use clears it.
-- Export/erasure: part of the users row (exported; erased with it).
ALTER TABLE users ADD COLUMN last_active_at TIMESTAMP;
ALTER TABLE users ADD COLUMN inactivity_warned_at TIMESTAMP;
