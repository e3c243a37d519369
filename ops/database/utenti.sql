-- Users of an external MariaDB for the PEG (run once as an administrator; change the passwords).
-- The owner applies the Flyway migrations; the application user can only insert and read the
-- event store and the chain of seals: no UPDATE, no DELETE. A stolen application password cannot
-- rewrite history, and the chain of seals (GET /api/audit/verifica) detects whoever does it with
-- the owner's or an administrator's rights.
CREATE DATABASE IF NOT EXISTS peg CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE USER IF NOT EXISTS 'peg_owner'@'%' IDENTIFIED BY 'cambiami-owner';
GRANT ALL PRIVILEGES ON peg.* TO 'peg_owner'@'%';

CREATE USER IF NOT EXISTS 'peg_app'@'%' IDENTIFIED BY 'cambiami-app';
-- the facts: append and read only
GRANT SELECT, INSERT ON peg.domain_event_entry TO 'peg_app'@'%';
GRANT SELECT, INSERT ON peg.sigillo_evento TO 'peg_app'@'%';
-- the global index comes from a sequence
GRANT SELECT, INSERT ON peg.domain_event_entry_seq TO 'peg_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON peg.association_value_entry_seq TO 'peg_app'@'%';
-- derived or bookkeeping data the application rewrites: snapshots are replaced, tokens move,
-- dead letters are retried, projections are rebuilt, idempotent answers are kept
GRANT SELECT, INSERT, UPDATE, DELETE ON peg.snapshot_event_entry TO 'peg_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON peg.token_entry TO 'peg_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON peg.dead_letter_entry TO 'peg_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON peg.saga_entry TO 'peg_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON peg.association_value_entry TO 'peg_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON peg.richiesta_idempotente TO 'peg_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON peg.scheda_obiettivo TO 'peg_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON peg.storico_obiettivo TO 'peg_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON peg.storico_voce TO 'peg_app'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON peg.assegnazione_persona TO 'peg_app'@'%';
-- the sealer seals past a hole in the global index (a rolled-back insert) as soon as no transaction
-- older than the hole is open: it reads that in information_schema.INNODB_TRX, which needs PROCESS.
-- Optional: without it a hole waits for the gap timeout (10 minutes) before the sealing goes on.
GRANT PROCESS ON *.* TO 'peg_app'@'%';
-- Flyway's history, read at start-up to check that the schema is the expected one
GRANT SELECT ON peg.flyway_schema_history TO 'peg_app'@'%';
