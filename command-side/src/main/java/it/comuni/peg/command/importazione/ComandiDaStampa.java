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
import it.comuni.peg.api.fase.PianificaFase;
import it.comuni.peg.api.obiettivo.DefinisciObiettivo;
import it.comuni.peg.api.organigramma.Codici;
import it.comuni.peg.api.persona.AssegnaPersona;
import it.comuni.peg.command.importazione.stampa.Avviso;
import it.comuni.peg.command.importazione.stampa.FaseStampata;
import it.comuni.peg.command.importazione.stampa.ObiettivoStampato;
import it.comuni.peg.command.importazione.stampa.PersonaStampata;
import it.comuni.peg.command.importazione.stampa.RiferimentoStampato;
import it.comuni.peg.command.importazione.stampa.Struttura;
import it.comuni.peg.command.importazione.stampa.TipoAvviso;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an objective of the print into its commands, and checks them against the rules of the
 * Obiettivo aggregate before anything is sent: an objective the aggregate would refuse half-way
 * (its third phase, say) is refused here whole, with the line that makes it impossible. The
 * aggregate stays the judge; this is a preview of its verdict on a fresh objective.
 */
final class ComandiDaStampa {

    private final String ente;
    private final int anno;

    ComandiDaStampa(String ente, int anno) {
        this.ente = ente;
        this.anno = anno;
    }

    /**
     * The id follows from what identifies the objective in the print, never from its position in the
     * file: the same objective of the same ente and year gets the same id in every import.
     * {@code occorrenza} tells apart two objectives with the same key in one print.
     */
    ObiettivoId id(ObiettivoStampato o, int occorrenza) {
        return id(ente, anno, o.settore() == null ? null : o.settore().codice(), o.ufficio() == null ? null : o.ufficio().codice(),
                o.titolo(), occorrenza);
    }

    /**
     * Shared with the CSV import: one objective of an ente and year is the same aggregate whichever
     * file brought it in, so exporting a PEG and importing the CSV back into its ente appends nothing.
     */
    static ObiettivoId id(String ente, int anno, String settore, String ufficio, String titolo, int occorrenza) {
        String chiave = String.join("|", normalizza(ente), Integer.toString(anno), settore == null ? "" : settore,
                ufficio == null ? "" : ufficio, normalizza(titolo), Integer.toString(occorrenza));
        return ObiettivoId.daChiave(chiave);
    }

    static String chiave(ObiettivoStampato o) {
        return chiave(o.settore() == null ? null : o.settore().codice(), o.ufficio() == null ? null : o.ufficio().codice(), o.titolo());
    }

    static String chiave(String settore, String ufficio, String titolo) {
        return (settore == null ? "" : settore) + "|" + (ufficio == null ? "" : ufficio) + "|" + normalizza(titolo);
    }

    Preparazione prepara(ObiettivoStampato o, int occorrenza) {
        if (!o.leggibile()) {
            return new Preparazione(Optional.empty(), List.of()); // already reported by the reader
        }
        List<Avviso> avvisi = new ArrayList<>();
        ObiettivoId id = id(o, occorrenza);
        try {
            List<Object> comandi = new ArrayList<>();
            comandi.add(definizione(id, o));
            for (PersonaStampata p : assegnazioni(o, avvisi)) {
                comandi.add(assegnazione(id, p));
            }
            Set<Integer> numeri = new LinkedHashSet<>();
            for (FaseStampata f : o.fasi()) {
                comandi.add(fase(id, f, numeri));
            }
            return new Preparazione(Optional.of(new PianoObiettivo(id, o.riga(), o.titolo(), List.copyOf(comandi))), avvisi);
        } catch (Rifiuto e) {
            avvisi.add(new Avviso(o.riga(), TipoAvviso.OBIETTIVO_ILLEGGIBILE,
                    "L'obiettivo \"" + o.titolo() + "\" non è importato: " + e.getMessage()));
            return new Preparazione(Optional.empty(), avvisi);
        }
    }

    private DefinisciObiettivo definizione(ObiettivoId id, ObiettivoStampato o) {
        return controlla(o.riga(), () -> {
            Testo.richiesto(o.titolo(), "titolo");
            Testo.lungo(o.descrizione(), "descrizione");
            Peso indicatori = new Peso(o.pesoIndicatori());
            Peso fasi = new Peso(o.pesoFasi());
            BigDecimal somma = indicatori.valore().add(fasi.valore());
            if (somma.compareTo(BigDecimal.valueOf(100)) != 0) {
                throw new RegolaViolata("peso indicatori e peso fasi sommano a " + FormaItaliana.numero(somma) + ", non a 100");
            }
            Struttura s = o.settore();
            Struttura u = o.ufficio();
            return new DefinisciObiettivo(id, ente, anno, o.titolo(), o.descrizione(),
                    new Settore(s.codice(), s.nome(), s.responsabile()),
                    u == null ? null : new Ufficio(u.codice(), u.nome(), u.responsabile()),
                    indicatori, fasi, dup(o.dupStrategico()), dup(o.dupOperativo()));
        });
    }

