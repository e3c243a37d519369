package it.comuni.peg.importazione;

import it.comuni.peg.command.importazione.stampa.StampaAttesa;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import it.comuni.peg.PegApplication;
import it.comuni.peg.api.fase.FasePianificata;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.organigramma.Codici;
import it.comuni.peg.api.persona.PersonaAssegnata;
import it.comuni.peg.command.organigramma.Organigrammi;
import it.comuni.peg.platform.sicurezza.AccessiUtenti;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.support.EntiDiProva;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import of the real print over HTTP, on a real MariaDB: exact counts, per kind of aggregate,
 * the organigramma it builds and the guesses it reports, every objective's events against an
 * independent reading of the print, re-import appending nothing, an ente that is not registered
 * refused before anything is written, malformed files answered with a report or a 400, never a 500
 * and never half an objective.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
class ImportazioneStampaTest {

    /** The real print, kept once in the repository (docs/peg); its independent reading is StampaAttesa. */
    private static final Path STAMPE = Path.of("..", "docs", "peg");
    private static final String STAMPA = "capannori-2023-obiettivi-peg-straordinari.txt";
    private static final String OBIETTIVO = "Obiettivo";
    private static final String ORGANIGRAMMA = "Organigramma";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        it.comuni.peg.platform.test.MariaDbDiTest.registra(r);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    ObjectMapper json;
    @Autowired
    EntiDiProva enti;
    @Autowired
    Organigrammi organigrammi;
    @Autowired
    AccessiUtenti accessi;

