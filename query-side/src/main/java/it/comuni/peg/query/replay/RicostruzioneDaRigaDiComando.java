package it.comuni.peg.query.replay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The command-line rebuild: {@code java -jar app.jar --peg.ricostruisci=scheda,storico} rebuilds the
 * named projections (or {@code tutte}), printing progress every second, then exits.
 */
@Component
@ConditionalOnProperty("peg.ricostruisci")
public class RicostruzioneDaRigaDiComando implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RicostruzioneDaRigaDiComando.class);

    private final Ricostruzioni ricostruzioni;
    private final ConfigurableApplicationContext contesto;

    public RicostruzioneDaRigaDiComando(Ricostruzioni ricostruzioni, ConfigurableApplicationContext contesto) {
        this.ricostruzioni = ricostruzioni;
        this.contesto = contesto;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String richieste = contesto.getEnvironment().getProperty("peg.ricostruisci", "tutte");
        java.util.List<String> nomi = richieste.equals("tutte") ? it.comuni.peg.query.proiezione.Proiezioni.TUTTE
                : java.util.Arrays.stream(richieste.split(",")).map(String::strip).toList();
        ricostruzioni.avvia(nomi);
        for (String nome : nomi) {
            while (!ricostruzioni.attendi(nome, Duration.ofSeconds(1))) {
                stampa(ricostruzioni.avanzamento(nome));
            }
            stampa(ricostruzioni.avanzamento(nome));
        }
        System.exit(SpringApplication.exit(contesto, () -> 0));
    }

    private static void stampa(Avanzamento a) {
        String riga = String.format("%s: %d/%d eventi, %.1f eventi/s%s", a.proiezione(), a.fatti(), a.totale(),
                a.eventiAlSecondo(), a.inRicostruzione() ? "" : " (terminata)");
        System.out.println(riga);
        log.info(riga);
    }
}
