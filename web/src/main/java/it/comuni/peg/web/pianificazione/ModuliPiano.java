package it.comuni.peg.web.pianificazione;

import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.web.comune.Formato;
import it.comuni.peg.web.comune.Modulo;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The forms of the controllo di gestione on an objective's plan, one per command of the API:
 * define, modify, plan a phase (with its months), define an indicator, assign and end a person.
 */
public final class ModuliPiano {

    public static final String DEFINISCI = "definisci";
    public static final String MODIFICA = "modifica";
    public static final String FASE = "fase";
    public static final String INDICATORE = "indicatore";
    public static final String PERSONA = "persona";
    public static final String TERMINE = "termine";

    /** The checkboxes of the phase's cronoprogramma are named after their month: "previsto-2023-04". */
    public static final String PREVISTO = "previsto-";

    static final Set<String> CAMPI_DEFINISCI = Set.of("ente", "anno", "titolo", "descrizione",
            "settoreCodice", "settoreNome", "settoreResponsabile", "ufficioCodice", "ufficioNome", "ufficioResponsabile",
            "pesoIndicatori", "pesoFasi", "dupStrategicoCodice", "dupStrategicoTitolo", "dupOperativoCodice", "dupOperativoTitolo");
    static final Set<String> CAMPI_MODIFICA = Set.of("descrizione", "pesoIndicatori", "pesoFasi",
            "dupStrategicoCodice", "dupStrategicoTitolo", "dupOperativoCodice", "dupOperativoTitolo", "motivazione");
    static final Set<String> CAMPI_INDICATORE = Set.of("codice", "nome", "unita", "valoreAtteso", "direzione", "peso");
    static final Set<String> CAMPI_PERSONA = Set.of("nome", "categoria", "ruolo", "inizio", "fine");
    static final Set<String> CAMPI_TERMINE = Set.of("nome", "fine");

    /** The direction of an indicator as the form offers it. */
    public static final Map<String, String> DIREZIONI = direzioni();

    private ModuliPiano() {
    }

    private static Map<String, String> direzioni() {
        Map<String, String> direzioni = new LinkedHashMap<>();
        direzioni.put(Direzione.CRESCENTE.name(), "Meglio se maggiore");
        direzioni.put(Direzione.DECRESCENTE.name(), "Meglio se minore");
        return java.util.Collections.unmodifiableMap(direzioni);
    }

    static Modulo definisci() {
        return new Modulo(DEFINISCI, CAMPI_DEFINISCI);
    }

    /** The months a phase may be planned in: the year before the PEG's, its own and the next (the aggregate's rule). */
    public static List<YearMonth> mesiPianificabili(int anno) {
        List<YearMonth> mesi = new ArrayList<>();
        for (int a = anno - 1; a <= anno + 1; a++) {
            for (int m = 1; m <= 12; m++) {
                mesi.add(YearMonth.of(a, m));
            }
        }
        return mesi;
    }

    static Modulo fase(int anno) {
        Set<String> campi = new HashSet<>(Set.of("numero", "titolo", "descrizione", "inizio", "fine", "mesiPrevisti"));
        mesiPianificabili(anno).forEach(m -> campi.add(PREVISTO + m));
        return new Modulo(FASE, campi);
    }

    /** Every form of the plan page, the modify form filled with what the objective holds now. */
    static Map<String, Modulo> moduli(Scheda s, Modulo inviato) {
        Map<String, Modulo> moduli = new LinkedHashMap<>();
        moduli.put(MODIFICA, new Modulo(MODIFICA, CAMPI_MODIFICA)
                .valore("descrizione", s.descrizione())
                .valore("pesoIndicatori", s.pesoIndicatori() == null ? null : s.pesoIndicatori().toString())
                .valore("pesoFasi", s.pesoFasi() == null ? null : s.pesoFasi().toString())
                .valore("dupStrategicoCodice", s.dupStrategico() == null ? null : s.dupStrategico().codice())
                .valore("dupStrategicoTitolo", s.dupStrategico() == null ? null : s.dupStrategico().titolo())
                .valore("dupOperativoCodice", s.dupOperativo() == null ? null : s.dupOperativo().codice())
                .valore("dupOperativoTitolo", s.dupOperativo() == null ? null : s.dupOperativo().titolo()));
        int prossima = s.fasi().stream().mapToInt(Scheda.Fase::numero).max().orElse(0) + 1;
        moduli.put(FASE, fase(s.anno()).valore("numero", String.valueOf(prossima)));
        moduli.put(INDICATORE, new Modulo(INDICATORE, CAMPI_INDICATORE).valore("direzione", Direzione.CRESCENTE.name()));
        moduli.put(PERSONA, new Modulo(PERSONA, CAMPI_PERSONA)
                .valore("inizio", s.anno() + "-01-01").valore("fine", s.anno() + "-12-31"));
        moduli.put(TERMINE, new Modulo(TERMINE, CAMPI_TERMINE));
        if (inviato != null) {
            moduli.put(inviato.getNome(), inviato);
        }
        return moduli;
    }

    /** The cronoprogramma's checkboxes, a row of twelve per year. */
    public record AnnoDiMesi(int anno, List<YearMonth> mesi) {

        public String nome(YearMonth mese) {
            return PREVISTO + mese;
        }

        public String etichetta(YearMonth mese) {
            return Formato.nomeMese(mese) + " " + mese.getYear();
        }

        public String breve(YearMonth mese) {
            return Formato.meseBreve(mese);
        }
    }

    static List<AnnoDiMesi> griglia(int anno) {
        List<AnnoDiMesi> anni = new ArrayList<>();
        for (int a = anno - 1; a <= anno + 1; a++) {
            int fisso = a;
            anni.add(new AnnoDiMesi(a, mesiPianificabili(anno).stream().filter(m -> m.getYear() == fisso).toList()));
        }
        return anni;
    }
}
