package it.comuni.peg.query.pubblicazione;

import it.comuni.peg.api.comune.Periodo;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.csv.Csv;
import it.comuni.peg.api.csv.FormatoPegCsv;
import it.comuni.peg.query.scheda.Scheda;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static it.comuni.peg.api.csv.FormatoPegCsv.*;

/** A PEG written in {@link FormatoPegCsv}: what the CSV import reads back into the same PEG. */
final class PegCsv {

    private PegCsv() {
    }

    /**
     * Objectives in the order they were defined (the order of the print they came from, which also
     * keeps apart two objectives with the same title); the chiave is the settore's code and a number.
     */
    static List<String> scrivi(int anno, List<Scheda> schede) {
        List<String> righe = new ArrayList<>();
        righe.add(Csv.riga(COLONNE));
        Map<String, Integer> progressivi = new HashMap<>();
        List<Scheda> ordinate = schede.stream()
                .sorted(Comparator.comparing(Scheda::definitoIl).thenComparing(Scheda::id)).toList();
        for (Scheda s : ordinate) {
            int n = progressivi.merge(s.settore().codice(), 1, Integer::sum);
            String chiave = s.settore().codice() + "-" + (n < 10 ? "0" : "") + n;
            righe.add(obiettivo(chiave, s));
            for (Scheda.Persona p : s.persone()) {
                for (Scheda.PeriodoAssegnazione periodo : p.periodi()) {
                    righe.add(riga(Map.of(TIPO, "PERSONA", CHIAVE, chiave, NOME, p.nome(), CATEGORIA, nn(p.categoria()),
                            RUOLO, nn(p.ruolo()), INIZIO, data(periodo.inizio()), FINE, data(periodo.fine()))));
                }
            }
            for (Scheda.Fase f : s.fasi()) {
                righe.add(riga(Map.of(TIPO, "FASE", CHIAVE, chiave, NUMERO, Integer.toString(f.numero()), TITOLO, f.titolo(),
                        DESCRIZIONE, nn(f.descrizione()), INIZIO, data(f.inizio()), FINE, data(f.fine()),
                        MESI_PREVISTI, mesiDaScrivere(f, anno))));
            }
            for (Scheda.Indicatore i : s.indicatori()) {
                righe.add(riga(Map.of(TIPO, "INDICATORE", CHIAVE, chiave, CODICE, i.codice(), TITOLO, i.nome(), UNITA, nn(i.unita()),
                        VALORE_ATTESO, numero(i.valoreAtteso()), DIREZIONE, i.direzione().name(), PESO, numero(i.peso().valore()))));
            }
        }
        return righe;
    }

