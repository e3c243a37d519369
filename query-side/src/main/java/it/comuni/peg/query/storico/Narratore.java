package it.comuni.peg.query.storico;

import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.consuntivo.Tempestivita;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.api.consuntivo.ConsuntivoRettificato;
import it.comuni.peg.api.consuntivo.Rilevazione;
import it.comuni.peg.api.fase.FaseCompletata;
import it.comuni.peg.api.fase.FasePianificata;
import it.comuni.peg.api.fase.FaseRimodulata;
import it.comuni.peg.api.fase.Pianificazione;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.indicatore.IndicatoreDefinito;
import it.comuni.peg.api.indicatore.ValoreIndicatoreRegistrato;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.obiettivo.ObiettivoModificato;
import it.comuni.peg.api.obiettivo.ObiettivoRinominato;
import it.comuni.peg.api.obiettivo.ObiettivoSpostato;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.persona.AssegnazioneTerminata;
import it.comuni.peg.api.persona.PersonaAssegnata;
import it.comuni.peg.query.asof.Istanti;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns an objective's event into a line of its storico. Pure, apart from the tolerance: a
 * consuntivo recorded more than {@code tolleranzaGiorni} after the end of the month it describes
 * is marked "registrato in ritardo" (legal, but visible: DOMAIN.md, "Two clocks").
 */
public final class Narratore {

    private static final Locale ITALIANO = Locale.ITALIAN;
    private static final int CIFRE_IN_CHIARO = 40;

    private final int tolleranzaGiorni;

    public Narratore(int tolleranzaGiorni) {
        this.tolleranzaGiorni = tolleranzaGiorni;
    }

