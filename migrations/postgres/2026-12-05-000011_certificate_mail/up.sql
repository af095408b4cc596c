-- Certificates by email are a choice: a scholar may want them only in the app, so that no email tells
-- anyone watching her mailbox which course she finished. Defaults to the old behaviour (emailed).
-- Export/erasure: part of the users row (exported; erased with it).
ALTER TABLE users ADD COLUMN certificates_by_email BOOLEAN NOT NULL DEFAULT TRUE;
