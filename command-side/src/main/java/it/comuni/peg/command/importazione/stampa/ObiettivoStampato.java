package it.comuni.peg.command.importazione.stampa;

import java.math.BigDecimal;
import java.util.List;

/**
 * One "Obiettivo PEG" of the print, as read. {@code difetti} lists why it cannot be imported
 * faithfully (a date that does not exist, weights missing, the file ending inside it): when it is not
 * empty the objective is skipped whole.
 */
public record ObiettivoStampato(
        int riga,
        Struttura settore,
        Struttura ufficio,
        String titolo,
        BigDecimal pesoIndicatori,
        BigDecimal pesoFasi,
        String descrizione,
        RiferimentoStampato dupStrategico,
        RiferimentoStampato dupOperativo,
        List<PersonaStampata> persone,
        List<FaseStampata> fasi,
        List<IndicatoreStampato> indicatori,
        List<String> difetti) {

    public boolean leggibile() {
        return difetti.isEmpty();
    }
}
