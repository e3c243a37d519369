package it.comuni.peg.query.scheda;

import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.api.consuntivo.ConsuntivoRettificato;
import it.comuni.peg.api.consuntivo.Rilevazione;
import it.comuni.peg.api.fase.FaseCompletata;
import it.comuni.peg.api.fase.FasePianificata;
import it.comuni.peg.api.fase.FaseRimodulata;
import it.comuni.peg.api.fase.Pianificazione;
import it.comuni.peg.api.indicatore.IndicatoreDefinito;
import it.comuni.peg.api.indicatore.ValoreIndicatoreRegistrato;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.obiettivo.ObiettivoModificato;
import it.comuni.peg.api.obiettivo.ObiettivoRinominato;
import it.comuni.peg.api.obiettivo.ObiettivoSpostato;
import it.comuni.peg.api.persona.AssegnazioneTerminata;
import it.comuni.peg.api.persona.PersonaAssegnata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The one fold from the events of an Obiettivo to its scheda. Pure: no clock, no database. The
 * projection applies it to one event at a time; an as-of read applies it to the stream cut at an
 * instant. Time-dependent fields are left to {@link StatoAlGiorno}.
 */
public final class SchedaReducer {

    /** The day of a rimodulazione is the day of its event in Italy. */
    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    private SchedaReducer() {
    }

    /** Whether the event belongs to an objective's stream: anything else leaves the scheda alone. */
    public static boolean riguarda(Object evento) {
        return evento instanceof ObiettivoDefinito || evento instanceof ObiettivoModificato
                || evento instanceof ObiettivoSpostato || evento instanceof ObiettivoRinominato
                || evento instanceof PersonaAssegnata || evento instanceof AssegnazioneTerminata
                || evento instanceof FasePianificata || evento instanceof FaseRimodulata
                || evento instanceof ConsuntivoRegistrato || evento instanceof ConsuntivoRettificato
                || evento instanceof FaseCompletata || evento instanceof IndicatoreDefinito
                || evento instanceof ValoreIndicatoreRegistrato;
    }

    /**
     * The scheda after one more event.
     *
     * @param scheda      the scheda before the event, null before ObiettivoDefinito
     * @param sequenza    the event's sequence number in the aggregate (becomes the versione)
     * @param registratoIl the event's timestamp
     */
    public static Scheda applica(Scheda scheda, Object evento, long sequenza, Instant registratoIl) {
        if (evento instanceof ObiettivoDefinito e) {
            return new Scheda(e.obiettivoId().valore(), e.ente(), e.anno(), e.titolo(), HtmlSicuro.pulisci(e.descrizione()), e.settore(),
                    e.ufficio(), e.pesoIndicatori(), e.pesoFasi(), e.dupStrategico(), e.dupOperativo(),
                    List.of(), List.of(), List.of(), sequenza, registratoIl, registratoIl, null, null);
        }
        if (scheda == null) {
            throw new IllegalStateException("Evento " + evento.getClass().getSimpleName()
                    + " prima della definizione dell'obiettivo (sequenza " + sequenza + ")");
        }
        Scheda dopo = cambia(scheda, evento, registratoIl);
        return new Scheda(dopo.id(), dopo.ente(), dopo.anno(), dopo.titolo(), dopo.descrizione(), dopo.settore(),
                dopo.ufficio(), dopo.pesoIndicatori(), dopo.pesoFasi(), dopo.dupStrategico(), dopo.dupOperativo(),
                dopo.persone(), dopo.fasi(), dopo.indicatori(), sequenza, dopo.definitoIl(), registratoIl, null, null);
    }

