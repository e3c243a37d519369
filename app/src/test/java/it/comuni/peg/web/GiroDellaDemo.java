package it.comuni.peg.web;

import it.comuni.peg.platform.test.TestoItaliano;
import it.comuni.peg.support.SessioneWeb;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's pages read as its users read them, once the simulated year is over:
 * <ul>
 *     <li>every page of the demo (home, the PEG's list, each objective's scheda and storico, the confronto,
 *     the valutazione, the prints, the controllo's pages, the sign-in and an error page), for the nucleo and for
 *     the dirigente, swept for what an Italian reader must not meet ({@link TestoItaliano}: ISO dates, decimal
 *     points, enum names, "null"), what the users typed aside;</li>
 *     <li>the PDF of a settore's print: its file name says ente, year, settore and day; every page says
 *     "pagina N di M"; every page that holds a row of a cronoprogramma holds its header of months too; no
 *     doubled bullets; the same sweep over its text;</li>
 *     <li>one page of each kind in the browser (Chromium in it-IT) at desktop (1366 px) and phone (390 px)
 *     width: a screenshot of each under {@code target/schermate/demo-*.png} and axe's serious and critical
 *     violations, none allowed, nor a page that scrolls sideways; and a date typed in an Italian date field the Italian way reads as that day.</li>
 * </ul>
 */
public final class GiroDellaDemo {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HREF_PDF = Pattern.compile("filename=\"?([^\";]+)\"?");
    private static final int LARGHEZZA_DESKTOP = 1366;
    private static final int LARGHEZZA_TELEFONO = 390;

    private final int porta;
    private final String ente;
    private final int anno;
    private final List<String> obiettivi;
    private final Set<String> datiUtente = new LinkedHashSet<>();
    private final Map<String, List<String>> problemi = new LinkedHashMap<>();

    /**
     * @param obiettivi the ids of the demo's objectives
     * @param datiUtente what the users typed (titles, descriptions, names, notes, motivazioni): theirs to write
     */
    public GiroDellaDemo(int porta, String ente, int anno, List<String> obiettivi, Set<String> datiUtente) {
        this.porta = porta;
        this.ente = ente;
        this.anno = anno;
        this.obiettivi = List.copyOf(obiettivi);
        this.datiUtente.addAll(datiUtente);
    }

    /**
     * The users' text of a JSON answer (titles, names, notes, codes), which the pages show as the users wrote
     * it; enum values, numbers and machine dates are left out, so that a page that shows one raw is still caught; so are the fields named in {@code campiDelSistema}, the system's own words
     * (the storico's {@code descrizione}), which the sweep must read.
     */
    public static Set<String> testiDi(JsonNode nodo, String... campiDelSistema) {
        Set<String> testi = new LinkedHashSet<>();
        raccogli(nodo, false, Set.of(campiDelSistema), testi);
        return testi;
    }

    private static void raccogli(JsonNode nodo, boolean codice, Set<String> esclusi, Set<String> testi) {
        if (nodo == null) {
            return;
        }
        if (nodo.isString()) {
            String t = nodo.asString();
            // codes too (a DUP's "5.3.02", a settore's SASTER) are the ente's own: only enum values, numbers
            // and machine dates are the system's to translate
            if (codice || !TestoItaliano.costanti().contains(t) && !t.matches("-?[\\d.]+|\\d{4}-\\d{2}(-\\d{2}(T.*)?)?")) {
                testi.add(t);
                // the descrizione is HTML: a page shows its text
                if (t.contains("<")) {
                    Document html = Jsoup.parse(t);
                    testi.add(html.text());
                    html.select("li, p").forEach(e -> testi.add(e.text()));
                }
            }
        }
        if (nodo.isObject()) {
            nodo.properties().forEach(campo -> {
                if (!esclusi.contains(campo.getKey())) {
                    raccogli(campo.getValue(), "codice".equals(campo.getKey()), esclusi, testi);
                }
            });
        } else {
            nodo.forEach(figlio -> raccogli(figlio, false, esclusi, testi));
        }
    }

    /** Every page of the demo for {@code utente} (password = user, the demo's users), swept. */
    public void spazza(String utente) {
        spazza(utente, percorsi());
    }

    /** The controllo di gestione's own pages (the imports, a new objective, an objective's planning), swept. */
    public void spazzaIlControllo(String utente) {
        spazza(utente, List.of("/controllo", "/controllo/obiettivi/nuovo", "/controllo/obiettivi/" + obiettivi.get(0)));
    }

    private List<String> percorsi() {
        List<String> percorsi = new ArrayList<>(List.of("/", "/peg?ente=" + ente + "&anno=" + anno,
                "/valutazione?ente=" + ente + "&anno=" + anno, "/stampa?ente=" + ente + "&anno=" + anno,
                "/stampa/peg?ente=" + ente + "&anno=" + anno + "&settore=SASTER",
                "/obiettivi/" + obiettivi.get(0) + "?asOf=31/02/2023"));
        for (String id : obiettivi) {
            percorsi.add("/obiettivi/" + id);
            percorsi.add("/obiettivi/" + id + "/storico");
        }
        percorsi.add("/obiettivi/" + obiettivi.get(0) + "/confronto?da=" + anno + "-03-31T12:00:00&a=" + anno + "-10-31T12:00:00");
        percorsi.add("/valutazione/obiettivi/" + obiettivi.get(0));
        percorsi.add("/stampa/obiettivi/" + obiettivi.get(0));
        return percorsi;
    }

    private void spazza(String utente, List<String> percorsi) {
        SessioneWeb sessione = new SessioneWeb(porta, utente);
        for (String percorso : percorsi) {
            SessioneWeb.Pagina pagina = sessione.leggi(percorso);
            String dove = utente + " " + percorso;
            if (pagina.stato() >= 300 && pagina.stato() < 400) {
                continue;
            }
            if (pagina.stato() == 403) {
                continue; // not this user's page: who may open what is MatriceAccessiTest's
            }
            if (pagina.stato() >= 500) {
                problemi.put(dove + " (" + pagina.stato() + ")", List.of("la pagina non si apre"));
                continue;
            }
            Document doc = Jsoup.parse(pagina.corpo());
            // translate="no": what is written for programs (the receipt's JSON block), not for readers
            doc.select("script, style, template, [translate=no]").remove();
            StringBuilder testo = new StringBuilder(doc.text());
            doc.select("[title], [aria-label], [placeholder], [alt]").forEach(e -> {
                for (String a : List.of("title", "aria-label", "placeholder", "alt")) {
                    testo.append(" ").append(e.attr(a));
                }
            });
            List<String> trovati = TestoItaliano.problemi(testo.toString(), datiUtente);
            if (!trovati.isEmpty()) {
                problemi.put(dove + " (" + pagina.stato() + ")", trovati);
            }
        }
    }

    /** The PDF of the settore's print as of {@code al} (ISO), checked as the class describes; returns its page count. */
    public int stampaDelSettore(String utente, String settore, String al) throws IOException, InterruptedException {
        SessioneWeb sessione = new SessioneWeb(porta, utente);
        HttpResponse<byte[]> risposta = sessione.risposta("/stampa/peg/pdf?ente=" + ente + "&anno=" + anno + "&settore=" + settore
                + "&asOf=" + al);
        assertThat(risposta.statusCode()).isEqualTo(200);
        String disposizione = risposta.headers().firstValue("Content-Disposition").orElse("");
        Matcher nome = HREF_PDF.matcher(disposizione);
        assertThat(nome.find()).as(disposizione).isTrue();
        assertThat(nome.group(1)).isEqualTo("PEG-" + ente + "-" + anno + "-" + settore + "-al-" + al + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(risposta.body())) {
            int pagine = pdf.getNumberOfPages();
            assertThat(pagine).as("pagine della stampa del settore").isGreaterThan(1);
            PDFTextStripper lettore = new PDFTextStripper();
            StringBuilder tutto = new StringBuilder();
            for (int p = 1; p <= pagine; p++) {
                lettore.setStartPage(p);
                lettore.setEndPage(p);
                String testo = lettore.getText(pdf).replaceAll("\\s+", " ");
                tutto.append(testo).append(' ');
                assertThat(testo).as("pagina %d del PDF", p).contains("pagina " + p + " di " + pagine);
                if (testo.contains(" Previsto ")) {
                    assertThat(testo).as("pagina %d: una riga del cronoprogramma senza l'intestazione dei mesi", p)
                            .containsPattern("Fase (Gen|Feb|Mar|Apr|Mag|Giu|Lug|Ago|Set|Ott|Nov|Dic) ");
                }
            }
            assertThat(tutto.toString()).as("elenchi con il segno doppio").doesNotContainPattern("[•●▪◦]\\s*[•●▪◦]");
            // the receipt's block for programs (JSON) closes the print: read up to it
            String perLettori = tutto.toString().split("in forma leggibile da un programma", 2)[0];
            List<String> trovati = TestoItaliano.problemi(perLettori, datiUtente);
            if (!trovati.isEmpty()) {
                problemi.put(utente + " PDF del settore " + settore, trovati);
            }
            return pagine;
        }
    }

    /**
     * The pages of {@link #pagine()} named for each user, in one Chromium signed in as each in turn, at both
     * widths: a screenshot each ({@code demo-<utente>-<pagina>-<desktop|telefono>.png}) and axe's serious and
     * critical violations, returned; then the date field of the prints' index takes "3006" + year typed the
     * Italian way, as the 30th of June.
     */
    public List<String> nelBrowser(Map<String, List<String>> paginePerUtente) throws IOException {
        Browser.richiedi();
        List<String> violazioni = new ArrayList<>();
        ChromeDriver browser = Browser.avvia();
        try {
            for (Map.Entry<String, List<String>> u : paginePerUtente.entrySet()) {
                browser.manage().deleteAllCookies();
                browser.get(url("/accesso"));
                browser.findElement(By.id("utente")).sendKeys(u.getKey());
                browser.findElement(By.id("password")).sendKeys(u.getKey());
                Browser.clicca(browser, By.id("entra"));
                Browser.attendi(browser, By.id("utente-collegato"));
                for (int larghezza : new int[]{LARGHEZZA_DESKTOP, LARGHEZZA_TELEFONO}) {
                    browser.manage().window().setSize(new Dimension(larghezza, larghezza == LARGHEZZA_DESKTOP ? 1000 : 844));
                    for (String pagina : u.getValue()) {
                        browser.get(url(pagine().get(pagina)));
                        Browser.attendi(browser, By.tagName("main"));
                        String nome = "demo-" + u.getKey() + "-" + pagina + "-" + (larghezza == LARGHEZZA_DESKTOP ? "desktop" : "telefono");
                        Browser.schermata(browser, nome);
                        violazioni.addAll(Browser.violazioniGravi(browser).stream().map(v -> nome + ": " + v).toList());
                        List<String> larghi = Browser.oltreLaFinestra(browser);
                        if (!larghi.isEmpty()) {
                            violazioni.add(nome + ": la pagina scorre di lato, larga " + larghezza + " px: " + larghi);
                        }
                    }
                }
            }
            browser.manage().window().setSize(new Dimension(LARGHEZZA_DESKTOP, 1000));
            browser.get(url(pagine().get("stampe")));
            Browser.attendi(browser, By.id("stampa-asof"));
            browser.findElement(By.id("stampa-asof")).sendKeys("3006" + anno);
            assertThat(browser.findElement(By.id("stampa-asof")).getDomProperty("value"))
                    .as("una data digitata all'italiana (gg/mm/aaaa) nel campo data in it-IT").isEqualTo(anno + "-06-30");
        } finally {
            browser.quit();
        }
        return violazioni;
    }

    /** One page of each kind, by name: what {@link #nelBrowser} opens. */
    public Map<String, String> pagine() {
        String primo = obiettivi.get(0);
        Map<String, String> pagine = new LinkedHashMap<>();
        pagine.put("home", "/");
        pagine.put("peg", "/peg?ente=" + ente + "&anno=" + anno);
        pagine.put("scheda", "/obiettivi/" + primo);
        pagine.put("storico", "/obiettivi/" + primo + "/storico");
        pagine.put("confronto", "/obiettivi/" + primo + "/confronto?da=" + anno + "-03-31T12:00:00&a=" + anno + "-10-31T12:00:00");
        pagine.put("valutazione", "/valutazione?ente=" + ente + "&anno=" + anno);
        pagine.put("valutazione-obiettivo", "/valutazione/obiettivi/" + primo);
        pagine.put("stampe", "/stampa?ente=" + ente + "&anno=" + anno);
        pagine.put("errore", "/obiettivi/" + primo + "?asOf=31/02/" + anno);
        return pagine;
    }

    /** What the sweeps found, page by page: empty when every page reads as Italian. */
    public Map<String, List<String>> problemi() {
        return problemi;
    }

    private String url(String percorso) {
        return "http://localhost:" + porta + percorso;
    }

    /** The JSON of an API answer, for {@link #testiDi}. */
    public static JsonNode json(String corpo) {
        return JSON.readTree(corpo);
    }
}