    /**
     * Into an ente registered with an empty organigramma: the print's organigramma first (31 strutture,
     * 177 persone, 28 incarichi: every struttura with a printed responsabile), then its objectives.
     */
    @Test
    void importaLaStampaRealeEReimportarlaNonAggiungeNulla() throws Exception {
        enti.registra("c_b648", "controllo");
        long eventiPrima = eventi(OBIETTIVO);
        long organigrammaPrima = eventi(ORGANIGRAMMA);
        long inizio = System.nanoTime();
        ResponseEntity<String> risposta = importa("controllo", stampa(), "c_b648", "2023");
        long millisecondi = (System.nanoTime() - inizio) / 1_000_000;
        System.out.println("Importazione della stampa reale via HTTP: " + millisecondi + " ms");

        assertThat(risposta.getStatusCode().value()).as(risposta.getBody()).isEqualTo(200);
        JsonNode esito = json.readTree(risposta.getBody());
        assertThat(conteggi(esito)).containsExactlyInAnyOrderEntriesOf(Map.of("obiettivi", 41, "fasi", 184,
                "assegnazioni", 271, "persone", 176, "settori", 7, "uffici", 24, "nuovi", 41, "giaPresenti", 0));
        assertThat(tipi(esito)).contains("CODICE_DIVERSO_DALL_INDICE", "OBIETTIVO_SENZA_PERSONE", "FASE_SENZA_NUMERO",
                "TABELLA_SPEZZATA", "PERSONA_RIPETUTA", "UFFICIO_SENZA_OBIETTIVI").doesNotContain("OBIETTIVO_ILLEGGIBILE",
                "OBIETTIVO_RIFIUTATO", "ORGANIGRAMMA_RIFIUTATO", "INCARICO_NON_REGISTRATO", "NOME_IN_DUE_GRAFIE");
        assertThat(esito.get("avvisi").get(0).propertyNames()).containsExactly("riga", "tipo", "messaggio");
        // 41 definitions, 270 assignments (one person printed twice for the same period), 184 phases
        assertThat(eventi(OBIETTIVO) - eventiPrima).isEqualTo(41 + 270 + 184);

        // the organigramma the print shows, and what the import had to guess
        assertThat(esito.get("organigramma").toString()).isEqualTo("{\"strutture\":31,\"persone\":177,\"incarichi\":28}");
        assertThat(eventi(ORGANIGRAMMA) - organigrammaPrima).isEqualTo(31 + 177 + 28);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comando_struttura WHERE ente = 'c_b648'", Long.class)).isEqualTo(31);
        assertThat(organigrammi.persone("c_b648")).hasSize(177).contains(new Organigrammi.PersonaNota("GENTILILUCA", "GENTILI LUCA"));
        assertThat(organigrammi.struttura("c_b648", "UNUOCIT")).get().extracting(Organigrammi.StrutturaNota::settore).isEqualTo("SCITSIND");
        assertThat(organigrammi.incarichi("c_b648", "SASTER")).singleElement().satisfies(i -> {
            assertThat(i.persona()).isEqualTo("GENTILILUCA");
            assertThat(i.dal()).isEqualTo(java.time.LocalDate.of(2023, 1, 1));
            assertThat(i.al()).isNull();
        });
        assertThat(organigrammi.responsabili("c_b648", "SRISORSE", java.time.LocalDate.of(2023, 6, 30))).isEmpty();
        Map<String, Long> ipotesi = new java.util.TreeMap<>();
        esito.get("avvisi").forEach(a -> ipotesi.merge(a.get("tipo").asText(), 1L, Long::sum));
        assertThat(ipotesi).containsEntry("STRUTTURE_ISTITUITE", 1L).containsEntry("IDENTIFICATIVI_PROVVISORI", 1L)
                .containsEntry("INCARICO_DALLA_STAMPA", 28L).containsEntry("STRUTTURA_VACANTE", 3L);
        assertThat(messaggi(esito, "STRUTTURA_VACANTE")).contains("La stampa non indica il responsabile del settore SRISORSE"
                + " e l'organigramma non ne ha uno il 01/01/2023: resta vacante");
        assertThat(messaggi(esito, "INCARICO_DALLA_STAMPA")).contains("GENTILI LUCA (GENTILILUCA) è registrato responsabile titolare"
                + " del settore SASTER dal 01/01/2023 come indica la stampa, con l'atto \"Stampa PEG 2023 (da confermare)\": da"
                + " confermare con l'atto di conferimento");
        assertThat(messaggi(esito, "IDENTIFICATIVI_PROVVISORI").get(0)).startsWith("177 persone registrate nell'organigramma con un"
                + " identificativo provvisorio").contains("DEL FRATE GIOVANNI = DELFRATEGIOVANNI");

        List<String> ids = idInOrdineDiImportazione("c_b648");
        confrontaConLaStampa(ids);

        ResponseEntity<String> ancora = importa("controllo", stampa(), "c_b648", "2023");
        assertThat(ancora.getStatusCode().value()).isEqualTo(200);
        JsonNode ancoraEsito = json.readTree(ancora.getBody());
        assertThat(conteggi(ancoraEsito)).containsEntry("nuovi", 0).containsEntry("giaPresenti", 41);
        assertThat(ancoraEsito.get("organigramma").toString()).isEqualTo("{\"strutture\":0,\"persone\":0,\"incarichi\":0}");
        assertThat(tipi(ancoraEsito)).doesNotContain("STRUTTURE_ISTITUITE", "IDENTIFICATIVI_PROVVISORI", "INCARICO_DALLA_STAMPA");
        assertThat(eventi(OBIETTIVO) - eventiPrima).isEqualTo(41 + 270 + 184);
        assertThat(eventi(ORGANIGRAMMA) - organigrammaPrima).isEqualTo(31 + 177 + 28);

        // the imported events reload into an aggregate that takes one more command
        String id = ids.get(1);
        HttpHeaders intestazioni = new HttpHeaders();
        intestazioni.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> fase = http.withBasicAuth("controllo", "controllo").postForEntity("/api/obiettivi/" + id + "/fasi",
                new HttpEntity<>("{\"numero\":4,\"titolo\":\"Fase aggiunta dopo l'importazione\",\"inizio\":\"2023-10-01\",\"fine\":\"2023-12-31\"}",
                        intestazioni), String.class);
        assertThat(fase.getStatusCode().value()).as(fase.getBody()).isEqualTo(200);
        assertThat(json.readTree(fase.getBody()).get("versione").asLong()).isEqualTo(1 + 7 + 3);
    }

    @Test
    void soloIlControlloDiGestioneImporta() throws Exception {
        enti.registra("c_sicurezza", "controllo", "dirigente", "responsabile");
        assertThat(importa("dirigente", stampa(), "c_sicurezza", "2023").getStatusCode().value()).isEqualTo(403);
        assertThat(importa("responsabile", stampa(), "c_sicurezza", "2023").getStatusCode().value()).isEqualTo(403);
        assertThat(importa(null, stampa(), "c_sicurezza", "2023").getStatusCode().value()).isEqualTo(401);
        assertThat(idInOrdineDiImportazione("c_sicurezza")).isEmpty();
        assertThat(organigrammi.persone("c_sicurezza")).isEmpty();
    }

