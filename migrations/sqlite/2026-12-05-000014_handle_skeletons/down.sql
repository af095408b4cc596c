DROP INDEX users_handle_skeleton;
ALTER TABLE users DROP COLUMN handle_skeleton;
