-- The Idempotency-Key is claimed by the command's unit of work (command-side IdempotenzaInterceptor),
-- in the transaction that appends the command's events, under the aggregate's lock. What a key keeps
-- is now the command's result, serialized as Axon serializes a result (type + bytes; both NULL for a
-- command that answers nothing), from which the HTTP layer rebuilds the first answer; no longer the
-- HTTP answer itself, and no longer a refusal (a refused command appended nothing and may run again).
-- The previous release's processes write the columns dropped below: stop them before this one starts.
ALTER TABLE richiesta_idempotente
    ADD COLUMN tipo_esito VARCHAR(255) NULL AFTER impronta,
    ADD COLUMN esito      LONGBLOB     NULL AFTER tipo_esito;

-- A retry sent across the upgrade still replays what the previous release answered: a new objective
-- (201) answered with its id, any other command (200) with the aggregate's version.
UPDATE richiesta_idempotente
   SET tipo_esito = 'it.comuni.peg.api.comune.ObiettivoId',
       esito      = CONCAT('"', JSON_VALUE(CONVERT(corpo USING utf8mb4), '$.id'), '"')
 WHERE stato_http = 201 AND JSON_VALUE(CONVERT(corpo USING utf8mb4), '$.id') IS NOT NULL;
UPDATE richiesta_idempotente
   SET tipo_esito = 'java.lang.Long',
       esito      = JSON_VALUE(CONVERT(corpo USING utf8mb4), '$.versione')
 WHERE stato_http = 200 AND JSON_VALUE(CONVERT(corpo USING utf8mb4), '$.versione') IS NOT NULL;
-- Anything else was a refusal or the answer of a request that sent no single command (an import, an
-- administrative action), whose key is no longer claimed.
DELETE FROM richiesta_idempotente WHERE esito IS NULL;

ALTER TABLE richiesta_idempotente
    DROP COLUMN stato_http,
    DROP COLUMN tipo_contenuto,
    DROP COLUMN posizione,
    DROP COLUMN etag,
    DROP COLUMN corpo;
