-- Signed checkpoints of the hash chain (sigillo_evento): the head of the chain (global index, hash)
-- at a time, signed with Ed25519 by a key the application keeps outside the database, optionally
-- with an RFC 3161 timestamp. A copy of each, with the per-event hashes it covers, is also written
-- outside the database (peg.audit.checkpoint.esportazione): whoever can rewrite these rows and the
-- chain still cannot sign, and cannot reach the exported copies.
CREATE TABLE checkpoint_firmato (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    -- the last sealed event the checkpoint covers, and its chain hash
    global_index    BIGINT       NOT NULL,
    hash            CHAR(64)     NOT NULL,
    -- the global index of the previous checkpoint (0 for the first): the exported copy lists the
    -- per-event hashes after it, up to global_index
    precedente      BIGINT       NOT NULL,
    preso_il        DATETIME(6)  NOT NULL,
    -- INTERVALLO, ATTO (an act of the cycle was sealed), RICHIESTA (a receipt asked for now)
    motivo          VARCHAR(16)  NOT NULL,
    firma           VARCHAR(128) NOT NULL,
    impronta_chiave CHAR(64)     NOT NULL,
    token_tsa       LONGBLOB,
    PRIMARY KEY (id),
    INDEX ix_checkpoint_global_index (global_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
