package it.comuni.peg.command.importazione;

import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Periodo;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Testo;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.csv.Csv;
import it.comuni.peg.api.csv.FormatoPegCsv;
import it.comuni.peg.api.csv.FormatoPegCsv.Tipo;
import it.comuni.peg.api.csv.FormatoPegCsv.ValoreCsvNonValido;
import it.comuni.peg.api.fase.PianificaFase;
import it.comuni.peg.api.indicatore.DefinisciIndicatore;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.obiettivo.DefinisciObiettivo;
import it.comuni.peg.api.persona.AssegnaPersona;
import it.comuni.peg.command.importazione.stampa.Avviso;
import it.comuni.peg.command.importazione.stampa.TipoAvviso;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static it.comuni.peg.api.csv.FormatoPegCsv.*;

/**
 * Turns the rows of a PEG CSV into one {@link PianoObiettivo} per OBIETTIVO row, checked against
 * the rules of the aggregate before anything is sent, as {@link ComandiDaStampa} does for the print:
 * a row the aggregate would refuse (a weight of 140, a date that does not exist, a phase number
 * used twice) leaves its whole objective out, with the line to fix, never half of it in.
 */
final class ComandiDaCsv {

    /** The parsed file: the plans in file order, the findings, and what the file holds. */
    record Risultato(List<Preparazione> preparazioni, List<Avviso> avvisi, int obiettivi, int fasi, int assegnazioni,
                     int persone, int settori, int uffici) {
    }

    /** One data row, its cells by column name. */
    private record Riga(int numero, Map<String, String> celle) {
        String get(String colonna) {
            String v = celle.get(colonna);
            if (v == null) {
                return null;
            }
            v = Csv.testoDaCella(v).strip();
            return v.isEmpty() ? null : v;
        }

        /** Descriptions are kept exactly as written (HTML, line breaks, spacing): the export writes them so. */
        String lungo(String colonna) {
            return get(colonna) == null ? null : Csv.testoDaCella(celle.get(colonna));
        }
    }

    private final String ente;
    private final int anno;

    ComandiDaCsv(String ente, int anno) {
        this.ente = ente;
        this.anno = anno;
    }

