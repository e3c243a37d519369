package it.comuni.peg.api.comune;

/**
 * A value that can never be valid, whatever the state of the aggregate (a percentage of 140, a blank
 * motivazione). Names the field, so that the HTTP layer can answer 400 pointing at it.
 */
public class ValoreNonValido extends IllegalArgumentException {

    private final String campo;

    public ValoreNonValido(String campo, String messaggio) {
        super(messaggio);
        this.campo = campo;
    }

    public String campo() {
        return campo;
    }
}
