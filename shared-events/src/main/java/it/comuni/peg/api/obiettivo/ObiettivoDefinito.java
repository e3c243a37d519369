package it.comuni.peg.api.obiettivo;

import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;

public record ObiettivoDefinito(
        ObiettivoId obiettivoId,
        String ente,
        int anno,
        String titolo,
        String descrizione,
        Settore settore,
        Ufficio ufficio,
        Peso pesoIndicatori,
        Peso pesoFasi,
        RiferimentoDup dupStrategico,
        RiferimentoDup dupOperativo) {
}
