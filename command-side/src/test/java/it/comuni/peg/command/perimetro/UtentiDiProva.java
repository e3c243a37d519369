package it.comuni.peg.command.perimetro;

import it.comuni.peg.platform.axon.AxonConfig;
import it.comuni.peg.platform.axon.Metadati;
import it.comuni.peg.platform.sicurezza.Accessi;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;

import java.util.List;
import java.util.Map;

import static org.axonframework.test.matchers.Matchers.predicate;

/** Commands as a signed-in user sends them over HTTP, and the events' "who" as the application records it. */
public final class UtentiDiProva {

    private UtentiDiProva() {
    }

    /** The metadata of a command from a user with these accessi (as IdentitaSuiComandi stamps them). */
    public static MetaData utente(String utente, Accesso... accessi) {
        return MetaData.with(Metadati.UTENTE, utente).and(Metadati.ACCESSI, Accessi.di(List.of(accessi)).codifica());
    }

    /** A user with one accesso. */
    public static MetaData utente(String ente, Ruolo ruolo, String persona) {
        return utente(ruolo.name().toLowerCase() + (persona == null ? "" : "." + persona), new Accesso(ente, ruolo, persona));
    }

    /**
     * Makes the fixture copy the command's "who" onto its events with the application's own correlation
     * data provider ({@link AxonConfig#chiDaComando()}), as the application's command bus does.
     */
    public static void copiaChiSuiEventi(FixtureConfiguration<?> fixture) {
        fixture.registerCommandHandlerInterceptor(new CorrelationDataInterceptor<>(new AxonConfig().chiDaComando()));
    }

    /** Every event of the command carries these metadata (and the fixture recorded at least one). */
    public static Matcher<List<? super EventMessage<?>>> eventiCon(Map<String, String> attesi) {
        return predicate(eventi -> !eventi.isEmpty() && eventi.stream().allMatch(e -> {
            MetaData metadati = ((EventMessage<?>) e).getMetaData();
            return attesi.entrySet().stream().allMatch(a -> a.getValue().equals(metadati.get(a.getKey())));
        }));
    }
}
