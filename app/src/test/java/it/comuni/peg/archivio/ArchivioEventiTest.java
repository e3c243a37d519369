package it.comuni.peg.archivio;

import it.comuni.peg.support.EnteDiProvaAllAvvio;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import it.comuni.peg.PegApplication;
import it.comuni.peg.platform.audit.EsitoVerifica;
import it.comuni.peg.platform.audit.VerificaCatena;
import it.comuni.peg.platform.processori.Processori;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.query.proiezione.Proiezioni;
import it.comuni.peg.query.replay.Avanzamento;
import it.comuni.peg.query.replay.Ricostruzioni;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event stored by an earlier version of the code still loads with this one. The archive under
 * {@code app/src/test/resources/archivio/} (written once by {@link GeneraArchivioEventi}, from the
 * demo's year and a few more commands, by the commit its README names) is restored byte for byte,
 * with the same global indexes, into a fresh database whose schema Flyway created, while every event
 * processor is stopped; then:
 * <ol>
 *     <li>every event reads through the event store (the application's event serializer and its
 *     upcasters), per aggregate and as the processors' tracking stream, into the payload class it
 *     was stored as, with no field of the stored JSON lost, and as many events per type as archived;</li>
 *     <li>every aggregate loads through the command side's repository (the fold every command
 *     starts from) at the version of its last archived sequence number;</li>
 *     <li>the hash chain verifies over the restored events and ends at the archived head hash;</li>
 *     <li>the projections rebuilt by the fast path, and then event by event by their processors,
 *     hold exactly the archived rows (a JSON-valued column, such as the scheda's document, compared
 *     as JSON: see {@link #stessoJson}).</li>
 * </ol>
 * A missing archive fails the test. Failures name the event (global index, aggregate, sequence,
 * payload type) or the row (table and primary key) and column.
 */
@SpringBootTest(classes = PegApplication.class,
        // the archived seals are the chain under test: a live sealer would seal any row they lack
        // and the test ente must not be prepared at start-up: the archive is restored into an empty store
        properties = {"peg.audit.sigilla=false", EnteDiProvaAllAvvio.ATTIVO + "=false"})
@ActiveProfiles("test")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchivioEventiTest {

    private static final Duration ATTESA_RICOSTRUZIONE = Duration.ofSeconds(60);
    /** Failures listed in a message, beyond which only the count is given. */
    private static final int ELENCATI = 25;
    // the archive's JSON is compared with the events read back as trees, so that only content counts
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        MariaDbDiTest.registra(r);
    }

    @Autowired
    Processori processori;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine motore;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transazioni;
    @Autowired
    Ricostruzioni ricostruzioni;
    @Autowired
    VerificaCatena verificaCatena;

    private final Map<String, List<Map<String, Object>>> archivio = new LinkedHashMap<>();
    /** The archived events by aggregate, each stream in sequence order. */
    private final Map<String, List<Map<String, Object>>> perAggregato = new TreeMap<>();

    @BeforeAll
    void ripristinaLArchivio() throws IOException {
        for (String tabella : Stream.concat(FormatoArchivio.TABELLE_STORE.stream(), FormatoArchivio.TABELLE_PROIEZIONI.stream()).toList()) {
            archivio.put(tabella, FormatoArchivio.leggiRisorsa(tabella));
        }
        List<Map<String, Object>> eventi = archivio.get("domain_event_entry");
        assertThat(eventi).as("eventi archiviati").isNotEmpty();
        for (Map<String, Object> e : eventi) {
            perAggregato.computeIfAbsent((String) e.get("aggregate_identifier"), k -> new ArrayList<>()).add(e);
        }
        perAggregato.values().forEach(l -> l.sort(Comparator.comparing(e -> FormatoArchivio.numero(e.get("sequence_number")))));

        // nothing may read the store while it is restored: what the projections hold must come from the rebuilds below
        processori.nomi().forEach(processori::ferma);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).as("store nuovo e vuoto").isZero();
        new TransactionTemplate(transazioni).executeWithoutResult(s -> FormatoArchivio.TABELLE_STORE.forEach(t -> inserisci(t, archivio.get(t))));
        long testa = eventi.stream().mapToLong(e -> FormatoArchivio.numero(e.get("global_index"))).max().orElseThrow();
        // as if the store had appended them: the next event the application writes follows the archive
        jdbc.queryForObject("SELECT SETVAL(domain_event_entry_seq, " + testa + ")", Long.class);
    }

    @Test
    @Order(1)
    void ogniEventoSiLeggeNellaSuaClasseSenzaPerdereCampi() {
        List<String> errori = new ArrayList<>();
        Map<String, Long> letti = new TreeMap<>();
        for (Map.Entry<String, List<Map<String, Object>>> aggregato : perAggregato.entrySet()) {
            List<Map<String, Object>> attesi = aggregato.getValue();
            List<? extends DomainEventMessage<?>> messaggi;
            try {
                messaggi = eventStore.readEvents(aggregato.getKey(), 0).asStream().toList();
            } catch (RuntimeException e) {
                errori.add("aggregato " + aggregato.getKey() + ": lettura fallita: " + e);
                continue;
            }
            if (messaggi.size() != attesi.size()) {
                errori.add("aggregato " + aggregato.getKey() + ": letti " + messaggi.size() + " eventi, archiviati " + attesi.size());
                continue;
            }
            for (int i = 0; i < attesi.size(); i++) {
                Map<String, Object> riga = attesi.get(i);
                String errore = confronta(riga, messaggi.get(i));
                if (errore != null) {
                    errori.add(evento(riga) + ": " + errore);
                } else {
                    letti.merge(messaggi.get(i).getPayloadType().getName(), 1L, Long::sum);
                }
            }
        }
        nessunErrore("eventi che non si leggono come furono scritti", errori);
        Map<String, Long> archiviati = archivio.get("domain_event_entry").stream()
                .collect(Collectors.groupingBy(e -> (String) e.get("payload_type"), TreeMap::new, Collectors.counting()));
        assertThat(letti).as("eventi letti per tipo").isEqualTo(archiviati);
    }

    /** What the processors read: the whole store in global-index order, through the storage engine's tracking query. */
    @Test
    @Order(2)
    void loStreamDeiProcessoriRestituisceOgniEventoAlSuoIndice() {
        List<Map<String, Object>> attesi = archivio.get("domain_event_entry");
        List<String> errori = new ArrayList<>();
        List<TrackedEventMessage<?>> letti;
        try (Stream<? extends TrackedEventMessage<?>> flusso = motore.readEvents(null, false)) {
            letti = new ArrayList<>(flusso.toList());
        }
        assertThat(letti).as("eventi nello stream dei processori").hasSameSizeAs(attesi);
        for (int i = 0; i < attesi.size(); i++) {
            Map<String, Object> riga = attesi.get(i);
            TrackedEventMessage<?> m = letti.get(i);
            try {
                long posizione = m.trackingToken().position().orElse(-1);
                if (posizione != FormatoArchivio.numero(riga.get("global_index")) || !m.getIdentifier().equals(riga.get("event_identifier"))) {
                    errori.add(evento(riga) + ": nello stream alla posizione " + posizione + " c'è " + m.getIdentifier());
                } else if (!m.getPayload().getClass().getName().equals(riga.get("payload_type"))) {
                    errori.add(evento(riga) + ": letto come " + m.getPayload().getClass().getName());
                }
            } catch (RuntimeException e) {
                errori.add(evento(riga) + ": " + e);
            }
        }
        nessunErrore("eventi fuori posto o illeggibili nello stream dei processori", errori);
    }

    /**
     * The reads of that stream start at least 25 ms apart (peg.eventstore.intervallo-letture's
     * default, LettureDistanziate): three reads from the head, which find nothing, take 50 ms at least.
     */
    @Test
    @Order(2)
    void leLettureDelloStreamPartonoDistanziate() {
        TrackingToken testa = motore.createHeadToken();
        long inizio = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            try (Stream<? extends TrackedEventMessage<?>> flusso = motore.readEvents(testa, false)) {
                assertThat(flusso.toList()).isEmpty();
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - inizio)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    @Order(3)
    void ogniAggregatoSiCaricaAllaVersioneDellUltimoEvento() {
        Map<String, Repository<?>> repository = new HashMap<>();
        for (AggregateConfiguration<?> c : axon.findModules(AggregateConfiguration.class)) {
            // Axon stores the aggregate's type name in "type": by default its class's simple name
            repository.put(c.aggregateType().getSimpleName(), c.repository());
        }
        List<String> errori = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> aggregato : perAggregato.entrySet()) {
            List<Map<String, Object>> eventi = aggregato.getValue();
            Map<String, Object> ultimo = eventi.get(eventi.size() - 1);
            String tipo = (String) ultimo.get("type");
            Repository<?> r = repository.get(tipo);
            if (r == null) {
                errori.add("aggregato " + aggregato.getKey() + ": nessun repository per il tipo " + tipo + " (noti: " + repository.keySet() + ")");
                continue;
            }
            DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("verifica dell'archivio"));
            try {
                Aggregate<?> caricato = r.load(aggregato.getKey());
                Long versione = caricato.version();
                if (!Objects.equals(versione, FormatoArchivio.numero(ultimo.get("sequence_number")))) {
                    errori.add("aggregato " + tipo + " " + aggregato.getKey() + ": versione " + versione + ", ultimo evento archiviato "
                            + ultimo.get("sequence_number"));
                }
            } catch (Exception e) {
                errori.add("aggregato " + tipo + " " + aggregato.getKey() + " (" + eventi.size() + " eventi): " + e);
            } finally {
                uow.rollback();
            }
        }
        nessunErrore("aggregati che non si caricano", errori);
    }

    @Test
    @Order(4)
    void laCatenaDeiSigilliVerificaIByteArchiviati() {
        List<Map<String, Object>> sigilli = archivio.get("sigillo_evento");
        Map<String, Object> ultimo = sigilli.get(sigilli.size() - 1);
        EsitoVerifica esito = verificaCatena.verifica();
        assertThat(esito.primaAnomalia()).as("prima anomalia della catena").isNull();
        assertThat(esito.integra()).isTrue();
        assertThat(esito.eventiVerificati()).as("eventi verificati").isEqualTo(archivio.get("domain_event_entry").size());
        assertThat(esito.eventiInAttesaDiSigillo()).as("eventi senza sigillo").isZero();
        assertThat(esito.indiceDiTesta()).isEqualTo(FormatoArchivio.numero(ultimo.get("global_index")));
        assertThat(esito.hashDiTesta()).as("hash di testa").isEqualTo(ultimo.get("hash"));
    }

    @Test
    @Order(5)
    void laRicostruzioneInBloccoScriveLeRigheArchiviate() throws InterruptedException {
        ricostruisci(Ricostruzioni.Modo.IN_BLOCCO);
        stesseRighe("ricostruzione in blocco");
    }

    @Test
    @Order(6)
    void laRicostruzioneDeiProcessoriScriveLeRigheArchiviate() throws InterruptedException {
        ricostruisci(Ricostruzioni.Modo.PROCESSORI);
        stesseRighe("ricostruzione dei processori");
    }

    // ---- restore ----

    private void inserisci(String tabella, List<Map<String, Object>> righe) {
        if (righe.isEmpty()) {
            return;
        }
        Map<String, FormatoArchivio.Colonna> colonne = FormatoArchivio.colonne(jdbc, tabella).stream()
                .collect(Collectors.toMap(FormatoArchivio.Colonna::nome, Function.identity()));
        List<FormatoArchivio.Colonna> archiviate = FormatoArchivio.colonneDi(righe.get(0)).stream().map(nome -> {
            FormatoArchivio.Colonna c = colonne.get(nome);
            if (c == null) {
                throw new AssertionError("La colonna archiviata " + tabella + "." + nome + " non esiste più nello schema");
            }
            return c;
        }).toList();
        String sql = "INSERT INTO " + tabella + " (" + archiviate.stream().map(FormatoArchivio.Colonna::nome).collect(Collectors.joining(", "))
                + ") VALUES (" + archiviate.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        jdbc.batchUpdate(sql, righe, 500, (ps, riga) -> {
            for (int i = 0; i < archiviate.size(); i++) {
                FormatoArchivio.Colonna c = archiviate.get(i);
                if (c.binaria()) {
                    byte[] valore = FormatoArchivio.byteDi(riga, c.nome());
                    if (valore == null) {
                        ps.setNull(i + 1, Types.LONGVARBINARY);
                    } else {
                        ps.setBytes(i + 1, valore);
                    }
                } else if (c.intera()) {
                    Long valore = FormatoArchivio.numero(riga.get(c.nome()));
                    if (valore == null) {
                        ps.setNull(i + 1, Types.BIGINT);
                    } else {
                        ps.setLong(i + 1, valore);
                    }
                } else {
                    // dates and times as MariaDB wrote them out: it parses its own text back exactly
                    ps.setString(i + 1, (String) riga.get(c.nome()));
                }
            }
        });
    }

    // ---- events ----

    /** Null when the message read is the archived row; otherwise what differs. */
    private static String confronta(Map<String, Object> riga, DomainEventMessage<?> m) {
        try {
            if (!m.getIdentifier().equals(riga.get("event_identifier"))) {
                return "letto l'evento " + m.getIdentifier() + " al suo posto";
            }
            if (m.getSequenceNumber() != FormatoArchivio.numero(riga.get("sequence_number"))) {
                return "sequenza letta " + m.getSequenceNumber();
            }
            if (!Objects.equals(m.getType(), riga.get("type"))) {
                return "tipo di aggregato letto " + m.getType();
            }
            if (!m.getTimestamp().equals(Instant.parse((String) riga.get("time_stamp")))) {
                return "istante letto " + m.getTimestamp();
            }
            Object payload = m.getPayload();
            if (!payload.getClass().getName().equals(riga.get("payload_type"))) {
                // an upcaster may one day rename a type: then this expectation must map the old name to the new class
                return "letto come " + payload.getClass().getName();
            }
            String campo = differenza(JSON.readTree(FormatoArchivio.byteDi(riga, "payload")), JSON.valueToTree(payload), "payload");
            if (campo != null) {
                return campo;
            }
            byte[] metadati = FormatoArchivio.byteDi(riga, "meta_data");
            return metadati == null ? null
                    : differenza(JSON.readTree(metadati), JSON.valueToTree(new TreeMap<>(m.getMetaData())), "metadati");
        } catch (Exception | LinkageError e) {
            return e.toString();
        }
    }

    /**
     * The first place where {@code trovato} (the event read back, written out again) lacks or changes
     * what the archive holds; null if none. A field the class gained since is no difference; a stored
     * value that no longer comes back is (a renamed field, read leniently, would be lost in silence).
     */
    static String differenza(JsonNode atteso, JsonNode trovato, String percorso) {
        if (atteso.isNull() && (trovato == null || trovato.isNull())) {
            return null;
        }
        if (trovato == null || trovato.isMissingNode()) {
            return percorso + ": archiviato " + atteso + ", non più letto";
        }
        if (atteso.isNumber() && trovato.isNumber()) {
            return atteso.decimalValue().compareTo(trovato.decimalValue()) == 0 ? null
                    : percorso + ": archiviato " + atteso + ", letto " + trovato;
        }
        if (atteso.isObject() && trovato.isObject()) {
            for (Map.Entry<String, JsonNode> campo : (Iterable<Map.Entry<String, JsonNode>>) atteso::fields) {
                String d = differenza(campo.getValue(), trovato.get(campo.getKey()), percorso + "." + campo.getKey());
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (atteso.isArray() && trovato.isArray()) {
            if (atteso.size() != trovato.size()) {
                return percorso + ": archiviati " + atteso.size() + " elementi, letti " + trovato.size();
            }
            for (int i = 0; i < atteso.size(); i++) {
                String d = differenza(atteso.get(i), trovato.get(i), percorso + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return atteso.equals(trovato) ? null : percorso + ": archiviato " + atteso + ", letto " + trovato;
    }

    private static String evento(Map<String, Object> riga) {
        return "evento " + riga.get("global_index") + " (" + riga.get("aggregate_identifier") + " #" + riga.get("sequence_number")
                + ", " + riga.get("payload_type") + ")";
    }

    private static void nessunErrore(String cosa, List<String> errori) {
        assertThat(errori).as("%d %s; i primi:%n  %s", errori.size(), cosa,
                String.join(System.lineSeparator() + "  ", errori.subList(0, Math.min(ELENCATI, errori.size())))).isEmpty();
    }

    // ---- projections ----

    private void ricostruisci(Ricostruzioni.Modo modo) throws InterruptedException {
        ricostruzioni.avvia(Proiezioni.TUTTE, modo);
        for (String p : Proiezioni.TUTTE) {
            assertThat(ricostruzioni.attendi(p, ATTESA_RICOSTRUZIONE)).as("ricostruzione di %s terminata in %s", p, ATTESA_RICOSTRUZIONE).isTrue();
            Avanzamento a = ricostruzioni.avanzamento(p);
            // the fast path falls back to the processors when it fails: that is a failure here
            assertThat(a.modo()).as("%s ricostruita come chiesto (se PROCESSORI, il percorso in blocco è fallito: vedi il log)", p)
                    .isEqualTo(modo);
            assertThat(a.letterMorte()).as("eventi parcheggiati da %s: %s", p, jdbc.queryForList(
                    "SELECT sequence_identifier, payload_type, cause_message FROM dead_letter_entry WHERE processing_group = ?", p)).isZero();
        }
    }

    /** Every projection table holds exactly the archived rows, compared by primary key and column by column. */
    private void stesseRighe(String dopo) {
        List<String> differenze = new ArrayList<>();
        for (String tabella : FormatoArchivio.TABELLE_PROIEZIONI) {
            List<Map<String, Object>> attese = archivio.get(tabella);
            Set<String> colonne = attese.isEmpty() ? null : FormatoArchivio.colonneDi(attese.get(0));
            List<String> chiave = FormatoArchivio.chiavePrimaria(jdbc, tabella);
            Map<List<Object>, Map<String, Object>> trovate = perChiave(FormatoArchivio.righe(jdbc, tabella, colonne), chiave);
            Map<List<Object>, Map<String, Object>> archiviate = perChiave(attese, chiave);
            for (Map.Entry<List<Object>, Map<String, Object>> a : archiviate.entrySet()) {
                Map<String, Object> t = trovate.remove(a.getKey());
                if (t == null) {
                    differenze.add(tabella + " " + a.getKey() + ": riga mancante");
                    continue;
                }
                for (Map.Entry<String, Object> colonna : a.getValue().entrySet()) {
                    Object atteso = RevisioniDelTesto.applica(tabella, colonna.getKey(), normalizza(colonna.getValue()));
                    Object trovato = normalizza(t.get(colonna.getKey()));
                    if (!Objects.equals(atteso, trovato) && !stessoJson(atteso, trovato)) {
                        differenze.add(tabella + " " + a.getKey() + " " + colonna.getKey() + ": " + confrontoBreve(atteso, trovato));
                    }
                }
            }
            trovate.keySet().forEach(k -> differenze.add(tabella + " " + k + ": riga in più, non archiviata"));
        }
        nessunErrore("differenze dalle righe archiviate dopo la " + dopo, differenze);
    }

    /**
     * Whether the rebuilt JSON document holds everything the archived one holds: the same value at every key
     * and index the archive has (objects compared regardless of key order, arrays in order and of the same
     * length). A key only in the rebuilt document is information a later projection derives from the same
     * events (e.g. a phase's {@code storiaRimodulazioni}), as a column added to a table after the archive, which
     * the comparison leaves out too ({@link FormatoArchivio#colonneDi}); a value changed or lost is a difference.
     * Key order: the storico writes the prima/dopo of an ASSEGNAZIONE_TERMINATA from {@code Map.of} (query-side
     * Narratore.java:72), whose iteration order changes from one JVM to the next, so only the content can be
     * compared across processes.
     */
    private static boolean stessoJson(Object atteso, Object trovato) {
        if (!(atteso instanceof String a) || !(trovato instanceof String t) || !a.startsWith("{") && !a.startsWith("[")) {
            return false;
        }
        try {
            return contiene(JSON.readTree(a), JSON.readTree(t));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean contiene(JsonNode archiviato, JsonNode ricostruito) {
        if (archiviato.isObject()) {
            if (!ricostruito.isObject()) {
                return false;
            }
            for (java.util.Iterator<Map.Entry<String, JsonNode>> voci = archiviato.fields(); voci.hasNext(); ) {
                Map.Entry<String, JsonNode> voce = voci.next();
                JsonNode valore = ricostruito.get(voce.getKey());
                if (valore == null || !contiene(voce.getValue(), valore)) {
                    return false;
                }
            }
            return true;
        }
        if (archiviato.isArray()) {
            if (!ricostruito.isArray() || archiviato.size() != ricostruito.size()) {
                return false;
            }
            for (int i = 0; i < archiviato.size(); i++) {
                if (!contiene(archiviato.get(i), ricostruito.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return archiviato.equals(ricostruito);
    }

    private static Map<List<Object>, Map<String, Object>> perChiave(List<Map<String, Object>> righe, List<String> chiave) {
        Map<List<Object>, Map<String, Object>> mappa = new LinkedHashMap<>();
        for (Map<String, Object> riga : righe) {
            mappa.put(chiave.stream().map(c -> normalizza(riga.get(c))).toList(), riga);
        }
        return mappa;
    }

    private static Object normalizza(Object valore) {
        return valore instanceof Number n ? (Object) n.longValue() : valore;
    }

    /** Both values around the first character where they differ (the scheda's JSON document is long). */
    private static String confrontoBreve(Object atteso, Object trovato) {
        String a = String.valueOf(atteso);
        String t = String.valueOf(trovato);
        int i = 0;
        while (i < a.length() && i < t.length() && a.charAt(i) == t.charAt(i)) {
            i++;
        }
        int da = Math.max(0, i - 60);
        return "dal carattere " + i + " archiviato «" + a.substring(da, Math.min(a.length(), i + 80)) + "», trovato «"
                + t.substring(da, Math.min(t.length(), i + 80)) + "»";
    }
}
