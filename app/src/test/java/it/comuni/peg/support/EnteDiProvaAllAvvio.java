package it.comuni.peg.support;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Every application the tests start with the whole system (PegApplication, in this JVM or in a child
 * one on the test classpath) finds {@link EntiDiProva#PROVA} ready: registered, its organigramma, the
 * standard users' accessi. Idempotent, as test contexts share one database per fork. A test that needs
 * the store as it found it (the archive's restore into an empty store) sets {@value #ATTIVO} to false.
 */
@Component
@Profile("test")
@ConditionalOnProperty(name = EnteDiProvaAllAvvio.ATTIVO, havingValue = "true", matchIfMissing = true)
public class EnteDiProvaAllAvvio implements ApplicationRunner {

    public static final String ATTIVO = "peg.test.ente-di-prova";

    private final EntiDiProva enti;

    EnteDiProvaAllAvvio(EntiDiProva enti) {
        this.enti = enti;
    }

    @Override
    public void run(ApplicationArguments args) {
        enti.prepara(EntiDiProva.PROVA);
    }
}
