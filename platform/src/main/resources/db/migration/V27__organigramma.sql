-- The organigramma of each ente (event-sourced: aggregate Organigramma, one stream per codice IPA), kept
-- in two sets of tables that the code never mixes:
--
-- comando_*: what the command handlers consult while they decide (Organigrammi: an ente by code or
-- former name, strutture, persone, who is responsabile on a day). Written by the subscribing processor
-- "organigrammi" in the very transaction that appends the organigramma's events, so a handover
-- recorded a moment ago already counts for the next command. The unique key on the denominazione is
-- what keeps a former name to one ente, even when two enti claim it at once.
--
-- organigramma_*: the read side (projection "organigramma", a streaming processor like the others,
-- rebuilt from the events with them), which GET /api/enti/{ente}/organigramma and /incarichi read.
--
-- Codes are bounded by what the organigramma's commands have ever accepted (api.organigramma.Codici:
-- codice IPA 20, identificativo 32, incarico 64; a struttura's code Limite.CODICE, 20); names and acts
-- by what an event may hold (1,000 characters: Limite#capienzaEventi). Codes compare exactly
-- (utf8mb4_bin); a former denominazione compares as people read it (utf8mb4_unicode_ci: "COMUNE DI
-- PROVA" is "Comune di Prova"), both in the lookup and in its unique key.

CREATE TABLE comando_ente (
    ente         VARCHAR(20)   NOT NULL,
    nome         VARCHAR(1000) NOT NULL,
    PRIMARY KEY (ente)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE comando_denominazione (
    denominazione VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    ente          VARCHAR(20)  NOT NULL,
    PRIMARY KEY (denominazione)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE comando_struttura (
    ente    VARCHAR(20)   NOT NULL,
    codice  VARCHAR(20)   NOT NULL,
    nome    VARCHAR(1000) NOT NULL,
    tipo    VARCHAR(16)   NOT NULL,
    settore VARCHAR(20)   NULL,
    dal     DATE          NOT NULL,
    al      DATE          NULL,
    PRIMARY KEY (ente, codice)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE comando_persona (
    ente           VARCHAR(20)   NOT NULL,
    identificativo VARCHAR(32)   NOT NULL,
    nome           VARCHAR(1000) NOT NULL,
    PRIMARY KEY (ente, identificativo)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE comando_incarico (
    ente      VARCHAR(20) NOT NULL,
    incarico  VARCHAR(64) NOT NULL,
    struttura VARCHAR(20) NOT NULL,
    persona   VARCHAR(32) NOT NULL,
    dal       DATE        NOT NULL,
    al        DATE        NULL,
    PRIMARY KEY (ente, incarico),
    KEY comando_incarico_struttura (ente, struttura, dal)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- versione: the sequence number of the last event of the ente's stream applied (idempotence: an event
-- at or below it, seen again after a token was stolen, changes nothing).
CREATE TABLE organigramma_ente (
    ente         VARCHAR(20)   NOT NULL,
    nome         VARCHAR(1000) NOT NULL,
    codice_istat VARCHAR(6)    NULL,
    versione     BIGINT        NOT NULL,
    PRIMARY KEY (ente)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE organigramma_denominazione (
    denominazione VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    ente          VARCHAR(20)  NOT NULL,
    PRIMARY KEY (denominazione),
    KEY organigramma_denominazione_ente (ente)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE organigramma_struttura (
    ente    VARCHAR(20)   NOT NULL,
    codice  VARCHAR(20)   NOT NULL,
    nome    VARCHAR(1000) NOT NULL,
    tipo    VARCHAR(16)   NOT NULL,
    settore VARCHAR(20)   NULL,
    dal     DATE          NOT NULL,
    al      DATE          NULL,
    PRIMARY KEY (ente, codice)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE organigramma_persona (
    ente           VARCHAR(20)   NOT NULL,
    identificativo VARCHAR(32)   NOT NULL,
    nome           VARCHAR(1000) NOT NULL,
    PRIMARY KEY (ente, identificativo)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE organigramma_incarico (
    ente      VARCHAR(20)   NOT NULL,
    incarico  VARCHAR(64)   NOT NULL,
    struttura VARCHAR(20)   NOT NULL,
    persona   VARCHAR(32)   NOT NULL,
    tipo      VARCHAR(16)   NOT NULL,
    dal       DATE          NOT NULL,
    al        DATE          NULL,
    atto      VARCHAR(1000) NOT NULL,
    PRIMARY KEY (ente, incarico),
    KEY organigramma_incarico_struttura (ente, struttura, dal)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