    Risultato leggi(String testo) {
        List<Avviso> avvisi = new ArrayList<>();
        char separatore = separatore(testo);
        List<Csv.Riga> record = Csv.leggi(testo, separatore);
        int h = 0;
        while (h < record.size() && record.get(h).vuota()) {
            h++;
        }
        if (h == record.size()) {
            throw new it.comuni.peg.api.csv.CsvNonValido(1, "Il file non contiene righe");
        }
        Csv.Riga intestazione = record.get(h);
        Map<Integer, String> colonne = colonne(intestazione, avvisi);

        // rows grouped by chiave, objectives in the order of their OBIETTIVO row
        Map<String, List<Riga>> perChiave = new LinkedHashMap<>();
        Map<String, String> chiaviNormalizzate = new HashMap<>();
        for (Csv.Riga r : record.subList(h + 1, record.size())) {
            if (r.vuota()) {
                continue;
            }
            Map<String, String> celle = new HashMap<>();
            for (int i = 0; i < r.campi().size(); i++) {
                String colonna = colonne.get(i);
                if (colonna != null) {
                    celle.put(colonna, r.campi().get(i));
                }
            }
            Riga riga = new Riga(r.numero(), celle);
            String chiave = riga.get(CHIAVE);
            if (chiave == null) {
                avvisi.add(new Avviso(r.numero(), TipoAvviso.RIGA_NON_RICONOSCIUTA,
                        "Riga senza chiave: non si sa a quale obiettivo appartenga, ignorata"));
                continue;
            }
            String normale = chiave.toUpperCase(Locale.ITALIAN);
            perChiave.computeIfAbsent(chiaviNormalizzate.computeIfAbsent(normale, k -> chiave), k -> new ArrayList<>()).add(riga);
        }

        List<Preparazione> preparazioni = new ArrayList<>();
        Map<String, Integer> occorrenze = new HashMap<>();
        Set<String> persone = new HashSet<>();
        Set<String> settori = new HashSet<>();
        Set<String> uffici = new HashSet<>();
        Set<Integer> anniSpostati = new HashSet<>();
        int obiettivi = 0;
        int fasi = 0;
        int assegnazioni = 0;
        for (Map.Entry<String, List<Riga>> gruppo : perChiave.entrySet()) {
            List<Riga> righe = gruppo.getValue();
            List<Riga> definizioni = righe.stream().filter(r -> tipo(r) == Tipo.OBIETTIVO).toList();
            if (definizioni.isEmpty()) {
                avvisi.add(new Avviso(righe.get(0).numero(), TipoAvviso.CHIAVE_SENZA_OBIETTIVO, "Le righe con chiave \""
                        + FormaItaliana.citazione(gruppo.getKey()) + "\" (" + righe.size() + ") non hanno una riga OBIETTIVO con la stessa chiave: ignorate"));
                continue;
            }
            obiettivi++;
            Riga def = definizioni.get(0);
            fasi += (int) righe.stream().filter(r -> tipo(r) == Tipo.FASE).count();
            assegnazioni += (int) righe.stream().filter(r -> tipo(r) == Tipo.PERSONA).count();
            righe.stream().filter(r -> tipo(r) == Tipo.PERSONA && r.get(NOME) != null)
                    .forEach(r -> persone.add(r.get(NOME).replaceAll("\\s+", " ").toUpperCase(Locale.ITALIAN)));
            Optional.ofNullable(def.get(SETTORE)).ifPresent(settori::add);
            Optional.ofNullable(def.get(UFFICIO)).ifPresent(uffici::add);
            String titolo = def.get(TITOLO);
            int occorrenza = occorrenze.merge(ComandiDaStampa.chiave(def.get(SETTORE), def.get(UFFICIO), titolo), 1, Integer::sum);
            List<Avviso> suoi = new ArrayList<>();
            try {
                if (definizioni.size() > 1) {
                    throw new Rifiuto(definizioni.get(1).numero(), "la chiave \"" + FormaItaliana.citazione(gruppo.getKey())
                            + "\" ha già una riga OBIETTIVO alla riga " + def.numero() + ": ogni obiettivo ha la sua chiave");
                }
                int spostamento = spostamento(def);
                if (spostamento != 0 && anniSpostati.add(anno - spostamento)) {
                    avvisi.add(new Avviso(def.numero(), TipoAvviso.DATE_SPOSTATE, "Gli obiettivi del " + (anno - spostamento)
                            + " sono importati nel " + anno + ": date e mesi previsti si spostano di " + spostamento + " anni"));
                }
                ObiettivoId id = ComandiDaStampa.id(ente, anno, def.get(SETTORE), def.get(UFFICIO), titolo, occorrenza);
                preparazioni.add(new Preparazione(Optional.of(new PianoObiettivo(id, def.numero(), titolo,
                        comandi(id, def, righe, spostamento))), suoi));
            } catch (Rifiuto e) {
                suoi.add(new Avviso(def.numero(), TipoAvviso.OBIETTIVO_ILLEGGIBILE, "L'obiettivo \"" + FormaItaliana.citazione(titolo == null ? gruppo.getKey() : titolo)
                        + "\" (chiave " + FormaItaliana.citazione(gruppo.getKey()) + ") non è importato, riga " + e.riga + ": " + e.getMessage()));
                preparazioni.add(new Preparazione(Optional.empty(), suoi));
            }
        }
        return new Risultato(preparazioni, avvisi, obiettivi, fasi, assegnazioni, persone.size(), settori.size(), uffici.size());
    }

    /** Excel saves with ';' where the comma is the decimal separator; a file saved with ',' is read too. */
    private static char separatore(String testo) {
        int fine = testo.indexOf('\n');
        String prima = fine < 0 ? testo : testo.substring(0, fine);
        return prima.indexOf(';') < 0 && prima.indexOf(',') >= 0 ? ',' : Csv.SEPARATORE;
    }

