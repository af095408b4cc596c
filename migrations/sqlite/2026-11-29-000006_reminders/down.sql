ALTER TABLE users DROP COLUMN reminders_off;
