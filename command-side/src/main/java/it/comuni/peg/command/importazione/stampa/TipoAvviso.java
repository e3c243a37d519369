package it.comuni.peg.command.importazione.stampa;

/** The kinds of finding about the print: each one is reported with its line, none stops the import. */
public enum TipoAvviso {
    /** The body spells a settore or ufficio code differently from the index (the index code is kept). */
    CODICE_DIVERSO_DALL_INDICE,
    /** A settore or ufficio of the body that the index does not list. */
    NON_NELL_INDICE,
    /** A settore listed (in the index or the body) under which no objective is printed. */
    SETTORE_SENZA_OBIETTIVI,
    /** An ufficio listed (in the index or the body) under which no objective is printed. */
    UFFICIO_SENZA_OBIETTIVI,
    /** A settore or ufficio whose responsabile cell is empty. */
    RESPONSABILE_MANCANTE,
    /** A heading not followed by its "Responsabile" row: whether it is a settore or an ufficio is guessed. */
    INTESTAZIONE_INCERTA,
    OBIETTIVO_SENZA_PERSONE,
    OBIETTIVO_SENZA_FASI,
    FASE_SENZA_DATE,
    /** Numbered by its position in the table. */
    FASE_SENZA_NUMERO,
    /** A number the aggregate cannot take (0, or repeated): the phase gets the next free number. */
    FASE_NUMERO_NON_VALIDO,
    DATA_NON_VALIDA,
    /** A table or a Descrizione that continues after a page break. */
    TABELLA_SPEZZATA,
    /** The same person twice in one objective with overlapping periods: one assignment, roles joined. */
    PERSONA_RIPETUTA,
    /** Marks on a merged "Previsto Consuntivo" row: read as the planned months. */
    CRONOPROGRAMMA_RIGHE_UNITE,
    /** Marks on a Consuntivo row: progress is recorded month by month, not imported from a print. */
    CONSUNTIVO_NON_IMPORTATO,
    /** A cronoprogramma row that matches no phase by title: matched by position, or ignored. */
    CRONOPROGRAMMA_NON_CORRISPONDE,
    /** An indicator table row: the print gives neither direction nor weight, which a command needs. */
    INDICATORE_NON_IMPORTATO,
    /** A line the reader could not place anywhere. */
    RIGA_NON_RICONOSCIUTA,
    /** The file ends inside an objective. */
    STAMPA_TRONCATA,
    /** The file is not UTF-8: read as Windows-1252. */
    CODIFICA_NON_UTF8,
    /** CSV: a column the format does not know (a typo in the header?): its cells are ignored. */
    COLONNA_SCONOSCIUTA,
    /** CSV: rows whose chiave has no OBIETTIVO row: ignored, they belong to no objective. */
    CHIAVE_SENZA_OBIETTIVO,
    /** CSV: an objective of another year (column anno) imported into this one: its dates move by whole years. */
    DATE_SPOSTATE,
    /** An objective skipped whole: its message says why. Nothing of it is imported. */
    OBIETTIVO_ILLEGGIBILE,
    /** An objective the command side refused although it passed the checks: nothing of it is imported. */
    OBIETTIVO_RIFIUTATO
}
