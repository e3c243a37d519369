package it.comuni.peg.platform.sicurezza;

/**
 * The roles of the PEG cycle (see DOMAIN.md, "Who uses it"). The first four are held in an ente
 * (a user may be nucleo in three comuni and nothing in a fourth: {@link Accessi}); {@code OPS} and
 * {@code AMMINISTRATORE} belong to the installation, whatever the ente.
 */
public enum Ruolo {
    CONTROLLO_GESTIONE("Controllo di gestione"),
    DIRIGENTE("Dirigente"),
    RESPONSABILE_UFFICIO("Responsabile d'ufficio"),
    NUCLEO("Nucleo di valutazione"),
    /** Watches the installation: metrics, health. Reads no ente's data. */
    OPS("Operazioni"),
    /** Administers the installation: registers enti, grants their first accessi, runs the processors. */
    AMMINISTRATORE("Amministratore dell'installazione");

    private final String descrizione;

    Ruolo(String descrizione) {
        this.descrizione = descrizione;
    }

    public String autorita() {
        return "ROLE_" + name();
    }

    /** The role in Italian words, as pages and problems show it. */
    public String descrizione() {
        return descrizione;
    }

    /** {@code true} for a role held in an ente (granted per ente as data), {@code false} for the installation's. */
    public boolean diEnte() {
        return this != OPS && this != AMMINISTRATORE;
    }
}