    private static Scheda cambia(Scheda s, Object evento, Instant registratoIl) {
        if (evento instanceof ObiettivoModificato e) {
            var d = e.dopo();
            return new Scheda(s.id(), s.ente(), s.anno(), s.titolo(), HtmlSicuro.pulisci(d.descrizione()), s.settore(), s.ufficio(),
                    d.pesoIndicatori(), d.pesoFasi(), d.dupStrategico(), d.dupOperativo(), s.persone(), s.fasi(),
                    s.indicatori(), s.versione(), s.definitoIl(), s.aggiornatoIl(), null, null);
        }
        if (evento instanceof ObiettivoSpostato e) {
            return new Scheda(s.id(), s.ente(), s.anno(), s.titolo(), s.descrizione(), e.settoreDopo(), e.ufficioDopo(),
                    s.pesoIndicatori(), s.pesoFasi(), s.dupStrategico(), s.dupOperativo(), s.persone(), s.fasi(),
                    s.indicatori(), s.versione(), s.definitoIl(), s.aggiornatoIl(), null, null);
        }
        if (evento instanceof ObiettivoRinominato e) {
            return new Scheda(s.id(), s.ente(), s.anno(), e.titoloDopo(), s.descrizione(), s.settore(), s.ufficio(),
                    s.pesoIndicatori(), s.pesoFasi(), s.dupStrategico(), s.dupOperativo(), s.persone(), s.fasi(),
                    s.indicatori(), s.versione(), s.definitoIl(), s.aggiornatoIl(), null, null);
        }
        if (evento instanceof PersonaAssegnata e) {
            return conPersone(s, assegna(s.persone(), e));
        }
        if (evento instanceof AssegnazioneTerminata e) {
            return conPersone(s, termina(s.persone(), e));
        }
        if (evento instanceof FasePianificata e) {
            List<Scheda.Fase> fasi = new ArrayList<>(s.fasi());
            fasi.add(new Scheda.Fase(e.numero(), e.titolo(), HtmlSicuro.pulisci(e.descrizione()), e.inizio(), e.fine(), e.mesiPrevisti(),
                    e.mesiPrevistiEspliciti(), null, 0, List.of(), List.of(), Percentuale.ZERO, null, null, null, List.of()));
            fasi.sort(Comparator.comparingInt(Scheda.Fase::numero));
            return conFasi(s, fasi);
        }
        if (evento instanceof FaseRimodulata e) {
            return conFase(s, e.numero(), f -> rimodula(f, e, registratoIl));
        }
        if (evento instanceof ConsuntivoRegistrato e) {
            return conFase(s, e.fase(), f -> registra(f, e.mese(),
                    new Scheda.Consuntivo(e.mese(), e.svolta(), e.percentuale(), e.note(), e.atto(), false)));
        }
        if (evento instanceof ConsuntivoRettificato e) {
            Rilevazione n = e.nuova();
            return conFase(s, e.fase(), f -> registra(f, e.mese(),
                    new Scheda.Consuntivo(e.mese(), n.svolta(), n.percentuale(), n.note(), n.atto(), true)));
        }
        if (evento instanceof FaseCompletata e) {
            return conFase(s, e.numero(), f -> new Scheda.Fase(f.numero(), f.titolo(), f.descrizione(), f.inizio(),
                    f.fine(), f.previsto(), f.previstoEsplicito(), f.pianoOriginale(), f.rimodulazioni(), f.consuntivo(),
                    f.consuntivi(), Percentuale.CENTO, e.data(), e.atto(), null, f.storiaRimodulazioni()));
        }
        if (evento instanceof IndicatoreDefinito e) {
            List<Scheda.Indicatore> indicatori = new ArrayList<>(s.indicatori());
            indicatori.add(new Scheda.Indicatore(e.codice(), e.nome(), e.unita(), e.valoreAtteso(), e.direzione(),
                    e.peso(), List.of(), null,
                    e.dataAttesa(), e.valoreAnnoPrecedente()));
            return conIndicatori(s, indicatori);
        }
        if (evento instanceof ValoreIndicatoreRegistrato e) {
            List<Scheda.Indicatore> indicatori = s.indicatori().stream()
                    .map(i -> i.codice().equals(e.codice()) ? registra(i, e, registratoIl) : i)
                    .toList();
            return conIndicatori(s, indicatori);
        }
        return s;
    }

    // ---- persone ----

    private static List<Scheda.Persona> assegna(List<Scheda.Persona> persone, PersonaAssegnata e) {
        List<Scheda.Persona> nuove = new ArrayList<>();
        boolean trovata = false;
        for (Scheda.Persona p : persone) {
            if (p.di(e.persona(), e.nome())) {
                List<Scheda.PeriodoAssegnazione> periodi = new ArrayList<>(p.periodi());
                periodi.add(new Scheda.PeriodoAssegnazione(e.inizio(), e.fine(), null));
                periodi.sort(Comparator.comparing(Scheda.PeriodoAssegnazione::inizio));
                // the categoria and ruolo of the latest assignment are the person's current ones
                nuove.add(new Scheda.Persona(p.nome(), p.persona() != null ? p.persona() : e.persona(), e.categoria(),
                        e.ruolo(), periodi));
                trovata = true;
            } else {
                nuove.add(p);
            }
        }
        if (!trovata) {
            nuove.add(new Scheda.Persona(e.nome(), e.persona(), e.categoria(), e.ruolo(),
                    List.of(new Scheda.PeriodoAssegnazione(e.inizio(), e.fine(), null))));
        }
        return nuove;
    }

    private static List<Scheda.Persona> termina(List<Scheda.Persona> persone, AssegnazioneTerminata e) {
        return persone.stream()
                .map(p -> !p.di(e.persona(), e.nome()) ? p : new Scheda.Persona(p.nome(), p.persona(), p.categoria(), p.ruolo(),
                        p.periodi().stream()
                                .map(per -> per.inizio().equals(e.inizio())
                                        ? new Scheda.PeriodoAssegnazione(per.inizio(), e.fine(),
                                        per.finePrevista() != null ? per.finePrevista() : e.finePrevista())
                                        : per)
                                .toList()))
                .toList();
    }

    // ---- fasi ----