    private static Map<Integer, String> colonne(Csv.Riga intestazione, List<Avviso> avvisi) {
        Map<Integer, String> colonne = new HashMap<>();
        Set<String> viste = new HashSet<>();
        for (int i = 0; i < intestazione.campi().size(); i++) {
            String nome = normalizzaColonna(intestazione.campi().get(i));
            if (nome.isEmpty()) {
                continue;
            }
            if (!COLONNE.contains(nome)) {
                avvisi.add(new Avviso(intestazione.numero(), TipoAvviso.COLONNA_SCONOSCIUTA, "La colonna \""
                        + FormaItaliana.citazione(intestazione.campi().get(i).strip()) + "\" non fa parte del formato: ignorata"));
            } else if (!viste.add(nome)) {
                avvisi.add(new Avviso(intestazione.numero(), TipoAvviso.COLONNA_SCONOSCIUTA, "La colonna \"" + FormaItaliana.citazione(nome)
                        + "\" è ripetuta: vale la prima"));
            } else {
                colonne.put(i, nome);
            }
        }
        if (!viste.contains(TIPO) || !viste.contains(CHIAVE)) {
            throw new it.comuni.peg.api.csv.CsvNonValido(intestazione.numero(), "La prima riga deve essere l'intestazione con almeno"
                    + " le colonne \"tipo\" e \"chiave\" (il modello è in GET /api/peg/csv/modello); trovate: "
                    + FormaItaliana.citazione(String.join(", ", intestazione.campi())));
        }
        return colonne;
    }

