-- The projections hold whatever an event may hold (it.comuni.peg.api.comune.Limite#capienzaEventi): the
-- write side has always accepted 1,000 characters in a short text (ente, settore and ufficio codes, a
-- person's name), while these columns stopped at 255, so an objective with a longer code was accepted and
-- its events could never be projected. Events are never rewritten: the columns grow to what old events
-- may carry, whatever today's stricter limits on commands. query-side's ColonneProiezioniTest checks every
-- column against the limits.
--
-- InnoDB keys hold at most 3,072 bytes (768 utf8mb4 characters): the indexes on the widened columns take
-- prefixes. 255 characters of an ente (its old full width) and 100 of a code tell rows apart as before; a
-- lookup still compares the whole value.
--
-- One change per statement: MariaDB 10.11.5, asked to modify the columns and drop and add their indexes
-- in one ALTER TABLE, built an ix_scheda_peg_definito that found no row (seen here; the same steps one
-- by one build correct indexes).

ALTER TABLE scheda_obiettivo DROP INDEX ix_scheda_peg, DROP INDEX ix_scheda_peg_definito;
ALTER TABLE scheda_obiettivo
    MODIFY ente    VARCHAR(1000) NOT NULL,
    MODIFY settore VARCHAR(1000) NOT NULL,
    MODIFY ufficio VARCHAR(1000);
ALTER TABLE scheda_obiettivo ADD INDEX ix_scheda_peg (ente(255), anno, settore(100), ufficio(100));
ALTER TABLE scheda_obiettivo ADD INDEX ix_scheda_peg_definito (ente(255), anno, definito_il);

ALTER TABLE storico_obiettivo MODIFY ente VARCHAR(1000) NOT NULL;

-- descrizione is a sentence built from the event's texts (a title, codes, names): TEXT holds 16,383
-- characters of 4 bytes, beyond any sentence the narrator can write from fields within their capacity.
ALTER TABLE storico_voce DROP INDEX ix_storico_peg;
ALTER TABLE storico_voce
    MODIFY ente        VARCHAR(1000) NOT NULL,
    MODIFY descrizione TEXT          NOT NULL;
ALTER TABLE storico_voce ADD INDEX ix_storico_peg (ente(255), anno, registrato_il, posizione);

-- A person's name is part of the key, and the aggregate tells names apart exactly (normalised upper
-- case, compared with equals): utf8mb4_bin does the same. utf8mb4_unicode_ci held "NICOLÒ" and "NICOLO",
-- or any two names differing only by a 4-byte character (it weighs them all alike), for the same key, and
-- the second assignment failed at commit. The key takes the first 700 characters of the name: 64 + 700
-- characters of 4 bytes and a date fit InnoDB's 3,072 bytes; two names alike for 700 characters and
-- different after can only come from events older than the 100-character limit on names.
ALTER TABLE assegnazione_persona DROP PRIMARY KEY, DROP INDEX ix_assegnazione_nome;
ALTER TABLE assegnazione_persona
    MODIFY nome VARCHAR(1000) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY ente VARCHAR(1000) NOT NULL;
ALTER TABLE assegnazione_persona ADD PRIMARY KEY (obiettivo_id, nome(700), inizio);
ALTER TABLE assegnazione_persona ADD INDEX ix_assegnazione_nome (nome(255), anno);
