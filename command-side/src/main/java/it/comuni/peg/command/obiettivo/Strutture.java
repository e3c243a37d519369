package it.comuni.peg.command.obiettivo;

import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.command.organigramma.Organigrammi;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settore and ufficio of an objective against the ente's organigramma: the codes must name
 * strutture of the ente (404 naming the code otherwise), a settore a settore and an ufficio an ufficio
 * (409 otherwise), not necessarily one of that settore's. Whether a struttura is in force on a day is not asked: an
 * objective may be planned on a struttura that a reorganisation opens or closes during the year.
 */
final class Strutture {

    private Strutture() {
    }

    /** Checks the settore and the (optional) ufficio of an objective in the ente (codice IPA). */
    static void richiedi(Organigrammi organigrammi, String ente, String settore, String ufficio) {
        Organigrammi.StrutturaNota s = organigrammi.struttura(ente, settore)
                .orElseThrow(() -> new NonTrovato("Settore " + settore + " non trovato nell'organigramma dell'ente " + ente));
        if (s.ufficio()) {
            throw new RegolaViolata(settore + " è un ufficio del settore " + s.settore() + ", non un settore");
        }
        if (ufficio == null) {
            return;
        }
        Organigrammi.StrutturaNota u = organigrammi.struttura(ente, ufficio)
                .orElseThrow(() -> new NonTrovato("Ufficio " + ufficio + " non trovato nell'organigramma dell'ente " + ente));
        if (!u.ufficio()) {
            throw new RegolaViolata(ufficio + " è un settore, non un ufficio");
        }
        // an ufficio of another settore is not refused: the real print has objectives of a settore
        // carried out by an ufficio of another one (UNUOCIT of SSERPERS on objectives of SCITSIND)
    }

    /** The settore as the organigramma names it, with who holds its incarico on the day (informational). */
    static Settore settore(Organigrammi organigrammi, String ente, String codice, LocalDate giorno) {
        return new Settore(codice, nome(organigrammi, ente, codice),
                nomi(organigrammi, ente, organigrammi.responsabili(ente, codice, giorno)).orElse(null));
    }

    /** The ufficio as the organigramma names it, with who holds its incarico on the day (informational). */
    static Ufficio ufficio(Organigrammi organigrammi, String ente, String codice, LocalDate giorno) {
        return new Ufficio(codice, nome(organigrammi, ente, codice),
                nomi(organigrammi, ente, organigrammi.responsabili(ente, codice, giorno)).orElse(null));
    }

    /** The names of the persone (identificativi) of the ente, joined by "e"; empty for nobody. */
    static Optional<String> nomi(Organigrammi organigrammi, String ente, Set<String> persone) {
        return persone.isEmpty() ? Optional.empty() : Optional.of(persone.stream().sorted()
                .map(p -> organigrammi.persona(ente, p).map(Organigrammi.PersonaNota::nome).orElse(p))
                .collect(Collectors.joining(" e ")));
    }

    private static String nome(Organigrammi organigrammi, String ente, String codice) {
        return organigrammi.struttura(ente, codice).map(Organigrammi.StrutturaNota::nome).orElse(null);
    }
}