    /** "Peso indicatori", "PESO_INDICATORI" and "unità" all name their column. */
    private static String normalizzaColonna(String nome) {
        return java.text.Normalizer.normalize(nome.strip().toLowerCase(Locale.ITALIAN), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[\\s-]+", "_");
    }

    private static Tipo tipo(Riga r) {
        String t = r.get(TIPO);
        if (t == null) {
            return null;
        }
        try {
            return Tipo.valueOf(t.toUpperCase(Locale.ITALIAN));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Years to add to the objective's dates: its column anno says which year they were written for. */
    private int spostamento(Riga def) {
        BigDecimal annoDate = valore(def, ANNO, () -> FormatoPegCsv.numero(def.get(ANNO), ANNO));
        if (annoDate == null) {
            return 0;
        }
        if (annoDate.scale() > 0 && annoDate.stripTrailingZeros().scale() > 0 || annoDate.intValue() < 2000 || annoDate.intValue() > 2100) {
            throw new Rifiuto(def.numero(), "colonna anno: \"" + FormaItaliana.citazione(def.get(ANNO)) + "\" non è un anno");
        }
        return anno - annoDate.intValue();
    }

    private List<Object> comandi(ObiettivoId id, Riga def, List<Riga> righe, int spostamento) {
        List<Object> comandi = new ArrayList<>();
        comandi.add(definizione(id, def));
        List<AssegnaPersona> assegnazioni = new ArrayList<>();
        Map<AssegnaPersona, Integer> righeAssegnazioni = new HashMap<>();
        Set<Integer> numeri = new HashSet<>();
        Set<String> codici = new HashSet<>();
        BigDecimal pesiIndicatori = BigDecimal.ZERO;
        List<Object> fasiEIndicatori = new ArrayList<>();
        for (Riga r : righe) {
            Tipo tipo = tipo(r);
            if (tipo == null) {
                throw new Rifiuto(r.numero(), "tipo \"" + (r.get(TIPO) == null ? "" : FormaItaliana.citazione(r.get(TIPO)))
                        + "\" sconosciuto: deve essere OBIETTIVO, PERSONA, FASE o INDICATORE");
            }
            switch (tipo) {
                case OBIETTIVO -> { }
                case PERSONA -> {
                    AssegnaPersona a = assegnazione(id, r, spostamento);
                    for (AssegnaPersona altra : assegnazioni) {
                        if (ComandiDaStampa.stessaPersona(altra.nome(), a.nome()) && new Periodo(altra.inizio(), altra.fine())
                                .siSovrapponeA(new Periodo(a.inizio(), a.fine()))) {
                            throw new Rifiuto(r.numero(), a.nome() + " è già assegnato all'obiettivo alla riga "
                                    + righeAssegnazioni.get(altra) + " per un periodo che si sovrappone");
                        }
                    }
                    assegnazioni.add(a);
                    righeAssegnazioni.put(a, r.numero());
                }
                case FASE -> fasiEIndicatori.add(fase(id, r, numeri, spostamento));
                case INDICATORE -> {
                    DefinisciIndicatore i = indicatore(id, r, codici);
                    pesiIndicatori = pesiIndicatori.add(i.peso().valore());
                    if (pesiIndicatori.compareTo(BigDecimal.valueOf(100)) > 0) {
                        throw new Rifiuto(r.numero(), "i pesi degli indicatori sommano a "
                                + FormaItaliana.numero(pesiIndicatori) + ": non possono superare 100");
                    }
                    fasiEIndicatori.add(i);
                }
            }
        }
        comandi.addAll(assegnazioni);
        comandi.addAll(fasiEIndicatori);
        return List.copyOf(comandi);
    }

    private DefinisciObiettivo definizione(ObiettivoId id, Riga r) {
        return controlla(r, () -> {
            String titolo = Testo.richiesto(r.get(TITOLO), TITOLO);
            Testo.lungo(r.lungo(DESCRIZIONE), DESCRIZIONE);
            Peso indicatori = new Peso(richiesto(FormatoPegCsv.numero(r.get(PESO_INDICATORI), PESO_INDICATORI), PESO_INDICATORI));
            Peso fasi = new Peso(richiesto(FormatoPegCsv.numero(r.get(PESO_FASI), PESO_FASI), PESO_FASI));
            BigDecimal somma = indicatori.valore().add(fasi.valore());
            if (somma.compareTo(BigDecimal.valueOf(100)) != 0) {
                throw new RegolaViolata("peso_indicatori e peso_fasi sommano a " + FormaItaliana.numero(somma) + ", non a 100");
            }
            Settore settore = new Settore(Testo.richiesto(r.get(SETTORE), SETTORE), r.get(SETTORE_NOME), r.get(SETTORE_RESPONSABILE));
            Ufficio ufficio = r.get(UFFICIO) == null ? null : new Ufficio(r.get(UFFICIO), r.get(UFFICIO_NOME), r.get(UFFICIO_RESPONSABILE));
            return new DefinisciObiettivo(id, ente, anno, titolo, r.lungo(DESCRIZIONE), settore, ufficio, indicatori, fasi,
                    dup(r.get(DUP_STRATEGICO), r.get(DUP_STRATEGICO_TITOLO), DUP_STRATEGICO),
                    dup(r.get(DUP_OPERATIVO), r.get(DUP_OPERATIVO_TITOLO), DUP_OPERATIVO));
        });
    }

    private static RiferimentoDup dup(String codice, String titolo, String colonna) {
        if (codice == null && titolo != null) {
            throw new ValoreNonValido(colonna, "c'è il titolo ma manca il codice del riferimento al DUP");
        }
        return codice == null ? null : new RiferimentoDup(codice, titolo);
    }

    /** An assignment without dates lasts the whole PEG year: what a spreadsheet user usually means. */
    private AssegnaPersona assegnazione(ObiettivoId id, Riga r, int spostamento) {
        return controlla(r, () -> {
            LocalDate inizio = sposta(FormatoPegCsv.data(r.get(INIZIO), INIZIO), spostamento);
            LocalDate fine = sposta(FormatoPegCsv.data(r.get(FINE), FINE), spostamento);
            Periodo periodo = new Periodo(inizio == null ? LocalDate.of(anno, 1, 1) : inizio, fine == null ? LocalDate.of(anno, 12, 31) : fine);
            return new AssegnaPersona(id, Testo.richiesto(r.get(NOME), NOME), Testo.facoltativo(r.get(CATEGORIA), CATEGORIA),
                    Testo.facoltativo(r.get(RUOLO), RUOLO), periodo.inizio(), periodo.fine());
        });
    }

    private PianificaFase fase(ObiettivoId id, Riga r, Set<Integer> numeri, int spostamento) {
        return controlla(r, () -> {
            BigDecimal n = richiesto(FormatoPegCsv.numero(r.get(NUMERO), NUMERO), NUMERO);
            if (n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.ONE) < 0 || n.compareTo(BigDecimal.valueOf(10_000)) > 0) {
                throw new ValoreNonValido(NUMERO, "il numero di fase deve essere un intero positivo (ricevuto " + r.get(NUMERO) + ")");
            }
            int numero = n.intValue();
            if (!numeri.add(numero)) {
                throw new RegolaViolata("la fase " + numero + " compare due volte nell'obiettivo");
            }
            String titolo = Testo.richiesto(r.get(TITOLO), TITOLO);
            Testo.lungo(r.lungo(DESCRIZIONE), DESCRIZIONE);
            LocalDate inizio = sposta(FormatoPegCsv.data(r.get(INIZIO), INIZIO), spostamento);
            LocalDate fine = sposta(FormatoPegCsv.data(r.get(FINE), FINE), spostamento);
            Periodo periodo = Periodo.facoltativo(inizio, fine);
            if (periodo != null && (periodo.fine().getYear() < anno || periodo.inizio().getYear() > anno)) {
                throw new RegolaViolata("il periodo della fase (" + FormatoPegCsv.data(inizio) + " – " + FormatoPegCsv.data(fine)
                        + ") non tocca l'anno " + anno);
            }
            List<YearMonth> mesi = FormatoPegCsv.mesi(r.get(MESI_PREVISTI), anno - spostamento, MESI_PREVISTI).stream()
                    .map(m -> m.plusYears(spostamento)).toList();
            if (mesi.stream().anyMatch(m -> m.getYear() < anno - 1 || m.getYear() > anno + 1)) {
                throw new RegolaViolata("i mesi previsti devono cadere tra l'anno precedente e il successivo a quello del PEG (" + anno + ")");
            }
            return new PianificaFase(id, numero, titolo, r.lungo(DESCRIZIONE), inizio, fine, mesi.isEmpty() ? null : mesi);
        });
    }

    private DefinisciIndicatore indicatore(ObiettivoId id, Riga r, Set<String> codici) {
        return controlla(r, () -> {
            String codice = Testo.richiesto(r.get(CODICE), CODICE);
            if (!codici.add(codice)) {
                throw new RegolaViolata("l'indicatore " + codice + " compare due volte nell'obiettivo");
            }
            String nome = Testo.richiesto(r.get(TITOLO), TITOLO);
            BigDecimal atteso = richiesto(FormatoPegCsv.numero(r.get(VALORE_ATTESO), VALORE_ATTESO), VALORE_ATTESO);
            if (atteso.signum() < 0) {
                throw new ValoreNonValido(VALORE_ATTESO, "il valore atteso non può essere negativo");
            }
            String d = richiesto(r.get(DIREZIONE), DIREZIONE).toUpperCase(Locale.ITALIAN);
            Direzione direzione = switch (d) {
                case "CRESCENTE", "+", "ALTO" -> Direzione.CRESCENTE;
                case "DECRESCENTE", "-", "BASSO" -> Direzione.DECRESCENTE;
                default -> throw new ValoreNonValido(DIREZIONE, "la direzione deve essere CRESCENTE o DECRESCENTE (ricevuto " + d + ")");
            };
            Peso peso = new Peso(richiesto(FormatoPegCsv.numero(r.get(PESO), PESO), PESO));
            if (peso.valore().signum() == 0) {
                throw new ValoreNonValido(PESO, "un indicatore con peso 0 non conterebbe nella valutazione");
            }
            return new DefinisciIndicatore(id, codice, nome, Testo.facoltativo(r.get(UNITA), UNITA), atteso, direzione, peso);
        });
    }

    private static LocalDate sposta(LocalDate data, int anni) {
        return data == null ? null : data.plusYears(anni);
    }

    private static <T> T richiesto(T valore, String colonna) {
        if (valore == null) {
            throw new ValoreNonValido(colonna, "la colonna " + colonna + " è obbligatoria");
        }
        return valore;
    }

    private static <T> T valore(Riga r, String colonna, java.util.function.Supplier<T> lettura) {
        return controlla(r, lettura);
    }

    /** A cell the aggregate would refuse, as a refusal of the whole objective naming line and column. */
    private static <T> T controlla(Riga r, java.util.function.Supplier<T> costruzione) {
        try {
            return costruzione.get();
        } catch (ValoreCsvNonValido e) {
            throw new Rifiuto(r.numero(), "colonna " + e.colonna() + ": " + e.getMessage());
        } catch (ValoreNonValido e) {
            String campo = e.campo() == null ? "" : "colonna " + e.campo() + ": ";
            throw new Rifiuto(r.numero(), campo + (e.getMessage() == null ? "valore mancante" : e.getMessage()));
        } catch (RegolaViolata e) {
            throw new Rifiuto(r.numero(), e.getMessage());
        }
    }

    private static final class Rifiuto extends RuntimeException {
        private final int riga;

        Rifiuto(int riga, String messaggio) {
            super(messaggio);
            this.riga = riga;
        }
    }
}
