-- Users of an external MariaDB for the PEG (run once as an administrator, before the first start;
-- change the passwords). The owner applies the Flyway migrations and, after each of them, grants
-- the application user its rights on every table (PermessiApplicazione), so that a table a new
-- migration adds is never forgotten:
--   domain_event_entry, domain_event_entry_seq, sigillo_evento,
--   checkpoint_firmato                                           SELECT, INSERT  (no UPDATE, no DELETE)
--   flyway_schema_history                                        SELECT
--   every other table (projections, tokens, dead letters, ...)  SELECT, INSERT, UPDATE, DELETE
-- A stolen application password cannot rewrite history, and the chain of seals
-- (GET /api/audit/verifica) detects whoever does it with the owner's or an administrator's rights.
CREATE DATABASE IF NOT EXISTS peg CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE USER IF NOT EXISTS 'peg_owner'@'%' IDENTIFIED BY 'cambiami-owner';
-- GRANT OPTION: to hand the application user its table rights after each migration
GRANT ALL PRIVILEGES ON peg.* TO 'peg_owner'@'%' WITH GRANT OPTION;

CREATE USER IF NOT EXISTS 'peg_app'@'%' IDENTIFIED BY 'cambiami-app';
-- The sealer seals past a hole in the global index (a rolled-back insert) as soon as no transaction
-- older than the hole is open: it reads that in information_schema.INNODB_TRX, which needs PROCESS.
-- Optional: without it a hole waits for the gap timeout (10 minutes) before the sealing goes on.
GRANT PROCESS ON *.* TO 'peg_app'@'%';
