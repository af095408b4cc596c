ALTER TABLE users DROP COLUMN via_onion;
