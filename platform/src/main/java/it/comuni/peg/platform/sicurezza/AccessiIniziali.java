package it.comuni.peg.platform.sicurezza;

import it.comuni.peg.platform.database.SenzaDatabaseEsterno;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The installation's bootstrap of the table {@code accesso}: at start-up, each configured user who
 * has no row yet gets the {@code accessi} its configuration lists (the demo users too, on the
 * embedded default). A user who already has rows is left alone, so that what the controllo di
 * gestione granted or revoked since is never overwritten by a restart.
 */
@Component
class AccessiIniziali implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessiIniziali.class);

    private final UtentiProperties utenti;
    private final AccessiUtenti accessi;
    private final Environment environment;

    AccessiIniziali(UtentiProperties utenti, AccessiUtenti accessi, Environment environment) {
        this.utenti = utenti;
        this.accessi = accessi;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<UtentiProperties.Utente> tutti = new ArrayList<>(utenti.utenti());
        if (SenzaDatabaseEsterno.vale(environment)) {
            tutti.addAll(utenti.demo());
        }
        for (UtentiProperties.Utente u : tutti) {
            if (!u.accessi().isEmpty() && !accessi.haRighe(u.nome())) {
                u.accessi().forEach(a -> accessi.concedi(u.nome(), a, "configurazione"));
                log.info("Accessi iniziali di {}: {}", u.nome(), Accessi.di(u.accessi()).codifica());
            }
        }
    }
}
