ALTER TABLE users DROP COLUMN certificates_by_email;
