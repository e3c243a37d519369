package it.comuni.peg.web.relazione;

import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.fase.Pianificazione;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.smvp.FasciaColore;
import it.comuni.peg.query.relazione.AllegatoObiettivi;
import it.comuni.peg.query.relazione.AllegatoObiettivi.ConsuntivoMese;
import it.comuni.peg.query.relazione.AllegatoObiettivi.FaseAllegato;
import it.comuni.peg.query.relazione.AllegatoObiettivi.IndicatoreAllegato;
import it.comuni.peg.query.relazione.AllegatoObiettivi.ObiettivoAllegato;
import it.comuni.peg.query.relazione.AllegatoObiettivi.RiepilogoStruttura;
import it.comuni.peg.query.relazione.AllegatoObiettivi.Struttura;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.smvp.Esito;
import it.comuni.peg.platform.web.NomeFile;
import it.comuni.peg.web.comune.Formato;
import it.comuni.peg.web.relazione.Documento.Blocco;
import it.comuni.peg.web.relazione.Documento.Elenco;
import it.comuni.peg.web.relazione.Documento.Figura;
import it.comuni.peg.web.relazione.Documento.Paragrafo;
import it.comuni.peg.web.relazione.Documento.Tabella;
import it.comuni.peg.web.relazione.Documento.Titolo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Lays the annex of the Relazione sulla performance out as a {@link Documento}, in Italian: the heading with
 * ente, dates and method; the nucleo's validazione; the summaries by settore, ufficio and person; per settore
 * and objective what was planned, what was done, the indicators and the score with its explanation; the
 * receipt, when the annex carries one.
 */
public final class ImpaginazioneAllegato {

    private static final Formato FMT = new Formato();
    private static final String NESSUNO = "—";

    private ImpaginazioneAllegato() {
    }

    /** The document's title: "Allegato obiettivi alla Relazione sulla performance 2023". */
    public static String titolo(int anno) {
        return "Allegato obiettivi alla Relazione sulla performance " + anno;
    }

    public static Documento documento(AllegatoObiettivi a) {
        List<Blocco> b = new ArrayList<>();
        b.add(new Titolo(1, titolo(a.anno())));
        String ente = a.nomeEnte().equals(a.ente()) ? a.ente() : a.nomeEnte() + " (" + a.ente() + ")";
        b.add(new Paragrafo(ente + ". Situazione al " + FMT.data(a.al()) + ": quanto registrato fino al "
                + FMT.istante(a.notoAl()) + "; stato delle fasi e punteggi al " + FMT.data(a.punteggiAl()) + "."));
        b.add(new Paragrafo(a.metodo().map(m -> "Punteggi secondo il metodo SMVP «" + m.titolo() + "», versione " + m.versione()
                        + " in vigore dal " + FMT.data(m.inVigoreDal()) + " (impronta " + m.impronta() + ").")
                .orElse("Nessun metodo SMVP dell'ente in vigore al " + FMT.data(a.punteggiAl()) + ": i punteggi non sono calcolati.")));
        validazione(a, b);
        riepiloghi(a, b);
        for (AllegatoObiettivi.SezioneSettore s : a.settori()) {
            b.add(new Titolo(2, "Settore " + struttura(s.settore())));
            s.obiettivi().forEach(o -> obiettivo(o, b));
        }
        a.ricevuta().ifPresent(r -> {
            b.add(new Titolo(2, r.titolo()));
            b.add(new Tabella(List.of("Voce", "Valore"), r.voci().stream().map(v -> List.of(v.etichetta(), v.valore())).toList()));
            b.add(new Paragrafo(RICEVUTA_PER_PROGRAMMI));
            b.add(new Paragrafo(r.blocco()));
        });
        return new Documento(titolo(a.anno()), ente + " · PEG " + a.anno() + " · al " + FMT.data(a.al()), b);
    }

    /** The lead-in of the receipt's JSON block: what follows is written for programs, not readers. */
    public static final String RICEVUTA_PER_PROGRAMMI = "La stessa ricevuta in forma leggibile da un programma (JSON):";

    /** The file's name: "Allegato-obiettivi-c_b648-2023-al-2023-12-31.pdf" ({@link NomeFile}), {@code estensione} without the dot. */
    public static String nomeFile(AllegatoObiettivi a, String estensione) {
        return NomeFile.di(estensione, "Allegato-obiettivi", a.ente(), a.anno(), "al", a.al());
    }

