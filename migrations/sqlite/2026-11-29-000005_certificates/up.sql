-- Certificates, issued once per scholar and course when the course is completed. What the certificate
-- says is stored as printed, so that verification shows exactly that. Export/erasure: a holder's
-- certificates are exported with their data and erased with the user.
CREATE TABLE certificates (
    id TEXT PRIMARY KEY NOT NULL,
    code TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    holder_name TEXT NOT NULL,
    course_title TEXT NOT NULL,
    locale TEXT NOT NULL,
    hours INTEGER,
    issuer TEXT NOT NULL,
    issued_at TIMESTAMP NOT NULL,
    public BOOLEAN NOT NULL,
    revoked_at TIMESTAMP,
    credential TEXT NOT NULL,
    UNIQUE (user_id, course_id)
);
