package it.comuni.peg.query.replay;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.api.fase.FaseCompletata;
import it.comuni.peg.api.fase.FasePianificata;
import it.comuni.peg.api.fase.FaseRimodulata;
import it.comuni.peg.api.fase.Pianificazione;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.indicatore.IndicatoreDefinito;
import it.comuni.peg.api.indicatore.ValoreIndicatoreRegistrato;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.persona.PersonaAssegnata;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.asof.SchedaAlIstante;
import it.comuni.peg.query.proiezione.Proiezioni;
import it.comuni.peg.query.scheda.SchedaJson;
import it.comuni.peg.query.scheda.StatoAlGiorno;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * {@code java -jar app.jar --peg.benchmark.eventi=100000}: appends a synthetic PEG year of that many
 * events straight to the store (about 90 per objective, as an objective collects in a year), rebuilds
 * the scheda projection measuring events per second, then times as-of reads of random objectives at
 * random instants (median and 99th percentile), prints the figures and exits. Use an empty data folder.
 */
@Component
@ConditionalOnProperty("peg.benchmark.eventi")
public class Benchmark implements ApplicationRunner {

    private static final Instant INIZIO_ANNO = Instant.parse("2023-01-02T08:00:00Z");

    private final EventStore store;
    private final PlatformTransactionManager tx;
    private final Ricostruzioni ricostruzioni;
    private final SchedaAlIstante alIstante;
    private final SchedaJson json;
    private final ConfigurableApplicationContext contesto;

    public Benchmark(EventStore store, PlatformTransactionManager tx, Ricostruzioni ricostruzioni,
                     SchedaAlIstante alIstante, SchedaJson json, ConfigurableApplicationContext contesto) {
        this.store = store;
        this.tx = tx;
        this.ricostruzioni = ricostruzioni;
        this.alIstante = alIstante;
        this.json = json;
        this.contesto = contesto;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int eventi = contesto.getEnvironment().getRequiredProperty("peg.benchmark.eventi", Integer.class);
        int letture = contesto.getEnvironment().getProperty("peg.benchmark.letture", Integer.class, 1000);
        Random caso = new Random(42);

        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        int scritti = 0;
        TransactionTemplate transazione = new TransactionTemplate(tx);
        while (scritti < eventi) {
            List<DomainEventMessage<?>> blocco = new ArrayList<>();
            for (int i = 0; i < 10 && scritti + blocco.size() < eventi; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                blocco.addAll(obiettivo(id, ids.size(), caso));
            }
            transazione.executeWithoutResult(s -> store.publish(blocco));
            scritti += blocco.size();
        }
        double scrittura = (System.nanoTime() - t0) / 1e9;
        stampa(String.format("Scritti %d eventi di %d obiettivi in %.1f s (%.0f eventi/s)", scritti, ids.size(), scrittura,
                scritti / scrittura));

        ricostruzioni.avvia(Proiezioni.SCHEDA);
        while (!ricostruzioni.attendi(Proiezioni.SCHEDA, Duration.ofSeconds(5))) {
            Avanzamento a = ricostruzioni.avanzamento(Proiezioni.SCHEDA);
            stampa(String.format("  ricostruzione scheda: %d/%d eventi, %.0f eventi/s", a.fatti(), a.totale(), a.eventiAlSecondo()));
        }
        Avanzamento fatto = ricostruzioni.avanzamento(Proiezioni.SCHEDA);
        stampa(String.format("REPLAY scheda: %d eventi, %.0f eventi/s", fatto.totale(), fatto.eventiAlSecondo()));

        long[] tempi = new long[letture];
        for (int i = 0; i < letture; i++) {
            String id = ids.get(caso.nextInt(ids.size()));
            Instant istante = INIZIO_ANNO.plus(Duration.ofDays(caso.nextInt(365)));
            long inizio = System.nanoTime();
            // as the endpoint does: fold the stream cut at the instant, add the stato, write the JSON
            alIstante.scheda(id, istante).map(s -> json.scrivi(StatoAlGiorno.applica(s, Istanti.giornoDi(istante))));
            tempi[i] = System.nanoTime() - inizio;
        }
        Arrays.sort(tempi);
        stampa(String.format("AS-OF scheda (%d letture, ~%d eventi per obiettivo): mediana %.2f ms, 99° percentile %.2f ms",
                letture, scritti / ids.size(), tempi[letture / 2] / 1e6, tempi[(int) Math.ceil(letture * 0.99) - 1] / 1e6));
        System.exit(SpringApplication.exit(contesto, () -> 0));
    }

