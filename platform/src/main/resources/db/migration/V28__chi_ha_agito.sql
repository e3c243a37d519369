-- Who acted, in the storico, and people by identificativo in the index of the individual evaluation.
--
-- storico_voce.persona: the persona of the organigramma the user acted as (Metadati.PERSONA: a matricola
-- or codice fiscale), or, on events recorded before the organigramma, a name as the PEG printed it; NULL
-- when the event carries none. Kept as recorded: the name shown beside it is read from the organigramma
-- at read time, so a corrected name shows corrected. Wide as a name on an old event may be.
-- storico_voce.settore / ufficio: where the objective stood when the event was recorded (codes), from
-- which a read tells by whose incarico a progress event was recorded. storico_obiettivo carries the
-- objective's current ones to file the next event with.
ALTER TABLE storico_voce
    ADD COLUMN persona VARCHAR(1000) NULL,
    ADD COLUMN settore VARCHAR(1000) NULL,
    ADD COLUMN ufficio VARCHAR(1000) NULL;
ALTER TABLE storico_obiettivo
    ADD COLUMN settore VARCHAR(1000) NULL,
    ADD COLUMN ufficio VARCHAR(1000) NULL;

-- Rows already projected: the persona from the metadata of their own event (never rewritten, only read),
-- the objective's current collocation from the scheda (a move the storico has not yet seen is applied
-- when it arrives). Lines projected before this migration keep settore and ufficio NULL until the
-- storico is rebuilt: their progress shows who acted, not by whose incarico.
UPDATE storico_voce v
    JOIN domain_event_entry e ON e.aggregate_identifier = v.obiettivo_id AND e.sequence_number = v.sequenza
SET v.persona = JSON_VALUE(CONVERT(e.meta_data USING utf8mb4), '$.persona');
UPDATE storico_obiettivo o
    JOIN scheda_obiettivo s ON s.obiettivo_id = o.obiettivo_id
SET o.settore = s.settore, o.ufficio = s.ufficio;

-- Two people with the same name are two people when the organigramma tells them apart: the
-- assignment's key takes the identificativo ('' for a person known by name only). The name's prefix in
-- the key shrinks from 700 to 670 characters so that 64 + 670 + 32 characters of 4 bytes and a date
-- fit InnoDB's 3,072 bytes.
ALTER TABLE assegnazione_persona ADD COLUMN persona VARCHAR(32) NOT NULL DEFAULT '';
ALTER TABLE assegnazione_persona DROP PRIMARY KEY;
ALTER TABLE assegnazione_persona ADD PRIMARY KEY (obiettivo_id, nome(670), inizio, persona);
ALTER TABLE assegnazione_persona ADD INDEX ix_assegnazione_persona (persona, anno);
