package it.comuni.peg.command.importazione;

import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.persona.AssegnaPersona;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every command that puts one objective of the print into the event store, first the definition:
 * all checked before any is sent, so that an objective is imported whole or not at all.
 */
public record PianoObiettivo(ObiettivoId id, int riga, String titolo, List<Object> comandi) {

    /**
     * The same plan with each person assigned by the identificativo the organigramma has for the name
     * ({@code identificativo}: empty when it has none, and the person stays assigned by name).
     */
    PianoObiettivo conPersone(Function<String, Optional<String>> identificativo) {
        List<Object> conPersone = comandi.stream().map(c -> c instanceof AssegnaPersona a && a.persona() == null
                ? identificativo.apply(a.nome()).<Object>map(p -> new AssegnaPersona(a.obiettivoId(), a.nome(), p, a.categoria(),
                        a.ruolo(), a.inizio(), a.fine())).orElse(a)
                : c).toList();
        return new PianoObiettivo(id, riga, titolo, conPersone);
    }
}
