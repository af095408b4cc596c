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
CREATE TRIGGER courses_insert_content AFTER INSERT ON courses BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER courses_update_content AFTER UPDATE ON courses BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER courses_delete_content AFTER DELETE ON courses BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER course_texts_insert_content AFTER INSERT ON course_texts BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER course_texts_update_content AFTER UPDATE ON course_texts BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER course_texts_delete_content AFTER DELETE ON course_texts BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER course_trainers_insert_content AFTER INSERT ON course_trainers BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER course_trainers_update_content AFTER UPDATE ON course_trainers BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER course_trainers_delete_content AFTER DELETE ON course_trainers BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER modules_insert_content AFTER INSERT ON modules BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER modules_update_content AFTER UPDATE ON modules BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER modules_delete_content AFTER DELETE ON modules BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER module_revisions_insert_content AFTER INSERT ON module_revisions BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER module_revisions_update_content AFTER UPDATE ON module_revisions BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER module_revisions_delete_content AFTER DELETE ON module_revisions BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER quizzes_insert_content AFTER INSERT ON quizzes BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER quizzes_update_content AFTER UPDATE ON quizzes BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER quizzes_delete_content AFTER DELETE ON quizzes BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER quiz_versions_insert_content AFTER INSERT ON quiz_versions BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER quiz_versions_update_content AFTER UPDATE ON quiz_versions BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER quiz_versions_delete_content AFTER DELETE ON quiz_versions BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;
