-- The product team renamed "name" to "display_name"; the legacy column goes away.
ALTER TABLE users RENAME COLUMN name TO display_name;
ALTER TABLE users DROP COLUMN created_at;
