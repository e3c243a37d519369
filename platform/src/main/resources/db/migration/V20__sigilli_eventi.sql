-- The hash chain over the event store, in global-index order (tamper evidence). Each row seals one
-- event: its hash covers the previous hash and the event's stored identifier, aggregate, sequence,
-- type, payload, metadata and timestamp. Written by the single-segment processor "sigilli".
CREATE TABLE sigillo_evento (
    global_index    BIGINT      NOT NULL,
    hash            CHAR(64)    NOT NULL,
    hash_precedente CHAR(64)    NOT NULL,
    sigillato_il    DATETIME(6) NOT NULL,
    PRIMARY KEY (global_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
