DROP TABLE attempt_answers;
DROP TABLE attempts;
DROP TABLE quiz_versions;
DROP TABLE quizzes;
