-- How the author of each storico line had signed in (issue of the ente's identity provider): the means
-- (Provenienza.Modo: OPENID_CONNECT, TOKEN, PASSWORD), the provider that vouched for the identity (its
-- issuer, absent for a password user) and when the person authenticated (auth_time). From the event's own
-- metadata (Metadati.AUTENTICAZIONE, EMITTENTE, AUTENTICATO_IL); events recorded before they existed carry
-- none, so the lines they project keep NULL (the storico says the means was not recorded).
ALTER TABLE storico_voce
    ADD COLUMN autenticazione VARCHAR(20) NULL,
    ADD COLUMN emittente VARCHAR(1000) NULL,
    ADD COLUMN autenticato_il DATETIME(6) NULL;
