package it.comuni.peg.web.comune;

import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.platform.axon.AxonConfig;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.Stato;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How the pages write dates, months, stati and the print's HTML fragments: Italian, one way everywhere. */
@Component("fmt")
public class Formato {

    public static final Locale ITALIANO = Locale.ITALIAN;
    private static final DateTimeFormatter ISTANTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(AxonConfig.FUSO_ORARIO);
    /** The descrizione of the real print holds HTML: kept as structure, never as script or style. */
    private static final Safelist TAG_AMMESSI = Safelist.basic().removeTags("a");

    public String data(LocalDate data) {
        return data == null ? "—" : FormaItaliana.data(data);
    }

    public String istante(Instant istante) {
        return istante == null ? "—" : ISTANTE.format(istante);
    }

    public String mese(YearMonth mese) {
        return mese == null ? "—" : nomeMese(mese) + " " + mese.getYear();
    }

    public static String nomeMese(YearMonth mese) {
        return FormaItaliana.nomeMese(mese);
    }

    public static String meseBreve(YearMonth mese) {
        String breve = mese.getMonth().getDisplayName(TextStyle.SHORT, ITALIANO);
        return Character.toUpperCase(breve.charAt(0)) + breve.substring(1);
    }

    public String numero(BigDecimal valore) {
        return valore == null ? "—" : FormaItaliana.numero(valore);
    }

    public String stato(Stato stato) {
        if (stato == null) {
            return "—";
        }
        return switch (stato) {
            case NON_AVVIATO -> "Non avviato";
            case IN_CORSO -> "In corso";
            case IN_RITARDO -> "In ritardo";
            case COMPLETATO -> "Completato";
        };
    }

    /** Badge colours of Bootstrap Italia with enough contrast for text (WCAG AA); the word says it anyway. */
    public String classeStato(Stato stato) {
        if (stato == null) {
            return "badge bg-secondary";
        }
        return switch (stato) {
            case NON_AVVIATO -> "badge bg-secondary";
            case IN_CORSO -> "badge bg-primary";
            case IN_RITARDO -> "badge bg-danger";
            case COMPLETATO -> "badge bg-success";
        };
    }

    /**
     * The descrizione's HTML kept as structure (lists, emphasis, paragraphs), never as script or style. A
     * list whose every item writes its own marker ("• Analisi", "1. Miglioramento": the real print hides the
     * list's own with an inline style, which cleaning drops) gets the class {@code segni-nel-testo}, which
     * shows no second marker in the pages and in the print.
     */
    public String html(String frammento) {
        if (frammento == null) {
            return "";
        }
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(Jsoup.clean(frammento, TAG_AMMESSI));
        for (org.jsoup.nodes.Element elenco : doc.select("ul, ol")) {
            org.jsoup.select.Elements voci = elenco.children().select("li");
            if (!voci.isEmpty() && voci.stream().allMatch(v -> SEGNO_NEL_TESTO.matcher(v.text()).lookingAt())) {
                elenco.addClass("segni-nel-testo");
            }
        }
        return doc.body().html();
    }

    private static final java.util.regex.Pattern SEGNO_NEL_TESTO = java.util.regex.Pattern.compile("\\s*([•●·▪◦‣*–-]|\\d+[.)])\\s");

    public String ruolo(String ruolo) {
        if (ruolo == null) {
            return "sistema";
        }
        return switch (ruolo) {
            case "CONTROLLO_GESTIONE" -> "controllo di gestione";
            case "DIRIGENTE" -> "dirigente";
            case "RESPONSABILE_UFFICIO" -> "responsabile d'ufficio";
            case "NUCLEO" -> "nucleo di valutazione";
            default -> ruolo.toLowerCase(ITALIANO);
        };
    }

    /** The phases of an objective as a form offers them: number, "1. Analisi". */
    public Map<String, String> fasi(Scheda scheda) {
        Map<String, String> fasi = new LinkedHashMap<>();
        scheda.fasi().forEach(f -> fasi.put(String.valueOf(f.numero()), f.numero() + ". " + f.titolo()));
        return fasi;
    }

    /** The indicators of an objective as a form offers them: code, "PRAT – Pratiche evase". */
    public Map<String, String> indicatori(Scheda scheda) {
        Map<String, String> indicatori = new LinkedHashMap<>();
        scheda.indicatori().forEach(i -> indicatori.put(i.codice(), i.codice() + " – " + i.nome()));
        return indicatori;
    }
}
