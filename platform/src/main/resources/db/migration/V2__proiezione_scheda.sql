-- Projection "scheda": one row per Obiettivo PEG. The scheda itself is a JSON document (the exact
-- tree the API returns, without the day-dependent stato); the other columns exist to filter the
-- PEG list in SQL. Settore, ufficio, titolo and ente never change after ObiettivoDefinito, so an
-- as-of list may filter on them too.
CREATE TABLE scheda_obiettivo (
    obiettivo_id          VARCHAR(64)   NOT NULL,
    ente                  VARCHAR(255)  NOT NULL,
    anno                  INT           NOT NULL,
    settore               VARCHAR(255)  NOT NULL,
    ufficio               VARCHAR(255),
    responsabile_settore  VARCHAR(1000),
    responsabile_ufficio  VARCHAR(1000),
    titolo                VARCHAR(1000) NOT NULL,
    -- the three facts the stato of a day is computed from (see StatoAlGiorno)
    completato            BOOLEAN       NOT NULL,
    avviato               BOOLEAN       NOT NULL,
    scadenza_aperta       DATE,
    versione              BIGINT        NOT NULL,
    definito_il           DATETIME(6)   NOT NULL,
    documento             LONGTEXT      NOT NULL,
    PRIMARY KEY (obiettivo_id),
    INDEX ix_scheda_peg (ente, anno, settore, ufficio),
    INDEX ix_scheda_peg_definito (ente, anno, definito_il)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
