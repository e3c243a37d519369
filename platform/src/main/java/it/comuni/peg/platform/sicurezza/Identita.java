package it.comuni.peg.platform.sicurezza;

import java.util.Set;

/**
 * Who is acting: the account, the enti it acts in with its role and person in each ({@link Accessi}:
 * from the identity provider's claims when it emits them, else data kept in the table {@code accesso}),
 * the installation's roles it holds ({@link Ruolo#OPS}, {@link Ruolo#AMMINISTRATORE}, from its
 * credentials), and how it signed in ({@link Provenienza}).
 */
public record Identita(String utente, Accessi accessi, Set<Ruolo> installazione, Provenienza provenienza) {

    public Identita {
        accessi = accessi == null ? Accessi.NESSUNO : accessi;
        installazione = installazione == null ? Set.of() : Set.copyOf(installazione);
        provenienza = provenienza == null ? Provenienza.IGNOTA : provenienza;
    }

    public boolean amministratore() {
        return installazione.contains(Ruolo.AMMINISTRATORE);
    }

    /** Neither a role in any ente nor one of the installation's: signed in, but with nothing to do here. */
    public boolean senzaRuoli() {
        return accessi.vuoto() && installazione.isEmpty();
    }
}
