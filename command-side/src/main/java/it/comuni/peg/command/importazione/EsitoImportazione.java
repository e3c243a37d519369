package it.comuni.peg.command.importazione;

import it.comuni.peg.command.importazione.stampa.Avviso;

import java.util.List;

/**
 * The report of an import, the same over HTTP and on the command line. obiettivi, fasi and
 * assegnazioni count what the file holds; persone the distinct people; nuovi the objectives this
 * import created, giaPresenti those already in the event store; organigramma what this import added
 * to the ente's organigramma. An objective neither new nor already there was not imported: an
 * OBIETTIVO_ILLEGGIBILE or OBIETTIVO_RIFIUTATO finding says why.
 */
public record EsitoImportazione(
        int obiettivi,
        int fasi,
        int assegnazioni,
        int persone,
        int settori,
        int uffici,
        int nuovi,
        int giaPresenti,
        Aggiunte organigramma,
        List<Avviso> avvisi) {

    /** Strutture instituted, persone registered and incarichi conferred by this import (0 when it found them all). */
    public record Aggiunte(int strutture, int persone, int incarichi) {
    }
}
