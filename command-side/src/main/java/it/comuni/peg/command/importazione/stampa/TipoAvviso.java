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
    /**
     * Organigramma: the settori and uffici the file shows and the organigramma lacked, instituted from
     * 1 January of the PEG's year (one finding listing them; an ufficio under the settore the index, or
     * the first objective naming it, puts it).
     */
    STRUTTURE_ISTITUITE,
    /**
     * Organigramma: the persone the file names and the organigramma lacked, registered with a provisional
     * identificativo made from the name (the print has no matricola): one finding listing them.
     */
    IDENTIFICATIVI_PROVVISORI,
    /** Organigramma: the responsabile printed for a struttura recorded as its titolare from 1 January, to be confirmed by its act. */
    INCARICO_DALLA_STAMPA,
    /** Organigramma: a responsabile printed but not recorded (the organigramma names another, or the file names two). */
    INCARICO_NON_REGISTRATO,
    /** Organigramma: a settore or ufficio with no responsabile printed and none in the organigramma on 1 January: vacant. */
    STRUTTURA_VACANTE,
    /** Organigramma: one person written two ways (accents, spaces, apostrophes): one persona, under the first spelling. */
    NOME_IN_DUE_GRAFIE,
    /** Organigramma: a change the organigramma refused (its message says why); the objectives that need it may be refused too. */
    ORGANIGRAMMA_RIFIUTATO,
    /** An objective skipped whole: its message says why. Nothing of it is imported. */
    OBIETTIVO_ILLEGGIBILE,
    /** An objective the command side refused although it passed the checks: nothing of it is imported. */
    OBIETTIVO_RIFIUTATO
}
