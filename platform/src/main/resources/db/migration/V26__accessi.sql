-- Which enti a user acts in, with which role and as which person of the ente's organigramma: data
-- that the ente's controllo di gestione (or the installation's administrator) maintains through
-- /api/enti/{ente}/accessi, read on every request. One role per user and ente; ente is a codice IPA,
-- persona a matricola or codice fiscale (NULL for someone outside the organigramma, e.g. an external
-- member of the nucleo). concesso_da/concesso_il say who granted it and when (UTC).
CREATE TABLE accesso (
    utente      VARCHAR(255) NOT NULL,
    ente        VARCHAR(20)  NOT NULL,
    ruolo       VARCHAR(32)  NOT NULL,
    persona     VARCHAR(32)  NULL,
    concesso_da VARCHAR(255) NOT NULL,
    concesso_il DATETIME(6)  NOT NULL,
    PRIMARY KEY (utente, ente),
    KEY accesso_per_ente (ente, utente)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
