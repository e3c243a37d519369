-- What token_entry cannot say of a segment of an event processor, kept where every node reads it
-- (it.comuni.peg.platform.processori.SorveglianzaSegmenti): since when its position has not moved while
-- events waited beyond it, and the last error it met. Any node that runs the processor records what it
-- sees of the shared token store (a conditional update, so that several nodes agree); the node that
-- holds the segment records its errors. Times are UTC, at microseconds.
CREATE TABLE segmento_processore (
    processore  VARCHAR(255)  NOT NULL,
    segmento    INT           NOT NULL,
    -- the token's position when last seen; NULL for a token without one (at the tail)
    posizione   BIGINT,
    -- when that position was first seen
    avanzato_il DATETIME(6)   NOT NULL,
    -- since when it has stood at that position with the head of the store beyond it; NULL when caught up
    fermo_dal   DATETIME(6),
    -- the last failure of the segment: the innermost exception, as the database or the handler said it
    errore      VARCHAR(1000),
    errore_il   DATETIME(6),
    errore_nodo VARCHAR(255),
    PRIMARY KEY (processore, segmento)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
