package it.comuni.peg.api.comune;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Several fields of one command are invalid at once (texts beyond their {@link Limite}): each is
 * named, so that the HTTP layer answers one 400 listing them all. {@link #campo()} is the first.
 */
public class ValoriNonValidi extends ValoreNonValido {

    private final List<Errore> errori;

    public ValoriNonValidi(List<Errore> errori) {
        super(errori.get(0).campo(), messaggio(errori));
        this.errori = List.copyOf(errori);
    }

    /** One invalid field: its name (the JSON path of the API's body) and what is wrong with it. */
    public record Errore(String campo, String messaggio) {
    }

    /** Every invalid field, in the order the command checks them; never empty. */
    public List<Errore> errori() {
        return errori;
    }

    private static String messaggio(List<Errore> errori) {
        if (errori.size() == 1) {
            return errori.get(0).messaggio();
        }
        return "Alcuni campi non sono validi: " + errori.stream().map(Errore::campo).collect(Collectors.joining(", "));
    }
}
