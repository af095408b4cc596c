-- Sessions kept on the server, so that signing out ends a token at once (a copied token stops working)
-- and a person can see and end her other sessions. The id is the token's `sid`. `device` is a coarse
-- hint from the user agent ("Firefox on Android"); no address is ever kept. `last_seen_at` serves the
-- idle timeout and is shown at day precision only.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX sessions_user ON sessions (user_id);