    private static Scheda.Fase rimodula(Scheda.Fase f, FaseRimodulata e, Instant registratoIl) {
        Pianificazione n = e.nuova();
        Pianificazione originale = f.pianoOriginale() != null ? f.pianoOriginale() : e.precedente();
        List<Scheda.Rimodulazione> storia = new ArrayList<>(f.storiaRimodulazioni());
        storia.add(new Scheda.Rimodulazione(registratoIl == null ? null : LocalDate.ofInstant(registratoIl, ROMA), e.precedente(), n,
                e.motivazione() == null ? null : e.motivazione().testo()));
        return new Scheda.Fase(f.numero(), f.titolo(), f.descrizione(), n.inizio(), n.fine(), n.mesiPrevisti(),
                f.previstoEsplicito(), originale, f.rimodulazioni() + 1, f.consuntivo(), f.consuntivi(),
                f.percentuale(), f.completataIl(), f.attoCompletamento(), null, storia);
    }

    private static Scheda.Fase registra(Scheda.Fase f, YearMonth mese, Scheda.Consuntivo consuntivo) {
        List<Scheda.Consuntivo> consuntivi = new ArrayList<>(f.consuntivi());
        consuntivi.removeIf(c -> c.mese().equals(mese));
        consuntivi.add(consuntivo);
        consuntivi.sort(Comparator.comparing(Scheda.Consuntivo::mese));
        List<YearMonth> svolti = consuntivi.stream().filter(Scheda.Consuntivo::svolta).map(Scheda.Consuntivo::mese).toList();
        // progress is cumulative: the latest month's figure is the phase's; a completed phase is whole
        Percentuale percentuale = f.completata() ? Percentuale.CENTO : consuntivi.get(consuntivi.size() - 1).percentuale();
        return new Scheda.Fase(f.numero(), f.titolo(), f.descrizione(), f.inizio(), f.fine(), f.previsto(),
                f.previstoEsplicito(), f.pianoOriginale(), f.rimodulazioni(), svolti, consuntivi, percentuale,
                f.completataIl(), f.attoCompletamento(), null, f.storiaRimodulazioni());
    }

    // ---- indicatori ----

    private static Scheda.Indicatore registra(Scheda.Indicatore i, ValoreIndicatoreRegistrato e, Instant registratoIl) {
        List<Scheda.ValoreRilevato> valori = new ArrayList<>(i.valori());
        valori.add(new Scheda.ValoreRilevato(e.valore(), e.dataRiferimento(), e.note(), registratoIl,
                e.numeratore(), e.denominatore(), e.data(), e.si(), e.periodo()));
        // by reference date; on the same date the later recording wins (stable sort keeps arrival order)
        valori.sort(Comparator.comparing(Scheda.ValoreRilevato::dataRiferimento));
        return new Scheda.Indicatore(i.codice(), i.nome(), i.unita(), i.valoreAtteso(), i.direzione(), i.peso(),
                valori, valori.get(valori.size() - 1).valore(), i.dataAttesa(), i.valoreAnnoPrecedente());
    }

    // ---- copies ----

    private static Scheda conPersone(Scheda s, List<Scheda.Persona> persone) {
        return new Scheda(s.id(), s.ente(), s.anno(), s.titolo(), s.descrizione(), s.settore(), s.ufficio(),
                s.pesoIndicatori(), s.pesoFasi(), s.dupStrategico(), s.dupOperativo(), persone, s.fasi(),
                s.indicatori(), s.versione(), s.definitoIl(), s.aggiornatoIl(), null, null);
    }

    private static Scheda conFasi(Scheda s, List<Scheda.Fase> fasi) {
        return new Scheda(s.id(), s.ente(), s.anno(), s.titolo(), s.descrizione(), s.settore(), s.ufficio(),
                s.pesoIndicatori(), s.pesoFasi(), s.dupStrategico(), s.dupOperativo(), s.persone(), fasi,
                s.indicatori(), s.versione(), s.definitoIl(), s.aggiornatoIl(), null, null);
    }

    private static Scheda conFase(Scheda s, int numero, UnaryOperator<Scheda.Fase> cambio) {
        if (s.fasi().stream().noneMatch(f -> f.numero() == numero)) {
            throw new IllegalStateException("L'obiettivo " + s.id() + " non ha la fase " + numero);
        }
        return conFasi(s, s.fasi().stream().map(f -> f.numero() == numero ? cambio.apply(f) : f).toList());
    }

    private static Scheda conIndicatori(Scheda s, List<Scheda.Indicatore> indicatori) {
        return new Scheda(s.id(), s.ente(), s.anno(), s.titolo(), s.descrizione(), s.settore(), s.ufficio(),
                s.pesoIndicatori(), s.pesoFasi(), s.dupStrategico(), s.dupOperativo(), s.persone(), s.fasi(),
                indicatori, s.versione(), s.definitoIl(), s.aggiornatoIl(), null, null);
    }
}
