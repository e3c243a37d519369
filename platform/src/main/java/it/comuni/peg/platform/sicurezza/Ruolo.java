package it.comuni.peg.platform.sicurezza;

/** The roles of the PEG cycle (see DOMAIN.md, "Who uses it"). */
public enum Ruolo {
    CONTROLLO_GESTIONE,
    DIRIGENTE,
    RESPONSABILE_UFFICIO,
    NUCLEO,
    OPS;

    public String autorita() {
        return "ROLE_" + name();
    }
}
