-- One password-reset link at a time: reset_sid names the newest link sent (older ones stop working) and
-- reset_sent_at when it went out. At most one link per five minutes is sent, so nobody can flood an inbox,
-- and a request is never silenced for longer: the link sent last is at most five minutes old and valid
-- for thirty. Export/erasure: part of the users row (never exported; erased with it).
ALTER TABLE users ADD COLUMN reset_sid TEXT;
ALTER TABLE users ADD COLUMN reset_sent_at TIMESTAMP;
