package it.comuni.peg.api.organigramma;

import java.util.List;

/**
 * An ente exists, by its codice IPA; {@code denominazioniPrecedenti} are the names that events recorded
 * before codes (objectives, cycles) carry in their {@code ente} field, mapped to this code when read.
 */
public record EnteRegistrato(String ente, String nome, String codiceIstat, List<String> denominazioniPrecedenti) {

    public EnteRegistrato {
        denominazioniPrecedenti = denominazioniPrecedenti == null ? List.of() : List.copyOf(denominazioniPrecedenti);
    }
}
