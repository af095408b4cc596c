-- In-app notices: what happened that she should know (an application received, a decision or an offer, a
-- graded answer, applications to review, a certificate), so that someone without email misses nothing.
-- Only the kind and a link are stored: the words are written when she reads them, in her language, and no
-- title names a course or a topic. One notice per event (dedupe_key).
-- Export/erasure: exported with the account; deleted with it.
CREATE TABLE notices (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    link TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE UNIQUE INDEX notices_once ON notices (user_id, dedupe_key);
CREATE INDEX notices_by_user ON notices (user_id, read_at, created_at);