    /** An objective's year: definition, a person, 4 phases, 2 indicators, monthly consuntivi, completions, values. */
    private static List<DomainEventMessage<?>> obiettivo(String id, int n, Random caso) {
        ObiettivoId oid = ObiettivoId.di(id);
        List<Object> eventi = new ArrayList<>();
        eventi.add(new ObiettivoDefinito(oid, "Comune di Prova " + (n % 50), 2023, "Obiettivo " + n, "Descrizione " + n,
                new Settore("S" + (n % 7), "Settore " + (n % 7), "RESPONSABILE " + (n % 7)),
                new Ufficio("U" + (n % 13), "Ufficio " + (n % 13), "PO " + (n % 13)), Peso.di(50.0), Peso.di(50.0), null, null));
        eventi.add(new PersonaAssegnata(oid, "PERSONA " + (n % 500), "Categoria C", null, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)));
        for (int f = 1; f <= 4; f++) {
            LocalDate inizio = LocalDate.of(2023, 3 * f - 2, 1);
            LocalDate fine = inizio.plusMonths(3).minusDays(1);
            eventi.add(new FasePianificata(oid, f, "Fase " + f, null, inizio, fine,
                    new it.comuni.peg.api.comune.Periodo(inizio, fine).mesi(), false));
        }
        eventi.add(new IndicatoreDefinito(oid, "I1", "Pratiche", "n.", BigDecimal.valueOf(100), Direzione.CRESCENTE, Peso.di(60.0)));
        eventi.add(new IndicatoreDefinito(oid, "I2", "Giorni", "gg", BigDecimal.valueOf(30), Direzione.DECRESCENTE, Peso.di(40.0)));
        for (int m = 1; m <= 12; m++) {
            for (int f = 1; f <= 4; f++) {
                eventi.add(new ConsuntivoRegistrato(oid, f, YearMonth.of(2023, m), f == (m + 2) / 3,
                        Percentuale.di(Math.min(100, Math.max(0, (m - 3 * f + 3) * 33))), null, null));
            }
            eventi.add(new ValoreIndicatoreRegistrato(oid, "I1", BigDecimal.valueOf(caso.nextInt(120)), LocalDate.of(2023, m, 28), null));
            eventi.add(new ValoreIndicatoreRegistrato(oid, "I2", BigDecimal.valueOf(10 + caso.nextInt(40)), LocalDate.of(2023, m, 28), null));
            if (m == 6) {
                LocalDate i = LocalDate.of(2023, 10, 1);
                eventi.add(new FaseRimodulata(oid, 4, new Pianificazione(i, LocalDate.of(2023, 12, 31),
                        new it.comuni.peg.api.comune.Periodo(i, LocalDate.of(2023, 12, 31)).mesi()),
                        new Pianificazione(i, LocalDate.of(2023, 12, 20), new it.comuni.peg.api.comune.Periodo(i, LocalDate.of(2023, 12, 20)).mesi()),
                        Motivazione.di("Anticipo")));
            }
            if (m % 3 == 0 && m < 12) {
                eventi.add(new FaseCompletata(oid, m / 3, LocalDate.of(2023, m, 28).plusDays(caso.nextInt(20)), null));
            }
        }
        List<DomainEventMessage<?>> messaggi = new ArrayList<>();
        long passo = Duration.ofDays(365).toMillis() / eventi.size();
        for (int s = 0; s < eventi.size(); s++) {
            messaggi.add(new GenericDomainEventMessage<>("Obiettivo", id, s, eventi.get(s),
                    Map.of("utente", "benchmark", "ruolo", "DIRIGENTE"), UUID.randomUUID().toString(),
                    INIZIO_ANNO.plusMillis(passo * s + n)));
        }
        return messaggi;
    }

    private static void stampa(String riga) {
        System.out.println("[benchmark] " + riga);
    }
}
