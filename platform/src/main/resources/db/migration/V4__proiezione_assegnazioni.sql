-- Part of the projection "scheda" (same processing group, same transaction): who is assigned to
-- which objective, so that the individual evaluation finds a person's objectives by name.
CREATE TABLE assegnazione_persona (
    obiettivo_id  VARCHAR(64)   NOT NULL,
    nome          VARCHAR(255)  NOT NULL,
    inizio        DATE          NOT NULL,
    ente          VARCHAR(255)  NOT NULL,
    anno          INT           NOT NULL,
    fine          DATE          NOT NULL,
    PRIMARY KEY (obiettivo_id, nome, inizio),
    INDEX ix_assegnazione_nome (nome, anno)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
