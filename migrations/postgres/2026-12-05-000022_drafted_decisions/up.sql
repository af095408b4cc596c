-- A decision drafted by an administrator: recorded, shown beside the seats, and told to nobody until the
-- programme's drafts are published together (then each takes effect and its applicant is told). One per
-- application; a decision taken at once replaces it. Export/erasure: goes with the application.
CREATE TABLE drafted_decisions (
    application_id TEXT PRIMARY KEY NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    programme_id TEXT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    decision TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX drafted_decisions_by_programme ON drafted_decisions (programme_id);
