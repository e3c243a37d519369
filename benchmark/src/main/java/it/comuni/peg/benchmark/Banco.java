package it.comuni.peg.benchmark;

import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.platform.axon.Metadati;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.query.proiezione.Proiezioni;
import it.comuni.peg.query.replay.Ricostruzioni;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark run inside a started application: generate the national store, then measure, each
 * beside its physical reference on the same MariaDB: the raw batch insert and the rebuild of every
 * projection; the raw single-row insert and the commands through HTTP, with the floor of the HTTP
 * stack ({@link ComandoVuoto}) just before them; finally as-of reads. Each stage notes the load
 * average, since the machine is shared.
 */
public final class Banco {

    private static final Logger log = LoggerFactory.getLogger(Banco.class);
    private static final double P99_MASSIMO_MS = 50;
    private static final double JIT_MASSIMO = 0.05;
    private static final int FETTE_IN_PIU = 6;
    /** The aggregate types of the streams, as Axon records them (the aggregate's class name). */
    private static final String OBIETTIVO = "Obiettivo";
    private static final String ORGANIGRAMMA = "Organigramma";

    private final ApplicationContext contesto;
    private final Parametri parametri;
    private final EmittenteToken token;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Risultati risultati = new Risultati();
    private final Map<String, String> carico = new LinkedHashMap<>();

    public Banco(ApplicationContext contesto, Parametri parametri, EmittenteToken token) {
        this.contesto = contesto;
        this.parametri = parametri;
        this.token = token;
        this.dataSource = contesto.getBean(DataSource.class);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Risultati esegui() throws Exception {
        long inizio = System.nanoTime();
        risultati.metti("mode", parametri.livelli().size() + " levels × " + parametri.durataLivello().toSeconds() + " s");
        risultati.metti("cpus", Runtime.getRuntime().availableProcessors());
        nota("start");

        StoreSintetico store = genera();
        double batch = riferimentoBatch();
        double replay = ricostruisci(store);
        risultati.metti("raw_batch_insert_rows_per_s", batch);
        risultati.metti("replay_ratio", Latenze.arrotonda(replay / batch));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) contesto).getWebServer().getPort();
        List<EsitoLivello> grezzi = riferimentoSingoli();
        // the floor first, on a quiet system: after the commands the processors and the sealer may
        // still be catching up, and their CPU would be counted as the floor's
        List<EsitoLivello> soglia = soglia(http, base, store);
        ComandiHttp comandi = comandi(http, base, store, soglia);
        asOf(http, base, store);

