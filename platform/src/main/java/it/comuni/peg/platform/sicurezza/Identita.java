package it.comuni.peg.platform.sicurezza;

import java.util.Set;

/**
 * Who is acting: the account, the enti it acts in with its role and person in each ({@link Accessi},
 * data kept in the table {@code accesso}), and the installation's roles it holds ({@link Ruolo#OPS},
 * {@link Ruolo#AMMINISTRATORE}, from its credentials' authorities).
 */
public record Identita(String utente, Accessi accessi, Set<Ruolo> installazione) {

    public Identita {
        accessi = accessi == null ? Accessi.NESSUNO : accessi;
        installazione = installazione == null ? Set.of() : Set.copyOf(installazione);
    }

    public boolean amministratore() {
        return installazione.contains(Ruolo.AMMINISTRATORE);
    }
}
