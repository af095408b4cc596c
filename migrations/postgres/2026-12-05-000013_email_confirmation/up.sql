-- A new email address is used only once its owner opens the link sent to it (and changing it needs the
-- password): until then it waits here, with the hash of the link's code and when the link stops working.
-- Export/erasure: part of the users row (exported; erased with it).
ALTER TABLE users ADD COLUMN email_pending TEXT;
ALTER TABLE users ADD COLUMN email_pending_hash TEXT;
ALTER TABLE users ADD COLUMN email_pending_until TIMESTAMP;
