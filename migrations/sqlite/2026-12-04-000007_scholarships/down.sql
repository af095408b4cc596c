DROP TABLE cohort_members;
DROP TABLE reviews;
DROP TABLE applications;
DROP TABLE programme_reviewers;
DROP TABLE programmes;