        long eventi = contaEventi();
        risultati.metti("events_in_store", eventi);
        risultati.metti("commands_accepted", comandi.accettati.get());
        risultati.metti("commands_refused", comandi.rifiutati.get());
        risultati.metti("duration_s", Math.round((System.nanoTime() - inizio) / 1e9));
        nota("end");
        risultati.metti("load_average", carico);
        riordina();
        return risultati;
    }

    private StoreSintetico genera() throws Exception {
        EventProcessingConfiguration processori = contesto.getBean(EventProcessingConfiguration.class);
        // nothing reads the store while it is written: every processor starts afresh after
        for (EventProcessor p : processori.eventProcessors().values()) {
            p.shutdownAsync().get();
        }
        long t0 = System.nanoTime();
        StoreSintetico store = new StoreSintetico(parametri.seme(), parametri.eventi(), Instant.now());
        try (ScritturaInBlocco scrittura = new ScritturaInBlocco(dataSource,
                contesto.getBean("eventSerializer", Serializer.class), parametri.seme())) {
            // the enti first, with their organigrammi and their users: nothing of a comune is recorded before its ente
            for (int comune = 0; comune < store.comuni(); comune++) {
                String ente = StoreSintetico.codiceComune(comune);
                long sequenza = 0;
                for (EventoSintetico e : store.organigramma(comune)) {
                    scrittura.scrivi(ente, ORGANIGRAMMA, sequenza++, e);
                }
                for (Map.Entry<String, Accesso> a : StoreSintetico.accessi(comune).entrySet()) {
                    scrittura.concedi(a.getKey(), a.getValue(), StoreSintetico.utenteControllo(comune));
                }
            }
            scrittura.concedi(StoreSintetico.NUCLEO, new Accesso(StoreSintetico.codiceComune(store.grande().comune), Ruolo.NUCLEO, null),
                    StoreSintetico.utenteControllo(store.grande().comune));
            log.info("[benchmark] generati gli organigrammi di {} comuni: {} eventi", store.comuni(), scrittura.scritti());
            for (int passo = 0; passo < StoreSintetico.passi(); passo++) {
                List<ObiettivoSintetico> obiettivi = store.obiettivi();
                for (int i = 0; i < obiettivi.size(); i++) {
                    ObiettivoSintetico o = obiettivi.get(i);
                    for (EventoSintetico e : store.eventi(o, i, passo)) {
                        scrittura.scrivi(o.id, OBIETTIVO, o.prossimaSequenza++, e);
                    }
                }
                log.info("[benchmark] generato il mese {} di {}: {} eventi", passo, store.anno(), scrittura.scritti());
            }
            scrittura.close();
            double secondi = (System.nanoTime() - t0) / 1e9;
            risultati.metti("events_generated", scrittura.scritti());
            risultati.metti("generation_events_per_s", Latenze.arrotonda(scrittura.scritti() / secondi));
        }
        risultati.metti("comuni", store.comuni());
        risultati.metti("objectives", store.obiettivi().size());
        risultati.metti("year", store.anno());
        // the chain was sealed with the events: the sealer finds its head at the last one
        nota("generated");
        return store;
    }

    private double riferimentoBatch() throws Exception {
        try (RiferimentiJdbc grezzi = riferimenti()) {
            TempoCpu cpu0 = TempoCpu.adesso();
            double righe = grezzi.inserimentiInBatch(parametri.righeBatch());
            double[] cpu = TempoCpu.perUnita(cpu0, TempoCpu.adesso(), parametri.righeBatch());
            risultati.metti("raw_batch_insert_cpu_ms_per_row_app", cpu[0]);
            risultati.metti("raw_batch_insert_cpu_ms_per_row_db", cpu[1]);
            nota("raw_batch");
            return righe;
        }
    }

    /** Every projection rebuilt at once, from an empty view to the head of the store. */
    private double ricostruisci(StoreSintetico store) throws Exception {
        Ricostruzioni ricostruzioni = contesto.getBean(Ricostruzioni.class);
        long eventi = contaEventi();
        TempoCpu cpu0 = TempoCpu.adesso();
        long t0 = System.nanoTime();
        ricostruzioni.avvia(Proiezioni.TUTTE);
        for (String p : Proiezioni.TUTTE) {
            while (!ricostruzioni.attendi(p, Duration.ofSeconds(10))) {
                log.info("[benchmark] ricostruzione: {}", ricostruzioni.tutte());
            }
        }
        double secondi = (System.nanoTime() - t0) / 1e9;
        double[] cpu = TempoCpu.perUnita(cpu0, TempoCpu.adesso(), eventi);
        risultati.metti("replay_cpu_ms_per_event_app", cpu[0]);
        risultati.metti("replay_cpu_ms_per_event_db", cpu[1]);
        double alSecondo = Latenze.arrotonda(eventi / secondi);
        Map<String, Object> perProiezione = new LinkedHashMap<>();
        for (String p : Proiezioni.TUTTE) {
            perProiezione.put(p, ricostruzioni.avanzamento(p).eventiAlSecondo());
        }
        Long schede = jdbc.queryForObject("SELECT COUNT(*) FROM scheda_obiettivo", Long.class);
        if (schede == null || schede != store.obiettivi().size()) {
            throw new IllegalStateException("La ricostruzione ha prodotto " + schede + " schede su " + store.obiettivi().size());
        }
        risultati.metti("replay_events_per_s", alSecondo);
        risultati.metti("replay_seconds", Latenze.arrotonda(secondi));
        risultati.metti("replay_events_per_s_by_projection", perProiezione);
        nota("replay");
        return alSecondo;
    }

    private List<EsitoLivello> riferimentoSingoli() throws Exception {
        List<EsitoLivello> livelli = new ArrayList<>();
        TempoCpu cpu0 = TempoCpu.adesso();
        try (RiferimentiJdbc grezzi = riferimenti()) {
            for (int concorrenza : parametri.livelli()) {
                livelli.add(grezzi.inserimentiSingoli(concorrenza, parametri.durataLivello()));
            }
        }
        double[] cpu = TempoCpu.perUnita(cpu0, TempoCpu.adesso(), livelli.stream().mapToLong(EsitoLivello::riusciti).sum());
        risultati.metti("raw_single_insert_cpu_ms_app", cpu[0]);
        risultati.metti("raw_single_insert_cpu_ms_db", cpu[1]);
        double migliore = livelli.stream().mapToDouble(EsitoLivello::alSecondo).max().orElse(0);
        risultati.metti("raw_single_insert_per_s", migliore);
        risultati.metti("raw_single_insert_levels", livelli);
        nota("raw_single");
        return livelli;
    }

    /**
     * The floor of the HTTP stack: the commands' own requests (same users, tokens, path shape and bodies)
     * sent to {@link ComandoVuoto}, which reads them and answers without a command or a database, at
     * the commands' concurrency levels and durations, after a warm-up of its own.
     */
    private List<EsitoLivello> soglia(HttpClient http, String base, StoreSintetico store) throws Exception {
        ComandiHttp vuoti = ComandiHttp.soglia(http, base, token, bersagli(store), store.anno());
        risultati.metti("floor_warmup", riscalda(vuoti, parametri.riscaldamentoSoglia()));
        List<EsitoLivello> livelli = new ArrayList<>();
        ProfiloFase profilo = ProfiloFase.inizia(jdbc, parametri.jfr() ? parametri.uscita().resolve("soglia.jfr") : null);
        TempoCpu cpu0 = TempoCpu.adesso();
        long accettati0 = vuoti.accettati.get();
        for (int concorrenza : parametri.livelli()) {
            EsitoLivello esito = vuoti.misura(concorrenza, parametri.durataLivello());
            log.info("[benchmark] soglia: {}", esito);
            livelli.add(esito);
        }
        double[] cpu = TempoCpu.perUnita(cpu0, TempoCpu.adesso(), vuoti.accettati.get() - accettati0);
        risultati.metti("floor_profile", profilo.termina(vuoti.accettati.get() - accettati0));
        risultati.metti("floor_cpu_ms_app", cpu[0]);
        risultati.metti("floor_cpu_ms_db", cpu[1]);
        EsitoLivello scelto = scegli(livelli);
        risultati.metti("floor_per_s", scelto == null ? 0.0 : scelto.alSecondo());
        risultati.metti("floor_p99_ms", scelto == null ? p99Minimo(livelli) : scelto.p99Ms());
        risultati.metti("floor_concurrency", scelto == null ? 0 : scelto.concorrenza());
        risultati.metti("floor_levels", livelli);
        nota("floor");
        return livelli;
    }

    private ComandiHttp comandi(HttpClient http, String base, StoreSintetico store, List<EsitoLivello> soglia) throws Exception {
        ComandiHttp comandi = ComandiHttp.comandi(http, base, token, bersagli(store), store.anno());
        // warm-up, not measured: on two cores the JIT compiler alone takes most of the CPU for the first
        // tens of seconds of a new code path (C2 ~40% of the machine, seen with JFR), which no
        // long-running server pays
        risultati.metti("command_warmup", riscalda(comandi, parametri.riscaldamento()));
        List<EsitoLivello> livelli = new ArrayList<>();
        ProfiloFase profilo = ProfiloFase.inizia(jdbc, parametri.jfr() ? parametri.uscita().resolve("comandi.jfr") : null);
        TempoCpu cpu0 = TempoCpu.adesso();
        long accettati0 = comandi.accettati.get();
        for (int concorrenza : parametri.livelli()) {
            EsitoLivello esito = comandi.misura(concorrenza, parametri.durataLivello());
            log.info("[benchmark] comandi: {}", esito);
            livelli.add(esito);
        }
        double[] cpu = TempoCpu.perUnita(cpu0, TempoCpu.adesso(), comandi.accettati.get() - accettati0);
        risultati.metti("command_profile", profilo.termina(comandi.accettati.get() - accettati0));
        risultati.metti("command_cpu_ms_app", cpu[0]);
        risultati.metti("command_cpu_ms_db", cpu[1]);
        EsitoLivello scelto = scegli(livelli);
        double grezzo = (double) risultati.valori().get("raw_single_insert_per_s");
        risultati.metti("command_per_s", scelto == null ? 0.0 : scelto.alSecondo());
        risultati.metti("command_p99_ms", scelto == null ? p99Minimo(livelli) : scelto.p99Ms());
        risultati.metti("command_concurrency", scelto == null ? 0 : scelto.concorrenza());
        risultati.metti("command_ratio", scelto == null ? 0.0 : Latenze.arrotonda(scelto.alSecondo() / grezzo));
        risultati.metti("command_levels", livelli);
        confrontaCpu(scelto != null ? scelto : livelli.stream().min(Comparator.comparingDouble(EsitoLivello::p99Ms)).orElseThrow(),
                soglia);
        nota("commands");
        return comandi;
    }

    /**
     * CPU per request (JVM + MariaDB, ms) of a command and of the floor at one and the same
     * concurrency: the level {@code command_per_s} comes from, or, when no level keeps p99 under
     * the limit, the one with the lowest p99 (the level {@code command_p99_ms} comes from). Their
     * ratio is what the command path costs above the framework's own work; both include the
     * in-process clients' share, which is the same for both.
     */
    private void confrontaCpu(EsitoLivello comando, List<EsitoLivello> soglia) {
        EsitoLivello vuoto = soglia.stream().filter(l -> l.concorrenza() == comando.concorrenza()).findFirst()
                .orElseThrow(() -> new IllegalStateException("La soglia non ha il livello " + comando.concorrenza()));
        risultati.metti("command_cpu_ms", comando.cpuMs());
        risultati.metti("floor_cpu_ms", vuoto.cpuMs());
        risultati.metti("command_cpu_ms_over_floor", vuoto.cpuMs() > 0 ? Latenze.arrotonda(comando.cpuMs() / vuoto.cpuMs()) : 0.0);
        risultati.metti("cpu_comparison_concurrency", comando.concorrenza());
    }

    /** Commands (and the floor) go to every objective but the big one, which the as-of reads keep to themselves. */
    private static List<ObiettivoSintetico> bersagli(StoreSintetico store) {
        return store.obiettivi().subList(1, store.obiettivi().size());
    }

    /**
     * The unmeasured warm-up of a load: {@code durata}, then further slices of a tenth of it (at most
     * {@value #FETTE_IN_PIU}) for as long as the JIT compiler's threads took more than
     * {@value #JIT_MASSIMO} of the process's CPU in the last slice: on a loaded machine the fixed
     * warm-up is not always enough, and the compiler's CPU would then be counted as the load's.
     * Returns the whole warm-up's figures and, in {@code jit_share_last_slice}, where the compiler stood.
     */
    private Map<String, Object> riscalda(ComandiHttp carico, Duration durata) throws InterruptedException {
        EsitoLivello esito = carico.misura(concorrenzaRiscaldamento(), durata);
        long riusciti = esito.riusciti();
        double quota = 0;
        int fette = 0;
        do {
            CpuPerGruppo prima = CpuPerGruppo.adesso();
            EsitoLivello fetta = carico.misura(concorrenzaRiscaldamento(), durata.dividedBy(10));
            Map<String, Double> cpu = CpuPerGruppo.adesso().dal(prima, 1);
            riusciti += fetta.riusciti();
            quota = cpu.getOrDefault("total", 0.0) == 0 ? 0 : cpu.getOrDefault("jit", 0.0) / cpu.get("total");
            fette++;
        } while (quota > JIT_MASSIMO && fette < FETTE_IN_PIU);
        Map<String, Object> riscaldamento = new LinkedHashMap<>();
        riscaldamento.put("requests", riusciti);
        riscaldamento.put("seconds", durata.toSeconds() + fette * durata.dividedBy(10).toMillis() / 1000.0);
        riscaldamento.put("jit_share_last_slice", Latenze.arrotonda(quota));
        return riscaldamento;
    }

    private int concorrenzaRiscaldamento() {
        return Math.min(4, parametri.livelli().stream().mapToInt(Integer::intValue).max().orElse(1));
    }

    /** The highest throughput whose p99 stays under the limit with no failure; null when no level does. */
    private static EsitoLivello scegli(List<EsitoLivello> livelli) {
        return livelli.stream().filter(l -> l.p99Ms() < P99_MASSIMO_MS && l.falliti() == 0)
                .max(Comparator.comparingDouble(EsitoLivello::alSecondo)).orElse(null);
    }

    private static double p99Minimo(List<EsitoLivello> livelli) {
        return livelli.stream().mapToDouble(EsitoLivello::p99Ms).min().orElse(0);
    }

    private void asOf(HttpClient http, String base, StoreSintetico store) throws Exception {
        ObiettivoSintetico grande = store.grande();
        Latenze latenze = AsOfHttp.misura(http, base, token, grande.id, store.anno(), parametri.lettureAsOf(), parametri.seme());
        risultati.metti("asof_p50_ms", latenze.percentileMs(50));
        risultati.metti("asof_p99_ms", latenze.percentileMs(99));
        risultati.metti("asof_objective_events", jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, grande.id));
        nota("asof");
    }

    private RiferimentiJdbc riferimenti() throws Exception {
        Serializer serializer = contesto.getBean("eventSerializer", Serializer.class);
        ObiettivoId id = ObiettivoId.nuovo();
        byte[] payload = serializer.serialize(new ConsuntivoRegistrato(id, 3, YearMonth.now(), true, Percentuale.di(40),
                "Attività svolte nel mese", "Determinazione n. 123"), byte[].class).getData();
        // the metadata a consuntivo's event carries (who, in which ente, as which persona), as the commands' do
        byte[] metadati = serializer.serialize(MetaData.with(Metadati.UTENTE, StoreSintetico.utenteDirigente(0, 1))
                .and(Metadati.ENTE, StoreSintetico.codiceComune(0)).and(Metadati.RUOLO, Ruolo.DIRIGENTE.name())
                .and(Metadati.PERSONA, StoreSintetico.identificativoDirigente(0, 1)).and("correlationId", id.valore())
                .and("traceId", id.valore()).and(Metadati.RICHIESTA, "5f2b9c1d7e3a4b60"), byte[].class).getData();
        return new RiferimentiJdbc(dataSource, payload, metadati);
    }

    private long contaEventi() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return n == null ? 0 : n;
    }

    private void nota(String fase) {
        try {
            String[] media = Files.readString(Path.of("/proc/loadavg")).split(" ");
            carico.put(fase, media[0] + " " + media[1] + " " + media[2]);
        } catch (Exception e) {
            carico.put(fase, "n/a");
        }
    }

    /** The keys first, in its order; the details after. */
    private void riordina() {
        Map<String, Object> tutti = new LinkedHashMap<>(risultati.valori());
        risultati.valori().clear();
        for (String chiave : Risultati.CHIAVI) {
            risultati.metti(chiave, tutti.remove(chiave));
        }
        tutti.forEach(risultati::metti);
    }
}
