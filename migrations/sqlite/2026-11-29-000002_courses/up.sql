-- Courses, their texts per language, trainers, modules with revisions, media; enrolments and progress.
-- Export/erasure of rows that refer to a user: course_trainers (exported; erased), module_revisions.author_id
-- (kept, set to NULL on erasure: the text belongs to the course), enrolments and module_progress and
-- course_completions (exported with the user's data; erased).
CREATE TABLE courses (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    open BOOLEAN NOT NULL,
    published BOOLEAN NOT NULL,
    hours INTEGER,
    completion TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE course_texts (
    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    locale TEXT NOT NULL CHECK (locale IN ('en', 'ru', 'uk')),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (course_id, locale)
);

CREATE TABLE course_trainers (
    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (course_id, user_id)
);
CREATE INDEX course_trainers_user ON course_trainers (user_id);

CREATE TABLE modules (
    id TEXT PRIMARY KEY NOT NULL,
    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    position INTEGER NOT NULL,
    minutes INTEGER,
    archived BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (course_id, slug)
);

CREATE TABLE module_revisions (
    id TEXT PRIMARY KEY NOT NULL,
    module_id TEXT NOT NULL REFERENCES modules (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    locale TEXT NOT NULL CHECK (locale IN ('en', 'ru', 'uk')),
    title TEXT NOT NULL,
    markdown TEXT NOT NULL,
    html TEXT NOT NULL,
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (module_id, revision)
);
CREATE INDEX module_revisions_current ON module_revisions (module_id, locale, revision);

CREATE TABLE course_media (
    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (course_id, name)
);

CREATE TABLE enrolments (
    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    enrolled_at TIMESTAMP NOT NULL,
    last_module_id TEXT REFERENCES modules (id) ON DELETE SET NULL,
    last_activity_at TIMESTAMP,
    PRIMARY KEY (course_id, user_id)
);
CREATE INDEX enrolments_user ON enrolments (user_id);

CREATE TABLE module_progress (
    module_id TEXT NOT NULL REFERENCES modules (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    completed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (module_id, user_id)
);
CREATE INDEX module_progress_user ON module_progress (user_id);

CREATE TABLE course_completions (
    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    completed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (course_id, user_id)
);