    private static void validazione(AllegatoObiettivi a, List<Blocco> b) {
        b.add(new Titolo(2, "Validazione della Relazione sulla performance"));
        if (a.validazioni().isEmpty()) {
            b.add(new Paragrafo("Nessun atto del nucleo di valutazione sulla Relazione registrato fino al " + FMT.data(a.al()) + "."));
            return;
        }
        b.add(new Tabella(List.of("Data", "Esito", "Atto", "Motivazione"), a.validazioni().stream()
                .map(v -> List.of(FMT.data(v.data()), v.esito().parola(), testo(v.atto()), v.motivazione())).toList()));
    }

    private static void riepiloghi(AllegatoObiettivi a, List<Blocco> b) {
        List<String> colonne = List.of("Obiettivi", "Fasi", "Fasi completate", "Consuntivi in ritardo", "Punteggio", "Fascia");
        b.add(new Titolo(2, "Riepilogo per settore"));
        List<String> intestazioni = new ArrayList<>(List.of("Settore"));
        intestazioni.addAll(colonne);
        b.add(new Tabella(intestazioni, a.perSettore().stream().map(r -> riga(List.of(struttura(r.settore())), r)).toList()));
        // the same figures as pictures: the table above is the first one's text alternative, the second has its own
        b.add(new Figura(GraficiAllegato.punteggiPerSettore(a)));
        it.comuni.peg.web.grafico.Grafico fasce = GraficiAllegato.obiettiviPerFascia(a);
        b.add(new Figura(fasce));
        b.add(new Tabella(List.of(fasce.voce(), "Obiettivi"), fasce.righe().stream()
                .map(r -> List.of(r.categoria(), String.join(", ", r.valori()))).toList()));
        b.add(new Titolo(2, "Riepilogo per ufficio"));
        if (a.perUfficio().isEmpty()) {
            b.add(new Paragrafo("Nessun obiettivo assegnato a un ufficio."));
        } else {
            List<String> perUfficio = new ArrayList<>(List.of("Settore", "Ufficio"));
            perUfficio.addAll(colonne);
            b.add(new Tabella(perUfficio, a.perUfficio().stream()
                    .map(r -> riga(List.of(r.settore().codice(), struttura(r.ufficio())), r)).toList()));
        }
        b.add(new Titolo(2, "Riepilogo per persona"));
        if (a.perPersona().isEmpty()) {
            b.add(new Paragrafo("Nessuna persona assegnata agli obiettivi."));
        } else {
            b.add(new Tabella(List.of("Persona", "Categoria", "Obiettivi", "Punteggio"), a.perPersona().stream()
                    .map(p -> List.of(p.nome(), testo(p.categoria()), String.join("; ", p.obiettivi()), punti(p.punti()))).toList()));
        }
    }

    private static List<String> riga(List<String> inizio, RiepilogoStruttura r) {
        List<String> riga = new ArrayList<>(inizio);
        riga.addAll(List.of(String.valueOf(r.obiettivi()), String.valueOf(r.fasi()), String.valueOf(r.fasiCompletate()),
                String.valueOf(r.consuntiviInRitardo()), r.esito() == null ? NESSUNO : esito(r.esito()), colore(r.colore())));
        return riga;
    }