    /** An ente that is not registered: 404 naming it, before anything is written (the organigramma included). */
    @Test
    void unEnteNonRegistratoÈ404ENullaÈScritto() throws Exception {
        long eventiPrima = eventi();
        // no accesso there: the route's own boundary answers
        ResponseEntity<String> senzaAccesso = importa("controllo", stampa(), "c_ignoto", "2023");
        assertThat(senzaAccesso.getStatusCode().value()).as(senzaAccesso.getBody()).isEqualTo(404);
        assertThat(json.readTree(senzaAccesso.getBody()).get("detail").asText()).isEqualTo("Ente c_ignoto non trovato");
        // an accesso granted in the table for a code no ente has: the importer's own check answers
        accessi.concedi("controllo", new Accesso("c_ignoto", Ruolo.CONTROLLO_GESTIONE, null), "test");
        ResponseEntity<String> nonRegistrato = importa("controllo", stampa(), "c_ignoto", "2023");
        assertThat(nonRegistrato.getStatusCode().value()).as(nonRegistrato.getBody()).isEqualTo(404);
        assertThat(json.readTree(nonRegistrato.getBody()).get("detail").asText()).isEqualTo("Ente c_ignoto non trovato");
        assertThat(eventi()).isEqualTo(eventiPrima);
        accessi.revoca("controllo", "c_ignoto");
    }

    @Test
    void fileNonLeggibiliEParametriErratiSono400ConLaRiga() throws Exception {
        // with two enti, an import that names none is a 400 (with one, it would go into that one)
        enti.registra("c_secondo", "controllo");
        byte[] binario = {'%', 'P', 'D', 'F', '\n', 1, 2, 0, 3};
        ResponseEntity<String> risposta = importa("controllo", binario, "c_prova", "2023");
        assertProblema(risposta, "non è testo");
        assertThat(json.readTree(risposta.getBody()).get("riga").asInt()).isEqualTo(2);
        assertProblema(importa("controllo", new byte[0], "c_prova", "2023"), "vuoto");
        assertProblema(importa("controllo", "solo testo\n".getBytes(StandardCharsets.UTF_8), "c_prova", "2023"), "Obiettivo PEG");
        assertProblema(importa("controllo", stampa(), "c_prova", "duemila"), "anno");
        assertProblema(importa("controllo", stampa(), "c_prova", "1999"), "anno");
        assertProblema(importa("controllo", stampa(), " ", "2023"), "ente");
        assertProblema(http.withBasicAuth("controllo", "controllo").postForEntity("/api/import?ente=c_prova&anno=2023",
                new HttpEntity<>(new LinkedMultiValueMap<>(), multipart()), String.class), "file");
        assertThat(idInOrdineDiImportazione("c_prova")).isEmpty();
    }

    /** Cut inside the phase table of the 11th objective: ten imported whole, the 11th not at all. */
    @Test
    void unaStampaTroncataImportaSoloGliObiettiviInteri() throws Exception {
        String[] righe = new String(stampa(), StandardCharsets.UTF_8).split("\n", -1);
        byte[] troncata = String.join("\n", Arrays.copyOf(righe, 360)).getBytes(StandardCharsets.UTF_8);
        enti.registra("c_troncata", "controllo");
        long eventiPrima = eventi(OBIETTIVO);
        long organigrammaPrima = eventi(ORGANIGRAMMA);
        ResponseEntity<String> risposta = importa("controllo", troncata, "c_troncata", "2023");
        assertThat(risposta.getStatusCode().value()).as(risposta.getBody()).isEqualTo(200);
        JsonNode esito = json.readTree(risposta.getBody());
        assertThat(conteggi(esito)).containsEntry("obiettivi", 11).containsEntry("nuovi", 10).containsEntry("giaPresenti", 0);
        assertThat(tipi(esito)).contains("STAMPA_TRONCATA", "OBIETTIVO_ILLEGGIBILE");
        List<StampaAttesa.Obiettivo> primi = StampaAttesa.leggi().obiettivi().subList(0, 10);
        long attesi = primi.stream().mapToLong(o -> 1 + o.persone().size() + o.fasi().size()).sum();
        assertThat(eventi(OBIETTIVO) - eventiPrima).isEqualTo(attesi);
        // the index is whole: every struttura; only the people of what was read
        JsonNode organigramma = esito.get("organigramma");
        assertThat(organigramma.get("strutture").asInt()).isEqualTo(31);
        assertThat(organigramma.get("persone").asInt()).isBetween(1, 176);
        assertThat(eventi(ORGANIGRAMMA) - organigrammaPrima).isEqualTo(organigramma.get("strutture").asInt()
                + organigramma.get("persone").asInt() + organigramma.get("incarichi").asInt());
        assertThat(organigrammi.persone("c_troncata")).hasSize(organigramma.get("persone").asInt());
        assertThat(idInOrdineDiImportazione("c_troncata")).hasSize(10);
    }

