package it.comuni.peg.command.obiettivo;

import it.comuni.peg.api.comune.Periodo;

/**
 * One period in which a person is assigned to the objective: {@code persona} is the identificativo in
 * the organigramma, null for a person known by name only.
 */
record Assegnazione(String nome, String persona, Periodo periodo) {

    /**
     * Whether this is the assignment of the person named: by identificativo when both have one (two
     * employees with the same name are two people), else by name (the print knows names only).
     */
    boolean di(String altraPersona, String altroNome) {
        return persona != null && altraPersona != null ? persona.equals(altraPersona) : nome.equals(altroNome);
    }
}