    private static void obiettivo(ObiettivoAllegato o, List<Blocco> b) {
        b.add(new Titolo(3, o.titolo()));
        List<String> dati = new ArrayList<>();
        dati.add("Settore " + struttura(o.settore()) + (o.settore().responsabile() == null ? "" : ", responsabile " + o.settore().responsabile()));
        if (o.ufficio() != null) {
            dati.add("Ufficio " + struttura(o.ufficio()) + (o.ufficio().responsabile() == null ? "" : ", responsabile " + o.ufficio().responsabile()));
        }
        dati.add("Peso fasi " + peso(o.pesoFasi()) + ", peso indicatori " + peso(o.pesoIndicatori()));
        dati.add("Obiettivo strategico " + dup(o.dupStrategico()) + "; obiettivo operativo " + dup(o.dupOperativo()));
        dati.add("Persone assegnate: " + (o.persone().isEmpty() ? "nessuna" : o.persone().stream()
                .map(ImpaginazioneAllegato::persona).collect(Collectors.joining("; "))));
        b.add(new Elenco(dati));

        b.add(new Titolo(4, "Pianificato"));
        if (o.fasi().isEmpty()) {
            b.add(new Paragrafo("Nessuna fase pianificata."));
        } else {
            b.add(new Tabella(List.of("Fase", "Piano originale", "Piano in vigore", "Rimodulazioni", "Stato"), o.fasi().stream()
                    .map(f -> List.of(f.numero() + ". " + f.titolo(), piano(f.pianoOriginale()), piano(f.pianoVigente()),
                            String.valueOf(f.rimodulazioni().size()), FMT.stato(f.stato()))).toList()));
            List<List<String>> rimodulazioni = new ArrayList<>();
            for (FaseAllegato f : o.fasi()) {
                for (Scheda.Rimodulazione r : f.rimodulazioni()) {
                    rimodulazioni.add(List.of(String.valueOf(f.numero()), FMT.data(r.il()), piano(r.precedente()), piano(r.nuova()),
                            testo(r.motivazione())));
                }
            }
            if (!rimodulazioni.isEmpty()) {
                b.add(new Paragrafo("Rimodulazioni, nell'ordine in cui sono state registrate:"));
                b.add(new Tabella(List.of("Fase", "Registrata il", "Piano precedente", "Nuovo piano", "Motivazione"), rimodulazioni));
            }
        }

        b.add(new Titolo(4, "Realizzato"));
        List<List<String>> consuntivi = new ArrayList<>();
        for (FaseAllegato f : o.fasi()) {
            for (ConsuntivoMese c : f.consuntivi()) {
                consuntivi.add(List.of(String.valueOf(f.numero()), FMT.mese(c.mese()), c.svolta() ? "svolta" : "non svolta",
                        c.percentuale().valore() + "%", testo(c.note()), testo(c.atto()), registrazione(c)));
            }
        }
        if (consuntivi.isEmpty()) {
            b.add(new Paragrafo("Nessun consuntivo registrato."));
        } else {
            b.add(new Tabella(List.of("Fase", "Mese", "Attività", "Avanzamento", "Note", "Atto", "Registrazione"), consuntivi));
        }
        List<String> completamenti = o.fasi().stream().filter(f -> f.completataIl() != null)
                .map(f -> "Fase " + f.numero() + " completata il " + FMT.data(f.completataIl())
                        + (f.attoCompletamento() == null || f.attoCompletamento().isBlank() ? "" : " (atto: " + f.attoCompletamento() + ")"))
                .toList();
        if (!completamenti.isEmpty()) {
            b.add(new Elenco(completamenti));
        }

        b.add(new Titolo(4, "Indicatori"));
        if (o.indicatori().isEmpty()) {
            b.add(new Paragrafo("Nessun indicatore strutturato."));
        } else {
            b.add(new Tabella(List.of("Indicatore", "Valore atteso", "Direzione", "Peso", "Valori rilevati", "Punteggio"), o.indicatori().stream()
                    .map(i -> List.of(i.codice() + " – " + i.nome(), atteso(i), direzione(i.direzione()), peso(i.peso()),
                            valori(i), i.esito() == null ? NESSUNO : esito(i.esito()) + fascia(i.colore()))).toList()));
        }

        b.add(new Titolo(4, "Punteggio"));
        if (o.punteggio().isEmpty()) {
            b.add(new Paragrafo("Punteggio non calcolato: nessun metodo SMVP in vigore alla data."));
            return;
        }
        var p = o.punteggio().get();
        b.add(new Paragrafo("Grado di raggiungimento: " + esito(p.esito()) + fascia(p.colore()) + "."));
        if (p.esito().motivazione() != null) {
            b.add(new Paragrafo("Motivazione del nucleo: " + p.esito().motivazione()));
        }
        List<String> spiegazione = new ArrayList<>(p.esito().passi());
        for (FaseAllegato f : o.fasi()) {
            if (f.esito() != null) {
                spiegazione.add("Fase " + f.numero() + ": " + esito(f.esito()) + ". " + String.join("; ", f.esito().passi()));
            }
        }
        for (IndicatoreAllegato i : o.indicatori()) {
            if (i.esito() != null) {
                spiegazione.add("Indicatore " + i.codice() + ": " + esito(i.esito()) + ". " + String.join("; ", i.esito().passi()));
            }
        }
        b.add(new Elenco(spiegazione));
    }

