DROP TABLE audit_log;
DROP TABLE recovery_codes;
DROP TABLE users;
DROP TABLE secrets;
DROP FUNCTION audit_log_append_only();