    private static RiferimentoDup dup(RiferimentoStampato r) {
        return r == null ? null : new RiferimentoDup(r.codice(), r.titolo());
    }

    /**
     * The aggregate refuses two overlapping assignments of one person. The print can list a person
     * twice with two roles for the same period: that is one assignment, its roles joined, reported.
     */
    private static List<PersonaStampata> assegnazioni(ObiettivoStampato o, List<Avviso> avvisi) {
        List<PersonaStampata> unite = new ArrayList<>();
        for (PersonaStampata p : o.persone()) {
            int k = sovrapposta(unite, p);
            if (k < 0) {
                unite.add(p);
                continue;
            }
            PersonaStampata prima = unite.get(k);
            PersonaStampata unita = new PersonaStampata(prima.riga(), prima.nome(), unisci(prima.categoria(), p.categoria()),
                    unisci(prima.ruolo(), p.ruolo()), min(prima.inizio(), p.inizio()), max(prima.fine(), p.fine()));
            unite.set(k, unita);
            avvisi.add(new Avviso(p.riga(), TipoAvviso.PERSONA_RIPETUTA, p.nome() + " compare due volte nell'obiettivo \""
                    + o.titolo() + "\" con periodi sovrapposti (righe " + prima.riga() + " e " + p.riga()
                    + "): una sola assegnazione, ruolo \"" + unita.ruolo() + "\""));
        }
        return unite;
    }

    private static int sovrapposta(List<PersonaStampata> persone, PersonaStampata p) {
        for (int k = 0; k < persone.size(); k++) {
            PersonaStampata altra = persone.get(k);
            if (stessaPersona(altra.nome(), p.nome())
                    && altra.inizio() != null && p.inizio() != null && altra.fine() != null && p.fine() != null
                    && !altra.inizio().isAfter(p.fine()) && !p.inizio().isAfter(altra.fine())) {
                return k;
            }
        }
        return -1;
    }

    private AssegnaPersona assegnazione(ObiettivoId id, PersonaStampata p) {
        return controlla(p.riga(), () -> {
            Testo.richiesto(p.nome(), "nome");
            Testo.facoltativo(p.categoria(), "categoria");
            Testo.facoltativo(p.ruolo(), "ruolo");
            new Periodo(p.inizio(), p.fine());
            return new AssegnaPersona(id, p.nome(), p.categoria(), p.ruolo(), p.inizio(), p.fine());
        });
    }

    private PianificaFase fase(ObiettivoId id, FaseStampata f, Set<Integer> numeri) {
        return controlla(f.riga(), () -> {
            if (f.numero() < 1 || !numeri.add(f.numero())) {
                throw new RegolaViolata("numero di fase " + f.numero() + " non valido o ripetuto");
            }
            Testo.richiesto(f.titolo(), "titolo");
            Testo.lungo(f.descrizione(), "descrizione");
            Periodo periodo = Periodo.facoltativo(f.inizio(), f.fine());
            if (periodo != null && (periodo.fine().getYear() < anno || periodo.inizio().getYear() > anno)) {
                throw new RegolaViolata("il periodo della fase (" + FormaItaliana.data(f.inizio()) + " – " + FormaItaliana.data(f.fine()) + ") non tocca l'anno " + anno);
            }
            List<YearMonth> mesi = f.mesiMarcati().stream().map(m -> YearMonth.of(anno, m)).toList();
            return new PianificaFase(id, f.numero(), f.titolo(), f.descrizione(), f.inizio(), f.fine(), mesi.isEmpty() ? null : mesi);
        });
    }

    /** A value the command side would refuse, as a refusal of the whole objective naming the line. */
    private static <T> T controlla(int riga, java.util.function.Supplier<T> costruzione) {
        try {
            return costruzione.get();
        } catch (ValoreNonValido | RegolaViolata e) {
            throw new Rifiuto("riga " + riga + ": " + (e.getMessage() == null ? "valore mancante" : e.getMessage()));
        }
    }

    private static final class Rifiuto extends RuntimeException {
        Rifiuto(String messaggio) {
            super(messaggio);
        }
    }

    private static String unisci(String a, String b) {
        if (a == null || a.equals(b)) {
            return b;
        }
        return b == null ? a : a + " / " + b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * One person, however the name is spelled (case, spaces, accents, apostrophes): the organigramma
     * will know both spellings as one persona, and the aggregate refuses two overlapping assignments of it.
     */
    static boolean stessaPersona(String nome, String altro) {
        return nome != null && altro != null && !nome.isBlank() && !altro.isBlank()
                && Codici.identificativoProvvisorio(nome).equals(Codici.identificativoProvvisorio(altro));
    }

    static String normalizza(String testo) {
        return testo == null ? "" : testo.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ITALIAN);
    }
}
