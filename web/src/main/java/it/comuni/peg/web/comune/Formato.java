package it.comuni.peg.web.comune;

import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.smvp.FasciaColore;
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
        return mese == null ? "—" : meseAnno(mese);
    }

    /** A month as Italian sentences write it: "gennaio 2024". */
    public static String meseAnno(YearMonth mese) {
        return FormaItaliana.mese(mese);
    }

    /**
     * A count with its noun in the right number: "1 fase", "6 fasi", "0 fasi".
     *
     * @param singolare the noun for one ("fase", "obiettivo", "giorno")
     * @param plurale   the noun for any other count ("fasi", "obiettivi", "giorni")
     */
    public String quanti(long numero, String singolare, String plurale) {
        return FormaItaliana.quanti(numero, singolare, plurale);
    }

    /**
     * A score's colour band as a sentence writes it, the colour agreeing with "fascia": "fascia gialla",
     * "fascia rossa", "fascia verde", "fascia blu"; "—" without a band.
     */
    public String fascia(FasciaColore.Colore colore) {
        if (colore == null) {
            return "—";
        }
        String parola = parola(colore);
        // the colours of the bands are adjectives: those in -o turn feminine, the others (verde, arancione, blu) do not change
        return "fascia " + (parola.endsWith("o") ? parola.substring(0, parola.length() - 1) + "a" : parola);
    }

    /** A decimal number with the decimal comma, rounded to {@code decimali} places, trailing zeros dropped. */
    public String numero(BigDecimal valore, int decimali) {
        return valore == null ? "—" : numero(valore.setScale(decimali, java.math.RoundingMode.HALF_UP));
    }

    /**
     * An enum value of the query side as a word: IN_LINEA "in linea", VALUTAZIONE_FINALE "valutazione
     * finale", NON_VALUTABILE "non valutabile", VERDE "verde". The words are the constants' own, lower case;
     * a few read better said otherwise ({@link #PAROLE}).
     */
    public String parola(Enum<?> valore) {
        return valore == null ? "—" : parola(valore.name());
    }

    /** {@link #parola(Enum)} for a constant's name carried as text (an origine, a ruolo). */
    public String parola(String costante) {
        if (costante == null) {
            return "—";
        }
        String parola = PAROLE.get(costante);
        return parola != null ? parola : costante.toLowerCase(ITALIANO).replace('_', ' ');
    }

    /** A value of a JSON document (a part of the SMVP method): numbers with the decimal comma, texts as they are. */
    public String valore(tools.jackson.databind.JsonNode valore) {
        if (valore == null || valore.isNull() || valore.isMissingNode()) {
            return "—";
        }
        if (valore.isNumber()) {
            return numero(valore.decimalValue());
        }
        return valore.isString() ? valore.asString() : valore.toString().replace("\"", "");
    }

    /** A settore or ufficio as the pages name it: "SASTER – ASSETTO E GESTIONE DEL TERRITORIO", the code alone without a name. */
    public static String struttura(String codice, String nome) {
        if (codice == null) {
            return "—";
        }
        return nome == null || nome.isBlank() ? codice : codice + " – " + nome;
    }

    /** {@link #struttura(String, String)} of a settore (null: "—"). */
    public String settore(it.comuni.peg.api.comune.Settore s) {
        return s == null ? "—" : struttura(s.codice(), s.nome());
    }

    /** {@link #struttura(String, String)} of an ufficio (null: "—"). */
    public String ufficio(it.comuni.peg.api.comune.Ufficio u) {
        return u == null ? "—" : struttura(u.codice(), u.nome());
    }

    /** The text of a field of a JSON object (a storico line's values), null when absent, null or blank. */
    public String testo(tools.jackson.databind.JsonNode oggetto, String campo) {
        if (oggetto == null || !oggetto.isObject()) {
            return null;
        }
        tools.jackson.databind.JsonNode v = oggetto.get(campo);
        return v == null || v.isNull() || v.asString().isBlank() ? null : v.asString();
    }

    private static final Map<String, String> PAROLE = Map.of(
            "CALCOLATA", "calcolata dal metodo",
            "VALUTAZIONE_FINALE", "valutazione finale del nucleo",
            "CALCOLATO", "calcolato",
            "FORZATO", "forzato dal nucleo",
            "NON_VALUTABILE", "non valutabile",
            "MANCANTE", "senza valore",
            "NON_CALCOLABILE", "non calcolabile");

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

    /**
     * The phases of an objective as a form offers them: number, "1. Analisi"; the open phases first, then the
     * completed ones, marked "(completata)", where a form's command would be refused.
     */
    public Map<String, String> fasi(Scheda scheda) {
        Map<String, String> fasi = new LinkedHashMap<>();
        scheda.fasi().stream().filter(f -> !f.completata())
                .forEach(f -> fasi.put(String.valueOf(f.numero()), f.numero() + ". " + f.titolo()));
        scheda.fasi().stream().filter(Scheda.Fase::completata)
                .forEach(f -> fasi.put(String.valueOf(f.numero()), f.numero() + ". " + f.titolo() + " (completata)"));
        return fasi;
    }

    /** The indicators of an objective as a form offers them: code, "PRAT – Pratiche evase". */
    public Map<String, String> indicatori(Scheda scheda) {
        Map<String, String> indicatori = new LinkedHashMap<>();
        scheda.indicatori().forEach(i -> indicatori.put(i.codice(), i.codice() + " – " + i.nome()));
        return indicatori;
    }
}
