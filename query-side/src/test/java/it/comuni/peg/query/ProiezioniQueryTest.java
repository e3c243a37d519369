package it.comuni.peg.query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.query.scheda.SchedaProjection;
import it.comuni.peg.query.support.EventiDiProva;
import it.comuni.peg.query.support.ProiezioniDiProva;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.organigramma.EnteRegistrato;
import it.comuni.peg.api.organigramma.IncaricoConferito;
import it.comuni.peg.api.organigramma.PersonaCorretta;
import it.comuni.peg.api.organigramma.PersonaRegistrata;
import it.comuni.peg.api.organigramma.StrutturaIstituita;
import it.comuni.peg.api.organigramma.TipoIncarico;
import it.comuni.peg.api.organigramma.TipoStruttura;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.AccessiUtenti;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.query.valutazione.ValutazionePersona;
import it.comuni.peg.query.valutazione.ValutazioneService;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.springframework.core.io.ClassPathResource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheda and storico projections on the real MariaDB, fed by events appended straight to the store (the
 * query side has no command side): the HTTP scheda and list, idempotence, as-of, errors.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = QuerySideApplication.class)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProiezioniQueryTest {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        MariaDbDiTest.registra(r);
    }

    @Autowired EventStore store;
    @Autowired PlatformTransactionManager tx;
    @Autowired EventProcessingConfiguration processori;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate rest;
    @Autowired SchedaProjection projection;
    @Autowired ObjectMapper mapper;

    @Autowired AccessiUtenti accessi;
    @Autowired ValutazioneService valutazioni;

    static final String ENTE = "c_b648";

    EventiDiProva uno;
    EventiDiProva tre;
    long organigramma;

    @BeforeAll
    void eventi() {
        // the ente's organigramma: who held which incarico in 2024, names as first registered
        ProiezioniDiProva.accoda(store, tx, List.of(
                org(new EnteRegistrato(ENTE, "Comune di Capannori", "046007", List.of("Comune di Capannori"))),
                org(new StrutturaIstituita(ENTE, "SASTER", "Assetto del territorio", TipoStruttura.SETTORE, null,
                        LocalDate.parse("2023-01-01"), null)),
                org(new StrutturaIstituita(ENTE, "UEDPRI", "Edilizia privata", TipoStruttura.UFFICIO, "SASTER",
                        LocalDate.parse("2023-01-01"), null)),
                org(new PersonaRegistrata(ENTE, "M001", "GENTILI LUCA")),
                org(new PersonaRegistrata(ENTE, "M002", "ROSSI MARIO")),
                org(new PersonaRegistrata(ENTE, "M003", "BIANCHI ANNA")),
                org(new PersonaRegistrata(ENTE, "M010", "VERDI LUCA")),
                org(new PersonaRegistrata(ENTE, "M011", "VERDI LUCA")),
                org(new IncaricoConferito(ENTE, "I1", "SASTER", "M001", TipoIncarico.TITOLARE, LocalDate.parse("2024-01-01"),
                        LocalDate.parse("2024-06-30"), "Decreto 1/2024")),
                org(new IncaricoConferito(ENTE, "I2", "SASTER", "M002", TipoIncarico.INTERIM, LocalDate.parse("2024-07-01"),
                        null, "Decreto 9/2024")),
                org(new IncaricoConferito(ENTE, "I3", "UEDPRI", "M003", TipoIncarico.TITOLARE, LocalDate.parse("2024-01-01"),
                        null, "Decreto 2/2024"))));
        accessi.concedi("nucleo", new Accesso(ENTE, Ruolo.NUCLEO, null), "test");

        uno = new EventiDiProva("ob-uno")
                .definito(ENTE, 2023, "Digitalizzazione pratiche edilizie", "2023-01-10T09:00:00Z")
                .persona("VERDI LUCA", "2023-01-01", "2023-12-31", "2023-01-10T09:01:00Z")
                .fase(1, "2023-01-01", "2023-03-31", "2023-01-10T09:02:00Z")
                .fase(2, "2023-04-01", "2023-06-30", "2023-01-10T09:03:00Z")
                .indicatore("PRAT", "100", Direzione.CRESCENTE, 100, "2023-01-10T09:04:00Z")
                .consuntivo(1, "2023-01", 30, "2023-02-02T10:00:00Z")
                .consuntivo(1, "2023-02", 60, "2023-03-02T10:00:00Z")
                .completata(1, "2023-03-30", "2023-04-02T10:00:00Z")
                .consuntivo(2, "2023-04", 20, "2023-06-20T10:00:00Z")
                .rimodulata(2, "2023-04-01", "2023-06-30", "2023-04-01", "2023-09-30", "2023-06-21T10:00:00Z")
                .rettifica(2, "2023-04", 20, 25, "2023-06-22T10:00:00Z");
        EventiDiProva due = new EventiDiProva("ob-due")
                .definito(ENTE, 2023, "Riordino archivio", "2023-02-10T09:00:00Z")
                .fase(1, "2023-01-01", "2023-02-28", "2023-02-10T09:02:00Z");
        // 2024: the plan by the controllo di gestione (no persona), progress by whoever held the incarico that day
        tre = new EventiDiProva("ob-tre")
                .come("controllo", ENTE, "CONTROLLO_GESTIONE", null)
                .definito(ENTE, 2024, "Sportello unico digitale", "2024-01-10T09:00:00Z")
                .fase(1, "2024-01-01", "2024-12-31", "2024-01-10T09:01:00Z")
                .persona("VERDI LUCA", "M010", "2024-01-01", "2024-12-31", "2024-01-10T09:02:00Z")
                .persona("VERDI LUCA", "M011", "2024-01-01", "2024-03-31", "2024-01-10T09:03:00Z")
                .persona("NERI PAOLO", "2024-01-01", "2024-12-31", "2024-01-10T09:04:00Z")
                .come("dirigente", ENTE, "DIRIGENTE", "M001")
                .consuntivo(1, "2024-01", 10, "2024-02-02T10:00:00Z")
                // a name where an identificativo goes: as events recorded before the organigramma carry it
                .come("dirigente", ENTE, "DIRIGENTE", "GENTILI LUCA")
                .consuntivo(1, "2024-02", 20, "2024-03-02T10:00:00Z")
                .come("responsabile", ENTE, "RESPONSABILE_UFFICIO", "M003")
                .consuntivo(1, "2024-03", 30, "2024-04-02T10:00:00Z")
                // 1 July, 00:30 in Italy: the interim's first day
                .come("dirigente2", ENTE, "DIRIGENTE", "M002")
                .consuntivo(1, "2024-06", 40, "2024-06-30T22:30:00Z");
        ProiezioniDiProva.accoda(store, tx, uno.eventi());
        ProiezioniDiProva.accoda(store, tx, due.eventi());
        ProiezioniDiProva.accoda(store, tx, tre.eventi());
        ProiezioniDiProva.attendi(processori, jdbc, "organigramma");
        ProiezioniDiProva.attendi(processori, jdbc, "scheda");
        ProiezioniDiProva.attendi(processori, jdbc, "storico");
    }

    /** An event of the ente's Organigramma stream, recorded by the system. */
    private DomainEventMessage<?> org(Object evento) {
        return new GenericDomainEventMessage<>("Organigramma", ENTE, organigramma++, evento, Map.of(),
                UUID.randomUUID().toString(), Instant.parse("2023-12-01T09:00:00Z"));
    }

    private TestRestTemplate nucleo() {
        return rest.withBasicAuth("nucleo", "nucleo");
    }

    /**
     * Instants reach the DATETIME columns as UTC wall time, and the session speaks UTC, whatever this
     * JVM's zone (the suite runs this class in a non-UTC zone too): another process, in another zone,
     * reads the same instants.
     */
    @Test
    void storesEveryInstantAsUtcWallTimeWhateverTheJvmZone() {
        assertThat(jdbc.queryForObject("SELECT @@session.time_zone", String.class)).isEqualTo("+00:00");
        assertThat(jdbc.queryForObject("SELECT definito_il FROM scheda_obiettivo WHERE obiettivo_id = 'ob-uno'", LocalDateTime.class))
                .isEqualTo(LocalDateTime.parse("2023-01-10T09:00:00"));
        assertThat(jdbc.queryForObject("SELECT MAX(registrato_il) FROM storico_voce WHERE obiettivo_id = 'ob-uno'", LocalDateTime.class))
                .isEqualTo(LocalDateTime.parse("2023-06-22T10:00:00"));
        // and a date stays the date it is, in any zone (no instant conversion on the way)
        assertThat(jdbc.queryForObject("SELECT scadenza_aperta FROM scheda_obiettivo WHERE obiettivo_id = 'ob-uno'", LocalDate.class))
                .isEqualTo(LocalDate.parse("2023-09-30"));
        assertThat(jdbc.queryForObject("SELECT MIN(inizio) FROM assegnazione_persona WHERE obiettivo_id = 'ob-uno'", LocalDate.class))
                .isEqualTo(LocalDate.parse("2023-01-01"));
    }

    @Test
    void servesTheSchedaWithItsVersionAsEtag() {
        ResponseEntity<JsonNode> r = nucleo().getForEntity("/api/obiettivi/ob-uno", JsonNode.class);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getETag()).isEqualTo("\"10\"");
        JsonNode s = r.getBody();
        assertThat(s.get("versione").asLong()).isEqualTo(10);
        assertThat(s.get("fasi").get(0).get("consuntivo").toString()).isEqualTo("[\"2023-01\",\"2023-02\"]");
        assertThat(s.get("fasi").get(0).get("stato").asText()).isEqualTo("COMPLETATO");
        assertThat(s.get("persone").get(0).get("periodi")).hasSize(1);
    }

    @Test
    void listsThePegWithFilters() {
        JsonNode tutti = nucleo().getForObject("/api/obiettivi?ente=c_b648&anno=2023", JsonNode.class);
        assertThat(tutti.get("totale").asInt()).isEqualTo(2);

        JsonNode perTesto = nucleo().getForObject("/api/obiettivi?ente=c_b648&anno=2023&testo=ARCHIVIO", JsonNode.class);
        assertThat(perTesto.get("obiettivi")).singleElement().satisfies(o -> assertThat(o.get("id").asText()).isEqualTo("ob-due"));

        // today both are late: phase 2 of ob-uno ends on 30/09/2023, ob-due's only phase in February
        JsonNode inRitardo = nucleo().getForObject("/api/obiettivi?ente=c_b648&anno=2023&stato=IN_RITARDO", JsonNode.class);
        assertThat(inRitardo.get("totale").asInt()).isEqualTo(2);
        JsonNode perResponsabile = nucleo().getForObject("/api/obiettivi?ente=c_b648&anno=2023&responsabile=bianchi", JsonNode.class);
        assertThat(perResponsabile.get("totale").asInt()).isEqualTo(2);
        JsonNode altroUfficio = nucleo().getForObject("/api/obiettivi?ente=c_b648&anno=2023&ufficio=XXX", JsonNode.class);
        assertThat(altroUfficio.get("totale").asInt()).isZero();
    }

    @Test
    void asOfReplaysTheStreamCutAtTheInstant() {
        JsonNode marzo = nucleo().getForObject("/api/obiettivi/ob-uno?asOf=2023-03-10", JsonNode.class);
        assertThat(marzo.get("versione").asLong()).isEqualTo(6);
        assertThat(marzo.get("stato").asText()).isEqualTo("IN_CORSO");
        assertThat(marzo.get("statoAl").asText()).isEqualTo("2023-03-10");

        JsonNode elenco = nucleo().getForObject("/api/obiettivi?ente=c_b648&anno=2023&asOf=2023-02-01", JsonNode.class);
        assertThat(elenco.get("totale").asInt()).isEqualTo(1);

        ResponseEntity<JsonNode> prima = nucleo().getForEntity("/api/obiettivi/ob-uno?asOf=2022-12-31", JsonNode.class);
        assertThat(prima.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void asOfNowEqualsTheLiveScheda() {
        JsonNode live = nucleo().getForObject("/api/obiettivi/ob-uno", JsonNode.class);
        JsonNode asOf = nucleo().getForObject("/api/obiettivi/ob-uno?asOf=2100-01-01T00:00:00Z", JsonNode.class);
        assertThat(asOf).isEqualTo(live);
    }

    @Test
    void answersProblemsForBadInput() {
        ResponseEntity<JsonNode> malformato = nucleo().getForEntity("/api/obiettivi/ob-uno?asOf=ieri", JsonNode.class);
        assertThat(malformato.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformato.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(malformato.getBody().get("errori").get(0).get("campo").asText()).isEqualTo("asOf");

        assertThat(nucleo().getForEntity("/api/obiettivi/sconosciuto", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(nucleo().getForEntity("/api/obiettivi?ente=X&anno=2023&stato=BOH", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void handlingAnEventTwiceChangesNothing() {
        String prima = jdbc.queryForObject("SELECT documento FROM scheda_obiettivo WHERE obiettivo_id = 'ob-uno'", String.class);
        new TransactionTemplate(tx).executeWithoutResult(s -> {
            for (DomainEventMessage<?> e : uno.eventi()) {
                projection.on(e);
            }
        });
        String dopo = jdbc.queryForObject("SELECT documento FROM scheda_obiettivo WHERE obiettivo_id = 'ob-uno'", String.class);
        assertThat(dopo).isEqualTo(prima);
    }

    @Test
    void storicoTellsEveryChangeWithWhoAndWhy() {
        JsonNode storico = nucleo().getForObject("/api/obiettivi/ob-uno/storico", JsonNode.class);
        assertThat(storico.get("totale").asInt()).isEqualTo(11);
        JsonNode voci = storico.get("voci");
        assertThat(voci.get(0).get("descrizione").asText()).startsWith("Definito l'obiettivo «Digitalizzazione");
        assertThat(voci.get(0).get("utente").asText()).isEqualTo("dirigente");
        assertThat(voci.get(0).get("ruolo").asText()).isEqualTo("DIRIGENTE");

        JsonNode tardivo = voci.get(8);
        assertThat(tardivo.get("tipo").asText()).isEqualTo("CONSUNTIVO_REGISTRATO");
        assertThat(tardivo.get("registratoInRitardo").asBoolean()).isTrue();
        assertThat(tardivo.get("giorniRitardo").asInt()).isEqualTo(51);
        assertThat(tardivo.get("descrizione").asText()).contains("aprile 2023").contains("registrato in ritardo");
        assertThat(voci.get(5).get("registratoInRitardo").asBoolean()).isFalse();

        JsonNode rimodulazione = voci.get(9);
        assertThat(rimodulazione.get("motivazione").asText()).isEqualTo("Ritardo nell'affidamento");
        assertThat(rimodulazione.get("prima").get("fine").asText()).isEqualTo("2023-06-30");
        assertThat(rimodulazione.get("dopo").get("fine").asText()).isEqualTo("2023-09-30");
        JsonNode rettifica = voci.get(10);
        assertThat(rettifica.get("prima").get("percentuale").asInt()).isEqualTo(20);
        assertThat(rettifica.get("dopo").get("percentuale").asInt()).isEqualTo(25);
    }

    @Test
    void differenzeListTheChangesBetweenTwoInstants() {
        JsonNode d = nucleo().getForObject("/api/obiettivi/ob-uno/differenze?da=2023-06-20T12:00:00Z&a=2023-06-30", JsonNode.class);
        assertThat(d.get("voci")).extracting(v -> v.get("tipo").asText())
                .containsExactly("FASE_RIMODULATA", "CONSUNTIVO_RETTIFICATO");

        JsonNode peg = nucleo().getForObject("/api/peg/2023/differenze?ente=c_b648&da=2023-01-31&a=2023-02-28", JsonNode.class);
        assertThat(peg.get("voci")).extracting(v -> v.get("obiettivoId").asText() + ":" + v.get("sequenza").asInt())
                .containsExactly("ob-uno:5", "ob-due:0", "ob-due:1");
        assertThat(peg.get("voci").get(1).get("titoloObiettivo").asText()).isEqualTo("Riordino archivio");

        ResponseEntity<JsonNode> rovesciato = nucleo().getForEntity(
                "/api/peg/2023/differenze?ente=c_b648&da=2023-03-01&a=2023-02-01", JsonNode.class);
        assertThat(rovesciato.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> malformato = nucleo().getForEntity("/api/obiettivi/ob-uno/differenze?da=x&a=2023-02-01", JsonNode.class);
        assertThat(malformato.getBody().get("errori").get(0).get("campo").asText()).isEqualTo("da");
        assertThat(nucleo().getForEntity("/api/obiettivi/nessuno/storico", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * Who acted, named as the organigramma holds the persona when read: the identificativo the event
     * recorded, the name beside it, the role in Italian and, for progress, the struttura by whose
     * incarico (the holder on the day of recording, Europe/Rome); a line without persona as it always was.
     */
    @Test
    void storicoNamesWhoActedAsTheOrganigrammaHoldsThem() {
        JsonNode voci = nucleo().getForObject("/api/obiettivi/ob-tre/storico", JsonNode.class).get("voci");
        assertThat(voci).hasSize(9);

        JsonNode definito = voci.get(0);
        assertThat(definito.get("utente").asText()).isEqualTo("controllo");
        assertThat(definito.get("ruolo").asText()).isEqualTo("CONTROLLO_GESTIONE");
        // the answer leaves out what is null: a line without persona reads as it always did
        for (String campo : List.of("persona", "nomePersona", "descrizioneRuolo", "incarico", "chi")) {
            assertThat(definito.has(campo)).as(campo).isFalse();
        }

        JsonNode gennaio = voci.get(5);
        assertThat(gennaio.get("tipo").asText()).isEqualTo("CONSUNTIVO_REGISTRATO");
        assertThat(gennaio.get("persona").asText()).isEqualTo("M001");
        assertThat(gennaio.get("nomePersona").asText()).isEqualTo("GENTILI LUCA");
        assertThat(gennaio.get("descrizioneRuolo").asText()).isEqualTo("Dirigente");
        assertThat(gennaio.get("incarico").get("struttura").asText()).isEqualTo("SASTER");
        assertThat(gennaio.get("incarico").get("tipoStruttura").asText()).isEqualTo("SETTORE");
        assertThat(gennaio.get("incarico").get("tipoIncarico").asText()).isEqualTo("TITOLARE");
        assertThat(gennaio.get("chi").asText())
                .isEqualTo("GENTILI LUCA (M001), Dirigente, responsabile del settore SASTER (Assetto del territorio)");

        JsonNode conNome = voci.get(6);
        assertThat(conNome.get("persona").asText()).isEqualTo("GENTILI LUCA");
        assertThat(conNome.has("nomePersona")).isFalse();
        assertThat(conNome.has("incarico")).isFalse();
        assertThat(conNome.get("chi").asText()).isEqualTo("GENTILI LUCA, Dirigente");

        assertThat(voci.get(7).get("chi").asText()).isEqualTo(
                "BIANCHI ANNA (M003), Responsabile d'ufficio, responsabile dell'ufficio UEDPRI (Edilizia privata)");
        // recorded at 00:30 of 1 July in Italy, 30 June in UTC: the interim's first day
        assertThat(voci.get(8).get("chi").asText()).isEqualTo(
                "ROSSI MARIO (M002), Dirigente, responsabile ad interim del settore SASTER (Assetto del territorio)");

        // the same in the PEG's storico and in the differenze
        JsonNode peg = nucleo().getForObject("/api/peg/2024/storico?ente=c_b648", JsonNode.class).get("voci");
        assertThat(peg.get(5).get("chi").asText()).isEqualTo(gennaio.get("chi").asText());
        JsonNode differenze = nucleo().getForObject("/api/obiettivi/ob-tre/differenze?da=2024-02-01&a=2024-02-28", JsonNode.class);
        assertThat(differenze.get("voci")).singleElement().satisfies(v -> assertThat(v.get("chi").asText()).startsWith("GENTILI LUCA (M001)"));
    }

    /** The name is read when the storico is: corrected in the organigramma, it shows corrected on every line already recorded. */
    @Test
    void aCorrectedNameShowsCorrected() {
        ProiezioniDiProva.accoda(store, tx, List.of(org(new PersonaCorretta(ENTE, "M003", "BIANCHI ANNA", "BIANCHI ANNA MARIA",
                Motivazione.di("Secondo nome omesso all'assunzione")))));
        ProiezioniDiProva.attendi(processori, jdbc, "organigramma");
        try {
            JsonNode voce = nucleo().getForObject("/api/peg/2024/differenze?ente=c_b648&da=2024-04-01&a=2024-04-30", JsonNode.class)
                    .get("voci").get(0);
            assertThat(voce.get("persona").asText()).isEqualTo("M003");
            assertThat(voce.get("nomePersona").asText()).isEqualTo("BIANCHI ANNA MARIA");
            assertThat(voce.get("chi").asText()).startsWith("BIANCHI ANNA MARIA (M003), Responsabile d'ufficio");
        } finally {
            ProiezioniDiProva.accoda(store, tx, List.of(org(new PersonaCorretta(ENTE, "M003", "BIANCHI ANNA MARIA", "BIANCHI ANNA",
                    Motivazione.di("Ripristino")))));
            ProiezioniDiProva.attendi(processori, jdbc, "organigramma");
        }
    }

    /** Lines projected before V28 get their persona from their own event's metadata: the migration's statement, run again. */
    @Test
    void theMigrationFillsThePersonaOfLinesAlreadyProjectedFromTheirEvents() throws Exception {
        String migrazione = new String(new ClassPathResource("db/migration/V28__chi_ha_agito.sql").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        int inizio = migrazione.indexOf("UPDATE storico_voce");
        String riempi = migrazione.substring(inizio, migrazione.indexOf(';', inizio));
        List<String> prima = jdbc.queryForList("SELECT persona FROM storico_voce WHERE obiettivo_id = 'ob-tre' ORDER BY sequenza", String.class);
        assertThat(prima).containsExactly(null, null, null, null, null, "M001", "GENTILI LUCA", "M003", "M002");

        jdbc.update("UPDATE storico_voce SET persona = NULL WHERE obiettivo_id = 'ob-tre'");
        jdbc.update(riempi);

        assertThat(jdbc.queryForList("SELECT persona FROM storico_voce WHERE obiettivo_id = 'ob-tre' ORDER BY sequenza", String.class))
                .isEqualTo(prima);
    }

    /** Two people with the same name are two people when assigned by identificativo; one known by name only is one by name. */
    @Test
    void valutazionePerPersonaGroupsByIdentificativo() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assegnazione_persona WHERE obiettivo_id = 'ob-tre'", Long.class))
                .isEqualTo(3);

        List<ValutazionePersona> persone = valutazioni.persone(ENTE, 2024, null, Instant.now());
        assertThat(persone).extracting(p -> p.nome() + "/" + p.persona() + "/" + p.giorniTotali())
                .containsExactly("NERI PAOLO/null/366", "VERDI LUCA/M010/366", "VERDI LUCA/M011/91");

        JsonNode m011 = nucleo().getForObject("/api/persone/valutazione?ente=c_b648&anno=2024&persona=m011", JsonNode.class);
        assertThat(m011.get("nome").asText()).isEqualTo("VERDI LUCA");
        assertThat(m011.get("persona").asText()).isEqualTo("M011");
        assertThat(m011.get("giorniTotali").asLong()).isEqualTo(91);
        // by name: everyone assigned under it, as before identificativi
        JsonNode perNome = nucleo().getForObject("/api/persone/valutazione?ente=c_b648&anno=2024&nome=Verdi Luca", JsonNode.class);
        assertThat(perNome.get("giorniTotali").asLong()).isEqualTo(366 + 91);
        assertThat(perNome.has("persona")).isFalse();

        ResponseEntity<JsonNode> ignota = nucleo().getForEntity("/api/persone/valutazione?ente=c_b648&anno=2024&persona=X999", JsonNode.class);
        assertThat(ignota.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ignota.getBody().get("detail").asText()).contains("X999");
        ResponseEntity<JsonNode> entrambi = nucleo().getForEntity(
                "/api/persone/valutazione?ente=c_b648&anno=2024&persona=M010&nome=VERDI LUCA", JsonNode.class);
        assertThat(entrambi.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nucleo().getForEntity("/api/persone/valutazione?ente=c_b648&anno=2024", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