    /** "registrato il 15/05/2023, in ritardo di 45 giorni", "nei termini", or what is known. */
    private static String registrazione(ConsuntivoMese c) {
        if (c.registratoIl() == null) {
            return NESSUNO;
        }
        String quando = "registrato il " + FMT.data(java.time.LocalDate.ofInstant(c.registratoIl(), it.comuni.peg.query.asof.Istanti.FUSO));
        String tempo = c.inRitardo() ? quando + ", in ritardo di " + c.giorniRitardo() + " giorni" : quando + ", nei termini";
        return c.rettificato() ? tempo + "; poi rettificato" : tempo;
    }

    /** A settore or ufficio named as the pages and the prints name it ({@link Formato#struttura}: "SASTER – ASSETTO"). */
    static String struttura(Struttura s) {
        return Formato.struttura(s.codice(), s.nome());
    }

    private static String persona(Scheda.Persona p) {
        String dettagli = java.util.stream.Stream.of(p.categoria(), p.ruolo()).filter(x -> x != null && !x.isBlank())
                .collect(Collectors.joining(", "));
        String periodi = p.periodi().stream().map(x -> "dal " + FMT.data(x.inizio()) + " al " + FMT.data(x.fine()))
                .collect(Collectors.joining(", "));
        return p.nome() + (dettagli.isEmpty() ? "" : " (" + dettagli + ")") + (periodi.isEmpty() ? "" : " " + periodi);
    }

    private static String piano(Pianificazione p) {
        if (p == null || p.inizio() == null) {
            return "senza date";
        }
        return "dal " + FMT.data(p.inizio()) + " al " + FMT.data(p.fine());
    }

    private static String atteso(IndicatoreAllegato i) {
        if (i.dataAttesa() != null) {
            return "entro il " + FMT.data(i.dataAttesa());
        }
        return i.valoreAtteso() == null ? NESSUNO : FMT.numero(i.valoreAtteso()) + (i.unita() == null ? "" : " " + i.unita());
    }

    /** Each value as a reader reads it ("80 al 31/12/2023", "3 / 4", "data 30/06/2023", "sì"), in the order recorded. */
    private static String valori(IndicatoreAllegato i) {
        if (i.valori().isEmpty()) {
            return "nessuno";
        }
        return i.valori().stream().map(v -> {
            String valore = v.numeratore() != null ? FMT.numero(v.numeratore()) + " / " + FMT.numero(v.denominatore())
                    : v.data() != null ? "data " + FMT.data(v.data())
                    : v.si() != null ? (v.si() ? "sì" : "no")
                    : FMT.numero(v.valore());
            return valore + " al " + FMT.data(v.dataRiferimento()) + (v.periodo() == null ? "" : " (periodo " + v.periodo() + ")")
                    + (v.note() == null || v.note().isBlank() ? "" : " – " + v.note());
        }).collect(Collectors.joining("; "));
    }

    private static String direzione(Direzione d) {
        if (d == null) {
            return NESSUNO;
        }
        return d == Direzione.CRESCENTE ? "più alto è meglio" : "più basso è meglio";
    }

    /** "90", "75 (forzato dal nucleo; calcolato 60)", "non valutabile". */
    private static String esito(Esito e) {
        return switch (e.stato()) {
            case CALCOLATO -> punti(e.punti());
            case FORZATO -> punti(e.punti()) + " (forzato dal nucleo; calcolato " + punti(e.calcolato()) + ")";
            case NON_VALUTABILE -> "non valutabile per decisione del nucleo";
            case MANCANTE -> "valore mancante, escluso";
            case NON_CALCOLABILE -> "non calcolabile";
        };
    }

    private static String fascia(FasciaColore.Colore c) {
        return c == null ? "" : ", " + FMT.fascia(c);
    }

    private static String colore(FasciaColore.Colore c) {
        return c == null ? NESSUNO : c.name().toLowerCase(Locale.ITALIAN);
    }

    private static String punti(BigDecimal p) {
        return p == null ? NESSUNO : FMT.numero(p);
    }

    private static String peso(Peso p) {
        return p == null ? NESSUNO : FMT.numero(p.valore()) + "%";
    }

    private static String dup(RiferimentoDup d) {
        return d == null ? "nessuno" : d.codice() + " – " + d.titolo();
    }

    private static String testo(String s) {
        return s == null || s.isBlank() ? NESSUNO : s;
    }
}
