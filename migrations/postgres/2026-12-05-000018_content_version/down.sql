DROP TRIGGER quiz_versions_content ON quiz_versions;
DROP TRIGGER courses_content ON courses;
DROP TRIGGER course_texts_content ON course_texts;
DROP TRIGGER course_trainers_content ON course_trainers;
DROP TRIGGER modules_content ON modules;
DROP TRIGGER module_revisions_content ON module_revisions;
DROP TRIGGER quizzes_content ON quizzes;
DROP FUNCTION bump_content_version();
DROP TABLE content_version;
