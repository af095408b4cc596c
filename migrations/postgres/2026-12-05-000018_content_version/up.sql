-- A counter that every change to what a course shows (its texts, trainers, modules, module revisions,
-- quizzes and quiz versions) moves on, by triggers, whichever instance or tool made the change. Readers
-- keep a course's outline and module texts in memory and check this one row (one indexed read) before
-- using them, so a cache is never stale, also with several instances on one PostgreSQL. Derived data:
-- not in backups.
CREATE TABLE content_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO content_version (id, version) VALUES (1, 1);

CREATE FUNCTION bump_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE content_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER courses_content AFTER INSERT OR UPDATE OR DELETE ON courses FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER course_texts_content AFTER INSERT OR UPDATE OR DELETE ON course_texts FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER course_trainers_content AFTER INSERT OR UPDATE OR DELETE ON course_trainers FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER modules_content AFTER INSERT OR UPDATE OR DELETE ON modules FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER module_revisions_content AFTER INSERT OR UPDATE OR DELETE ON module_revisions FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER quizzes_content AFTER INSERT OR UPDATE OR DELETE ON quizzes FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER quiz_versions_content AFTER INSERT OR UPDATE OR DELETE ON quiz_versions FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version();
