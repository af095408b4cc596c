-- What a scholar did without a connection (a module marked complete, an answer, a submitted quiz) arrives
-- later in one batch; each item carries an id her browser chose. A receipt per item makes a batch sent
-- twice (the answer to the first was lost) take effect once: the second time, the stored outcome is
-- returned and nothing is done again. Only ids and the outcome; kept 30 days.
-- Export/erasure: not exported (ids only); deleted with the account.
CREATE TABLE offline_receipts (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, client_id)
);
CREATE INDEX offline_receipts_by_age ON offline_receipts (created_at);