    /** Null for an event that is not part of an objective's history. */
    public Descrizione racconta(Object evento, Instant registratoIl) {
        if (evento instanceof ObiettivoDefinito e) {
            return Descrizione.di("OBIETTIVO_DEFINITO", "Definito l'obiettivo «" + e.titolo() + "» del settore "
                    + e.settore().codice() + (e.ufficio() == null ? "" : ", ufficio " + e.ufficio().codice())
                    + " (peso indicatori " + peso(e.pesoIndicatori()) + ", peso fasi " + peso(e.pesoFasi()) + ")");
        }
        if (evento instanceof ObiettivoModificato e) {
            return new Descrizione("OBIETTIVO_MODIFICATO", "Modificato l'obiettivo: " + cambiamenti(e.prima(), e.dopo()),
                    e.motivazione().testo(), e.prima(), e.dopo(), null);
        }
        if (evento instanceof ObiettivoSpostato e) {
            return new Descrizione("OBIETTIVO_SPOSTATO", "Spostato l'obiettivo dal " + struttura(e.settorePrima(), e.ufficioPrima())
                    + " al " + struttura(e.settoreDopo(), e.ufficioDopo()), e.motivazione().testo(),
                    new Collocazione(e.settorePrima(), e.ufficioPrima()), new Collocazione(e.settoreDopo(), e.ufficioDopo()), null);
        }
        if (evento instanceof ObiettivoRinominato e) {
            return new Descrizione("OBIETTIVO_RINOMINATO", "Cambiato il titolo dell'obiettivo da «" + e.titoloPrima() + "» a «"
                    + e.titoloDopo() + "»", e.motivazione().testo(), e.titoloPrima(), e.titoloDopo(), null);
        }
        if (evento instanceof PersonaAssegnata e) {
            // categoria and ruolo are optional: List.of would throw on the missing one
            String dettagli = String.join(", ", java.util.stream.Stream.of(e.categoria(), e.ruolo())
                    .filter(Objects::nonNull).filter(s -> !s.isBlank()).toList());
            return Descrizione.di("PERSONA_ASSEGNATA", "Assegnato all'obiettivo " + e.nome()
                    + (dettagli.isEmpty() ? "" : " (" + dettagli + ")") + " dal " + g(e.inizio()) + " al " + g(e.fine()));
        }
        if (evento instanceof AssegnazioneTerminata e) {
            return new Descrizione("ASSEGNAZIONE_TERMINATA", "Terminata l'assegnazione di " + e.nome() + " il "
                    + g(e.fine()) + " (prevista fino al " + g(e.finePrevista()) + ")", null,
                    new Periodo(e.inizio(), e.finePrevista()), new Periodo(e.inizio(), e.fine()), null);
        }
        if (evento instanceof FasePianificata e) {
            return Descrizione.di("FASE_PIANIFICATA", "Pianificata la fase " + e.numero() + " «" + e.titolo() + "» "
                    + periodo(e.inizio(), e.fine()) + ", mesi previsti: " + mesi(e.mesiPrevisti()));
        }
        if (evento instanceof FaseRimodulata e) {
            return new Descrizione("FASE_RIMODULATA", "Rimodulata la fase " + e.numero() + ": "
                    + piano(e.precedente()) + " → " + piano(e.nuova()), e.motivazione().testo(), e.precedente(), e.nuova(), null);
        }
        if (evento instanceof ConsuntivoRegistrato e) {
            Integer ritardo = ritardo(e.mese(), registratoIl);
            return new Descrizione("CONSUNTIVO_REGISTRATO", "Registrato il consuntivo di " + mese(e.mese())
                    + " per la fase " + e.fase() + ": " + rilevazione(e.svolta(), e.percentuale().valore())
                    + (ritardo == null ? "" : " (registrato in ritardo di " + ritardo + " giorni)"),
                    null, null, new Rilevazione(e.svolta(), e.percentuale(), e.note(), e.atto()), ritardo);
        }
        if (evento instanceof ConsuntivoRettificato e) {
            return new Descrizione("CONSUNTIVO_RETTIFICATO", "Rettificato il consuntivo di " + mese(e.mese())
                    + " per la fase " + e.fase() + ": " + rilevazione(e.precedente().svolta(), e.precedente().percentuale().valore())
                    + " → " + rilevazione(e.nuova().svolta(), e.nuova().percentuale().valore()),
                    e.motivazione().testo(), e.precedente(), e.nuova(), null);
        }
        if (evento instanceof FaseCompletata e) {
            return Descrizione.di("FASE_COMPLETATA", "Completata la fase " + e.numero() + " il " + g(e.data())
                    + (e.atto() == null || e.atto().isBlank() ? "" : " (atto: " + e.atto() + ")"));
        }
        if (evento instanceof IndicatoreDefinito e) {
            return Descrizione.di("INDICATORE_DEFINITO", "Definito l'indicatore " + e.codice() + " «" + e.nome()
                    + "»: valore atteso " + numero(e.valoreAtteso()) + (e.unita() == null ? "" : " " + e.unita())
                    + (e.direzione() == Direzione.CRESCENTE ? ", più alto è meglio" : ", più basso è meglio")
                    + ", peso " + peso(e.peso()));
        }
        if (evento instanceof ValoreIndicatoreRegistrato e) {
            return Descrizione.di("VALORE_INDICATORE_REGISTRATO", "Registrato il valore " + valore(e)
                    + " dell'indicatore " + e.codice() + " al " + g(e.dataRiferimento()));
        }
        return null;
    }

    /** Days past the end of the month plus the tolerance; null when in time. */
    Integer ritardo(YearMonth mese, Instant registratoIl) {
        return Tempestivita.giorniDiRitardo(mese, registratoIl, tolleranzaGiorni);
    }

    private static String cambiamenti(ObiettivoModificato.Contenuto a, ObiettivoModificato.Contenuto b) {
        List<String> voci = new ArrayList<>();
        if (!Objects.equals(a.descrizione(), b.descrizione())) {
            voci.add("descrizione");
        }
        if (!peso(a.pesoIndicatori()).equals(peso(b.pesoIndicatori()))) {
            voci.add("peso indicatori " + peso(a.pesoIndicatori()) + " → " + peso(b.pesoIndicatori()));
        }
        if (!peso(a.pesoFasi()).equals(peso(b.pesoFasi()))) {
            voci.add("peso fasi " + peso(a.pesoFasi()) + " → " + peso(b.pesoFasi()));
        }
        if (!Objects.equals(a.dupStrategico(), b.dupStrategico())) {
            voci.add("obiettivo strategico " + dup(a.dupStrategico()) + " → " + dup(b.dupStrategico()));
        }
        if (!Objects.equals(a.dupOperativo(), b.dupOperativo())) {
            voci.add("obiettivo operativo " + dup(a.dupOperativo()) + " → " + dup(b.dupOperativo()));
        }
        return voci.isEmpty() ? "nessun campo cambiato" : String.join("; ", voci);
    }

