-- Projection "storico": every change of every objective, one row per event, in words.
-- The objective's ente and anno are copied on each row so that the storico of a whole PEG and
-- the differences between two instants are one indexed range scan.
CREATE TABLE storico_obiettivo (
    obiettivo_id     VARCHAR(64)   NOT NULL,
    ente             VARCHAR(255)  NOT NULL,
    anno             INT           NOT NULL,
    titolo           VARCHAR(1000) NOT NULL,
    -- the last event applied: an event at or below it is a redelivery and is skipped
    ultima_sequenza  BIGINT        NOT NULL,
    PRIMARY KEY (obiettivo_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE storico_voce (
    obiettivo_id           VARCHAR(64)   NOT NULL,
    sequenza               BIGINT        NOT NULL,
    ente                   VARCHAR(255)  NOT NULL,
    anno                   INT           NOT NULL,
    -- the event's global index: recording order across objectives when timestamps tie
    posizione              BIGINT        NOT NULL,
    registrato_il          DATETIME(6)   NOT NULL,
    utente                 VARCHAR(255),
    ruolo                  VARCHAR(64),
    tipo                   VARCHAR(64)   NOT NULL,
    descrizione            VARCHAR(4000) NOT NULL,
    motivazione            TEXT,
    prima                  LONGTEXT,
    dopo                   LONGTEXT,
    registrato_in_ritardo  BOOLEAN       NOT NULL,
    giorni_ritardo         INT,
    PRIMARY KEY (obiettivo_id, sequenza),
    INDEX ix_storico_peg (ente, anno, registrato_il, posizione),
    INDEX ix_storico_obiettivo_tempo (obiettivo_id, registrato_il)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