    private static String obiettivo(String chiave, Scheda s) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put(TIPO, "OBIETTIVO");
        c.put(CHIAVE, chiave);
        c.put(ANNO, Integer.toString(s.anno()));
        c.put(TITOLO, s.titolo());
        c.put(DESCRIZIONE, nn(s.descrizione()));
        c.put(SETTORE, s.settore().codice());
        c.put(SETTORE_NOME, nn(s.settore().nome()));
        c.put(SETTORE_RESPONSABILE, nn(s.settore().responsabile()));
        if (s.ufficio() != null) {
            c.put(UFFICIO, s.ufficio().codice());
            c.put(UFFICIO_NOME, nn(s.ufficio().nome()));
            c.put(UFFICIO_RESPONSABILE, nn(s.ufficio().responsabile()));
        }
        c.put(PESO_INDICATORI, numero(s.pesoIndicatori().valore()));
        c.put(PESO_FASI, numero(s.pesoFasi().valore()));
        dup(c, s.dupStrategico(), DUP_STRATEGICO, DUP_STRATEGICO_TITOLO);
        dup(c, s.dupOperativo(), DUP_OPERATIVO, DUP_OPERATIVO_TITOLO);
        return riga(c);
    }

    private static void dup(Map<String, String> c, RiferimentoDup r, String codice, String titolo) {
        if (r != null) {
            c.put(codice, r.codice());
            c.put(titolo, nn(r.titolo()));
        }
    }

    /**
     * The planned months only when the dates do not already say them: written always, they would
     * turn into explicit marks on import and the re-imported phase would differ from the original.
     */
    private static String mesiDaScrivere(Scheda.Fase f, int anno) {
        Periodo periodo = Periodo.facoltativo(f.inizio(), f.fine());
        List<YearMonth> dalleDate = periodo == null ? List.of() : periodo.mesi();
        if (f.previstoEsplicito() || !dalleDate.equals(f.previsto())) {
            return FormatoPegCsv.mesi(f.previsto(), anno);
        }
        return "";
    }

    /** The template: the header and one objective with a person, two phases and an indicator. */
    static List<String> modello(int anno) {
        List<String> righe = new ArrayList<>();
        righe.add(Csv.riga(COLONNE));
        Map<String, String> o = new LinkedHashMap<>();
        o.put(TIPO, "OBIETTIVO");
        o.put(CHIAVE, "OB1");
        o.put(ANNO, Integer.toString(anno));
        o.put(TITOLO, "Diminuzione dei tempi di verifica delle SCIA");
        o.put(DESCRIZIONE, "<p>Ridurre i tempi istruttori di almeno il 5% rispetto al termine di legge.</p>\n<p>INDICATORI: media dei giorni di istruttoria.</p>");
        o.put(SETTORE, "SASTER");
        o.put(SETTORE_NOME, "ASSETTO E GESTIONE DEL TERRITORIO");
        o.put(SETTORE_RESPONSABILE, "GENTILI LUCA");
        o.put(UFFICIO, "UEDPRI");
        o.put(UFFICIO_NOME, "EDILIZIA PRIVATA E QUALITA URBANA");
        o.put(UFFICIO_RESPONSABILE, "DEL FRATE GIOVANNI");
        o.put(PESO_INDICATORI, "50");
        o.put(PESO_FASI, "50");
        o.put(DUP_STRATEGICO, "1.2");
        o.put(DUP_STRATEGICO_TITOLO, "LA RIGENERAZIONE URBANA");
        o.put(DUP_OPERATIVO, "1.2.08");
        o.put(DUP_OPERATIVO_TITOLO, "Edilizia privata e qualità urbana");
        righe.add(riga(o));
        righe.add(riga(Map.of(TIPO, "PERSONA", CHIAVE, "OB1", NOME, "ROSSI MARIA", CATEGORIA, "Categoria D (Posizione Organizzativa)",
                RUOLO, "Responsabile del procedimento", INIZIO, data(LocalDate.of(anno, 1, 1)), FINE, data(LocalDate.of(anno, 12, 31)))));
        righe.add(riga(Map.of(TIPO, "FASE", CHIAVE, "OB1", NUMERO, "1", TITOLO, "Analisi delle pratiche dell'anno precedente",
                INIZIO, data(LocalDate.of(anno, 1, 1)), FINE, data(LocalDate.of(anno, 3, 31)))));
        righe.add(riga(Map.of(TIPO, "FASE", CHIAVE, "OB1", NUMERO, "2", TITOLO, "Verifiche con il nuovo procedimento; relazione finale",
                DESCRIZIONE, "Mesi previsti scritti a mano: solo quelli marcati nel cronoprogramma",
                INIZIO, data(LocalDate.of(anno, 4, 1)), FINE, data(LocalDate.of(anno, 12, 31)), MESI_PREVISTI, "apr mag giu set ott nov dic")));
        righe.add(riga(Map.of(TIPO, "INDICATORE", CHIAVE, "OB1", CODICE, "GG", TITOLO, "Media dei giorni di istruttoria", UNITA, "giorni",
                VALORE_ATTESO, numero(new BigDecimal("28.5")), DIREZIONE, "DECRESCENTE", PESO, "100")));
        return righe;
    }

    private static String riga(Map<String, String> celle) {
        return Csv.riga(COLONNE.stream().map(c -> celle.getOrDefault(c, "")).toList());
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
