-- Scholars can turn course reminders off from the link in any reminder, without signing in.
ALTER TABLE users ADD COLUMN reminders_off BOOLEAN NOT NULL DEFAULT FALSE;