    @Test
    void unaDataImpossibileLasciaFuoriSoloIlSuoObiettivo() throws Exception {
        byte[] conDataImpossibile = new String(stampa(), StandardCharsets.UTF_8)
                .replace("proposta caricata entro il 30/09\t01/01/2023\t30/09/2023", "proposta caricata entro il 30/09\t01/01/2023\t31/02/2023")
                .getBytes(StandardCharsets.UTF_8);
        enti.registra("c_date", "controllo");
        ResponseEntity<String> risposta = importa("controllo", conDataImpossibile, "c_date", "2023");
        assertThat(risposta.getStatusCode().value()).as(risposta.getBody()).isEqualTo(200);
        JsonNode esito = json.readTree(risposta.getBody());
        assertThat(conteggi(esito)).containsEntry("obiettivi", 41).containsEntry("nuovi", 40);
        List<String> dataNonValida = new ArrayList<>();
        esito.get("avvisi").forEach(a -> {
            if (a.get("tipo").asText().equals("DATA_NON_VALIDA")) {
                dataNonValida.add(a.get("riga").asInt() + " " + a.get("messaggio").asText());
            }
        });
        assertThat(dataNonValida).containsExactly("63 La data \"31/02/2023\" non esiste");
        List<String> ids = idInOrdineDiImportazione("c_date");
        assertThat(ids).hasSize(40);
        assertThat(ids.stream().map(id -> definizione(id).titolo())).doesNotContain("Approvazione Piano Triennale Opere Pubbliche al 30-09-23");
    }

    // ---- the comparison with the print ----

    private void confrontaConLaStampa(List<String> ids) throws IOException {
        List<StampaAttesa.Obiettivo> attesi = StampaAttesa.leggi().obiettivi();
        assertThat(ids).hasSameSizeAs(attesi);
        for (int i = 0; i < attesi.size(); i++) {
            StampaAttesa.Obiettivo atteso = attesi.get(i);
            List<Object> eventi = eventStore.readEvents(ids.get(i)).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
            String dove = "obiettivo alla riga " + atteso.riga();
            ObiettivoDefinito d = (ObiettivoDefinito) eventi.get(0);
            assertThat(d.ente()).isEqualTo("c_b648");
            assertThat(d.anno()).isEqualTo(2023);
            assertThat(d.titolo()).as(dove).isEqualTo(atteso.titolo());
            assertThat(d.pesoIndicatori().valore()).as(dove).isEqualByComparingTo(atteso.pesoIndicatori());
            assertThat(d.pesoFasi().valore()).as(dove).isEqualByComparingTo(atteso.pesoFasi());
            assertThat(d.dupStrategico().codice()).as(dove).isEqualTo(atteso.dupStrategico());
            assertThat(d.dupOperativo().codice()).as(dove).isEqualTo(atteso.dupOperativo());

            List<PersonaAssegnata> assegnate = eventi.stream().filter(PersonaAssegnata.class::isInstance).map(PersonaAssegnata.class::cast)
                    .toList();
            List<String> persone = assegnate.stream()
                    .map(p -> String.join("|", p.nome(), p.categoria(), String.valueOf(p.ruolo()), p.inizio().toString(), p.fine().toString()))
                    .toList();
            assertThat(persone).as(dove).containsExactlyElementsOf(personeAttese(atteso));
            // each one the persona of the organigramma the import registered for the name
            assertThat(assegnate).as(dove).allMatch(p -> Codici.identificativoProvvisorio(p.nome()).equals(p.persona()));

            List<FasePianificata> fasi = eventi.stream().filter(FasePianificata.class::isInstance).map(FasePianificata.class::cast).toList();
            assertThat(fasi).as(dove).hasSameSizeAs(atteso.fasi());
            Set<Integer> numeri = new HashSet<>();
            for (int k = 0; k < fasi.size(); k++) {
                FasePianificata fase = fasi.get(k);
                StampaAttesa.Fase stampata = atteso.fasi().get(k);
                assertThat(fase.titolo()).as(dove).isEqualTo(stampata.titolo());
                assertThat(fase.inizio()).as(dove).isEqualTo(stampata.inizio());
                assertThat(fase.fine()).as(dove).isEqualTo(stampata.fine());
                assertThat(numeri.add(fase.numero())).as(dove + ": numeri di fase distinti").isTrue();
                if (stampata.numero() != null && stampata.numero() > 0) {
                    assertThat(fase.numero()).as(dove).isEqualTo(stampata.numero());
                } else if (stampata.numero() == null) {
                    assertThat(fase.numero()).as(dove + ": senza numero, per posizione").isEqualTo(k + 1);
                } else {
                    assertThat(fase.numero()).as(dove + ": il numero 0 diventa il primo libero").isEqualTo(atteso.fasi().size());
                }
            }
        }
    }

