package it.comuni.peg.command.organigramma;

import it.comuni.peg.api.organigramma.RegistraEnte;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The demo enti as configured under {@code peg.enti-dimostrativi} (application.yml): the one place that
 * says what each is called. {@link EntiDimostrativi} registers them on the embedded default; the demo
 * ({@code --demo}) registers its own from here when a fresh database lacks it. Bound wherever a
 * component enables it ({@code @EnableConfigurationProperties}), whatever the database.
 *
 * @param entiDimostrativi the listed enti, in order; empty when none is listed
 */
@ConfigurationProperties(prefix = "peg")
public record ElencoEntiDimostrativi(List<Ente> entiDimostrativi) {

    public ElencoEntiDimostrativi {
        entiDimostrativi = entiDimostrativi == null ? List.of() : entiDimostrativi;
    }

    /**
     * One listed ente.
     *
     * @param ente                    its codice IPA ({@code c_b648})
     * @param nome                    its official name
     * @param codiceIstat             six digits, or {@code null}
     * @param denominazioniPrecedenti the names older events may carry
     */
    public record Ente(String ente, String nome, String codiceIstat, List<String> denominazioniPrecedenti) {

        /** The command that registers it, as the installation's administrator would. */
        public RegistraEnte registrazione() {
            return new RegistraEnte(ente, nome, codiceIstat, denominazioniPrecedenti);
        }
    }

    /**
     * The listed ente with that codice IPA.
     *
     * @throws IllegalStateException when the configuration does not list it (the message says which key to fill)
     */
    public Ente ente(String codice) {
        return entiDimostrativi.stream().filter(e -> codice.equals(e.ente())).findFirst().orElseThrow(() ->
                new IllegalStateException("L'ente dimostrativo " + codice + " manca in peg.enti-dimostrativi (application.yml)"));
    }
}
