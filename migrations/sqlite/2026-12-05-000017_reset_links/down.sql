ALTER TABLE users DROP COLUMN reset_sid;
ALTER TABLE users DROP COLUMN reset_sent_at;
