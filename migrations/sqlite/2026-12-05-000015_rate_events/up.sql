-- Rate-limit events shared by every instance on one PostgreSQL, so that two instances behind one address
-- do not double a limit. key_hash is an HMAC of the limit's key (a handle as typed, an address, a device)
-- with a server secret: neither an address nor a handle is ever stored. Rows live for the longest window
-- (15 minutes) and are then deleted. SQLite keeps its limits in memory and never writes here.
-- Export/erasure: holds no column that names a person (keyed hashes that expire within the quarter hour).
CREATE TABLE rate_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key_hash TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX rate_events_key_at ON rate_events (key_hash, at);
CREATE INDEX rate_events_at ON rate_events (at);
