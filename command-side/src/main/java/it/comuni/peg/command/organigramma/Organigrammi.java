package it.comuni.peg.command.organigramma;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a command handler may ask of the enti's organigrammi at the moment it decides, read in the
 * command's own transaction (so a handover recorded a moment ago counts): which ente a name stands
 * for, which strutture and persone exist, who holds the incarico of responsabile of a struttura on
 * a day. The organigramma itself is the event-sourced {@code Organigramma} aggregate, one per ente.
 */
public interface Organigrammi {

    /**
     * The codice IPA an ente is named by on a command or an event: the code itself when such an ente is
     * registered, the registered ente that lists it among its former denominazioni (events recorded
     * before enti had codes name "Comune di Capannori"), empty when neither.
     */
    Optional<String> codiceEnte(String nominato);

    /** The struttura (settore or ufficio) with that code in the ente, whatever its validity; empty when unknown. */
    Optional<StrutturaNota> struttura(String ente, String codice);

    /** The persona with that identificativo (matricola or codice fiscale) in the ente; empty when unknown. */
    Optional<PersonaNota> persona(String ente, String identificativo);

    /** Every persona of the ente, by identificativo; empty for an unknown ente. */
    List<PersonaNota> persone(String ente);

    /**
     * Every incarico ever recorded on the struttura, as it stands after terminations and corrections,
     * by its first day; empty when none or the struttura is unknown.
     */
    List<IncaricoNoto> incarichi(String ente, String struttura);

    /**
     * The persone (identificativi) holding the incarico of responsabile of the struttura on the day,
     * as titolare or ad interim; empty when the struttura is vacant that day or unknown.
     */
    Set<String> responsabili(String ente, String struttura, LocalDate giorno);

    /** A settore or ufficio: for an ufficio, {@code settore} is the code of the settore it belongs to. */
    record StrutturaNota(String codice, String nome, boolean ufficio, String settore, LocalDate dal, LocalDate al) {
    }

    /** A persona of the ente: stable identificativo, name as last corrected. */
    record PersonaNota(String identificativo, String nome) {
    }

    /** An incarico of responsabile: its id, who holds it, from {@code dal} to {@code al} ({@code null}: open-ended). */
    record IncaricoNoto(String incarico, String persona, LocalDate dal, LocalDate al) {
    }
}
