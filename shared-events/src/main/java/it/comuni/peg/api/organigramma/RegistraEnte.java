package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.ValoreNonValido;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The installation's administrator registers an ente: its codice IPA ({@code c_b648}), official name
 * ("Comune di Capannori"), codice ISTAT (six digits, optional) and the names under which events recorded
 * before enti had codes name it ("Comune di Capannori", as objectives imported from its PEG say).
 * Creates the ente's organigramma. Texts beyond their {@link Limite} are refused naming each field.
 */
public record RegistraEnte(
        @TargetAggregateIdentifier String ente,
        String nome,
        String codiceIstat,
        List<String> denominazioniPrecedenti) implements ComandoOrganigramma {

    public RegistraEnte {
        ente = Codici.ente(ente);
        codiceIstat = Codici.istat(codiceIstat);
        Lunghezze lunghezze = new Lunghezze().testo("nome", nome, Limite.ENTE);
        List<String> denominazioni = new ArrayList<>();
        if (denominazioniPrecedenti != null) {
            for (int i = 0; i < denominazioniPrecedenti.size(); i++) {
                String d = denominazioniPrecedenti.get(i);
                String campo = "denominazioniPrecedenti[" + i + "]";
                if (d == null || d.isBlank()) {
                    throw new ValoreNonValido(campo, "Una denominazione precedente non può essere vuota");
                }
                lunghezze.testo(campo, d, Limite.ENTE);
                denominazioni.add(d.strip());
            }
        }
        lunghezze.verifica();
        denominazioniPrecedenti = List.copyOf(denominazioni);
    }
}
