package it.comuni.peg.support;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Every application the tests start with the whole system (PegApplication, in this JVM or in a child
 * one on the test classpath) finds {@link EntiDiProva#PROVA} ready: registered, its organigramma, the
 * standard users' accessi. Idempotent, as test contexts share one database per fork.
 */
@Component
@Profile("test")
class EnteDiProvaAllAvvio implements ApplicationRunner {

    private final EntiDiProva enti;

    EnteDiProvaAllAvvio(EntiDiProva enti) {
        this.enti = enti;
    }

    @Override
    public void run(ApplicationArguments args) {
        enti.prepara(EntiDiProva.PROVA);
    }
}
