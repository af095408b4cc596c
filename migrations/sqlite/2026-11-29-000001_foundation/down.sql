DROP TABLE audit_log;
DROP TABLE recovery_codes;
DROP TABLE users;
DROP TABLE secrets;