    /** "settore SASTER (ASSETTO E GESTIONE DEL TERRITORIO), ufficio UEDPRI (EDILIZIA PRIVATA)", names when known. */
    private static String struttura(Settore settore, Ufficio ufficio) {
        return "settore " + codiceENome(settore.codice(), settore.nome())
                + (ufficio == null ? "" : ", ufficio " + codiceENome(ufficio.codice(), ufficio.nome()));
    }

    private static String codiceENome(String codice, String nome) {
        return nome == null || nome.isBlank() ? codice : codice + " (" + nome + ")";
    }

    /** A weight with the decimal comma, as every number of the story: "49,5". */
    private static String peso(Peso p) {
        return p == null ? "—" : FormaItaliana.numero(p.valore());
    }

    private static String dup(RiferimentoDup d) {
        return d == null ? "nessuno" : d.codice();
    }

    private static String piano(Pianificazione p) {
        return periodo(p.inizio(), p.fine()) + " (" + mesi(p.mesiPrevisti()) + ")";
    }

    private static String periodo(LocalDate inizio, LocalDate fine) {
        return inizio == null ? "senza date" : "dal " + g(inizio) + " al " + g(fine);
    }

    private static String mesi(List<YearMonth> mesi) {
        return mesi == null || mesi.isEmpty() ? "nessuno" : String.join(", ", mesi.stream().map(Narratore::meseBreve).toList());
    }

    private static String rilevazione(boolean svolta, int percentuale) {
        return (svolta ? "svolta" : "non svolta") + ", avanzamento " + percentuale + "%";
    }

    private static String mese(YearMonth m) {
        return FormaItaliana.mese(m);
    }

    private static String meseBreve(YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.SHORT, ITALIANO) + " " + m.getYear();
    }

    /**
     * Plain digits ("12.5"). A magnitude no indicator has (more than {@value #CIFRE_IN_CHIARO} digits
     * before or after the point, which only an event older than the commands' bound on numbers can hold)
     * in scientific notation: written out, 1E+100000 alone would outgrow the sentence's column.
     */
    /** A recorded value as a reader reads it: "12", "3 / 4", "data 30/06/2024", "sì", with its period when given. */
    static String valore(ValoreIndicatoreRegistrato e) {
        String v = e.numeratore() != null ? numero(e.numeratore()) + " / " + numero(e.denominatore())
                : e.data() != null ? "data " + g(e.data())
                : e.si() != null ? (e.si() ? "sì" : "no")
                : numero(e.valore());
        return e.periodo() == null ? v : v + " (periodo " + e.periodo() + ")";
    }

    static String numero(BigDecimal n) {
        BigDecimal ridotto = n.stripTrailingZeros();
        boolean enorme = ridotto.precision() - ridotto.scale() > CIFRE_IN_CHIARO || ridotto.scale() > CIFRE_IN_CHIARO;
        return enorme ? ridotto.toString() : FormaItaliana.numero(ridotto);
    }

    private static String g(LocalDate d) {
        return d == null ? "—" : FormaItaliana.data(d);
    }

    /**
     * Before and after of an assignment's period in the storico, as {"inizio", "fine"}: a record, so the
     * keys always come in this order (a Map.of iterates in an order that changes from one JVM to the
     * next, and two query sides, or a rebuild after a restart, wrote different text for the same event).
     */
    record Periodo(java.time.LocalDate inizio, java.time.LocalDate fine) {
    }

    /** Before and after of a move in the storico, as {"settore", "ufficio"} (a record: fixed key order, as {@link Periodo}). */
    record Collocazione(Settore settore, Ufficio ufficio) {
    }
}
