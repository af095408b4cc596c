-- Look-alike handles are refused: 'аdmin2' (Cyrillic а) or 'ａｄｍｉｎ２' (fullwidth) beside 'admin2' would let an
-- adversary pose as someone. handle_skeleton is the handle's Unicode confusable skeleton (UTS #39, after
-- NFKC and lower case); registration refuses a handle whose skeleton another account has. Rows from before
-- are filled in at start-up. Export/erasure: part of the users row (derived from the handle; erased with it).
ALTER TABLE users ADD COLUMN handle_skeleton TEXT;
CREATE INDEX users_handle_skeleton ON users (handle_skeleton);
