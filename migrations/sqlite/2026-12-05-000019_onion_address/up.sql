-- Whether the account last signed in through the site's onion address (PRAVO_ONION_URL), so that the
-- links in the emails it is sent lead back to the address its owner uses; nothing else is recorded of how
-- she connects. Export/erasure: part of the users row (exported with it; erased with it).
ALTER TABLE users ADD COLUMN via_onion BOOLEAN NOT NULL DEFAULT FALSE;
