-- Quizzes (one per module), their versions (the questions per language, as JSON), attempts and answers.
-- Export/erasure: attempts and attempt_answers belong to the scholar (exported with their data; erased
-- with the user); attempt_answers.graded_by is set to NULL when the grader is erased.
CREATE TABLE quizzes (
    id TEXT PRIMARY KEY NOT NULL,
    module_id TEXT NOT NULL UNIQUE REFERENCES modules (id) ON DELETE CASCADE,
    settings TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE quiz_versions (
    quiz_id TEXT NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    questions TEXT NOT NULL,
    sources TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (quiz_id, version)
);

CREATE TABLE attempts (
    id TEXT PRIMARY KEY NOT NULL,
    quiz_id TEXT NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    locale TEXT NOT NULL,
    seed BIGINT NOT NULL,
    layout TEXT NOT NULL,
    started_at TIMESTAMP NOT NULL,
    deadline TIMESTAMP,
    submitted_at TIMESTAMP,
    score_milli BIGINT,
    max_milli BIGINT NOT NULL,
    passed BOOLEAN,
    UNIQUE (quiz_id, user_id, number)
);
CREATE INDEX attempts_user ON attempts (user_id, quiz_id);

CREATE TABLE attempt_answers (
    attempt_id TEXT NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    answer TEXT NOT NULL,
    saved_at TIMESTAMP NOT NULL,
    score_milli BIGINT,
    comment TEXT,
    graded_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    graded_at TIMESTAMP,
    PRIMARY KEY (attempt_id, question_id)
);