    /** The print's rows, a person printed twice for the same period becoming one assignment with both roles. */
    private static List<String> personeAttese(StampaAttesa.Obiettivo atteso) {
        List<StampaAttesa.Persona> unite = new ArrayList<>();
        for (StampaAttesa.Persona p : atteso.persone()) {
            int k = -1;
            for (int j = 0; j < unite.size(); j++) {
                StampaAttesa.Persona u = unite.get(j);
                if (u.nome().equals(p.nome()) && !u.inizio().isAfter(p.fine()) && !p.inizio().isAfter(u.fine())) {
                    k = j;
                }
            }
            if (k < 0) {
                unite.add(p);
            } else {
                StampaAttesa.Persona u = unite.get(k);
                unite.set(k, new StampaAttesa.Persona(u.riga(), u.nome(), u.categoria(), u.ruolo() + " / " + p.ruolo(), u.inizio(), u.fine()));
            }
        }
        return unite.stream().map(p -> String.join("|", p.nome(), p.categoria(), String.valueOf(p.ruolo()),
                p.inizio().toString(), p.fine().toString())).toList();
    }

    // ---- helpers ----

    private ResponseEntity<String> importa(String utente, byte[] contenuto, String ente, String anno) {
        MultiValueMap<String, Object> parti = new LinkedMultiValueMap<>();
        parti.add("file", new ByteArrayResource(contenuto) {
            @Override
            public String getFilename() {
                return "stampa.txt";
            }
        });
        String url = "/api/import?ente=" + URLEncoder.encode(ente, StandardCharsets.UTF_8) + "&anno=" + anno;
        TestRestTemplate client = utente == null ? http : http.withBasicAuth(utente, utente);
        return client.postForEntity(url, new HttpEntity<>(parti, multipart()), String.class);
    }

    private static HttpHeaders multipart() {
        HttpHeaders intestazioni = new HttpHeaders();
        intestazioni.setContentType(MediaType.MULTIPART_FORM_DATA);
        return intestazioni;
    }

    private void assertProblema(ResponseEntity<String> risposta, String testo) throws IOException {
        assertThat(risposta.getStatusCode().value()).as(risposta.getBody()).isEqualTo(400);
        assertThat(risposta.getHeaders().getContentType()).isNotNull();
        assertThat(risposta.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(risposta.getBody()).get("detail").asText()).contains(testo);
    }

    private static byte[] stampa() throws IOException {
        return Files.readAllBytes(STAMPE.resolve(STAMPA));
    }

    private long eventi() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    /** The events of one kind of aggregate (Axon's type column: the aggregate's class name). */
    private long eventi(String aggregato) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE type = ?", Long.class, aggregato);
    }

    /** The objectives of one ente, in the order their first events were appended: the print's order. */
    private List<String> idInOrdineDiImportazione(String ente) {
        return jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE sequence_number = 0 AND type = ?"
                + " ORDER BY global_index", String.class, OBIETTIVO).stream().filter(id -> definizione(id).ente().equals(ente)).toList();
    }

    private static List<String> messaggi(JsonNode esito, String tipo) {
        List<String> messaggi = new ArrayList<>();
        esito.get("avvisi").forEach(a -> {
            if (a.get("tipo").asText().equals(tipo)) {
                messaggi.add(a.get("messaggio").asText());
            }
        });
        return messaggi;
    }

    private ObiettivoDefinito definizione(String id) {
        return (ObiettivoDefinito) eventStore.readEvents(id).asStream().findFirst().orElseThrow().getPayload();
    }

    private static Map<String, Integer> conteggi(JsonNode esito) {
        Map<String, Integer> conteggi = new java.util.HashMap<>();
        esito.properties().iterator().forEachRemaining(e -> {
            if (e.getValue().isInt()) {
                conteggi.put(e.getKey(), e.getValue().asInt());
            }
        });
        return conteggi;
    }

    private static Set<String> tipi(JsonNode esito) {
        Set<String> tipi = new HashSet<>();
        esito.get("avvisi").forEach(a -> tipi.add(a.get("tipo").asText()));
        return tipi;
    }
}
