-- Scholarship programmes: a call with its track of courses, rubric and questions (structured parts as JSON
-- text), reviewers, applications, reviews, and the cohort of scholars it follows.
-- Export/erasure of rows that refer to a user: programme_reviewers (exported; erased), applications and
-- their reviews (an applicant's applications are exported with their data and erased with the user, and
-- their reviews with them; a reviewer's reviews are exported with theirs and erased with them),
-- cohort_members (exported; erased), programmes.created_by (kept, set to NULL).
CREATE TABLE programmes (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    texts TEXT NOT NULL,
    countries TEXT NOT NULL,
    seats INTEGER NOT NULL CHECK (seats >= 0),
    stipend_cents BIGINT,
    currency TEXT,
    opens_at TIMESTAMP NOT NULL,
    closes_at TIMESTAMP NOT NULL,
    deadline TIMESTAMP NOT NULL,
    course_slugs TEXT NOT NULL,
    criteria TEXT NOT NULL,
    questions TEXT NOT NULL,
    blind BOOLEAN NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE programme_reviewers (
    programme_id TEXT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (programme_id, user_id)
);
CREATE INDEX programme_reviewers_user ON programme_reviewers (user_id);

CREATE TABLE applications (
    id TEXT PRIMARY KEY NOT NULL,
    programme_id TEXT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    organisation TEXT NOT NULL,
    country TEXT NOT NULL,
    experience TEXT NOT NULL,
    motivation TEXT NOT NULL,
    answers TEXT NOT NULL,
    consent BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    submitted_at TIMESTAMP,
    decided_at TIMESTAMP,
    UNIQUE (programme_id, user_id)
);
CREATE INDEX applications_user ON applications (user_id);

CREATE TABLE reviews (
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    reviewer_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    conflict BOOLEAN NOT NULL,
    scores TEXT NOT NULL,
    comment TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (application_id, reviewer_id)
);
CREATE INDEX reviews_reviewer ON reviews (reviewer_id);

CREATE TABLE cohort_members (
    programme_id TEXT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at TIMESTAMP NOT NULL,
    source TEXT NOT NULL,
    -- The track's courses this membership enrolled the scholar in (JSON list of course ids): only these
    -- enrolments end when the scholar leaves the cohort.
    enrolled_course_ids TEXT NOT NULL,
    PRIMARY KEY (programme_id, user_id)
);
CREATE INDEX cohort_members_user ON cohort_members (user_id);
