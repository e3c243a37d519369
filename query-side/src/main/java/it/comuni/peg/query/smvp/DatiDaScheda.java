package it.comuni.peg.query.smvp;

import it.comuni.peg.api.smvp.IndicatoreMetodo;
import it.comuni.peg.api.smvp.MetodoSmvp;
import it.comuni.peg.api.smvp.Periodicita;
import it.comuni.peg.api.smvp.PeriodoMisura;
import it.comuni.peg.api.smvp.RegoleMetodo;
import it.comuni.peg.api.smvp.TipoIndicatore;
import it.comuni.peg.query.scheda.Scheda;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts of a scheda (as read live or as of an instant) in the engine's terms ({@link DatiValutazione}):
 * <ul>
 *     <li>a phase: its planned end, the day it was completed if not after the date, the percentage of its
 *     last consuntivo in a month not after the date's;</li>
 *     <li>an indicator: its weight in the PEG and its target; each value recorded with a reference date
 *     becomes the value of the measurement period (of the method's periodicity for that indicator) containing
 *     the end of its recorded {@code periodo} ("2023-Q2") or, without one, its reference date, when that day is
 *     in the method's year; the latest reference date of a period winning (recorded later, on a tie). A value
 *     is what was recorded: a ratio its numerator and denominator, a date its date, a yes/no its answer, a
 *     number its number (a SI_NO indicator reads an old number 0 as no and any other as yes, its numeric
 *     target likewise); a value of another kind than the method's type is refused by the engine by its path.
 *     The target is the plan's target date when it has one, else its number;</li>
 *     <li>people: each period of assignment, by identificativo, or by name where there is none.</li>
 * </ul>
 * Last year's actual is found in the previous year's PEG ({@link #attualiAnnoPrecedente}) through the
 * indicator's code, else it is the one recorded with the plan, else missing.
 *
 * <p>An indicator of the PEG that the method does not list is scored as the method scores any NUMERO
 * ({@link #conIndicatoriDelPeg}): its direction and unit the scheda's, the method's conversion and mapping
 * for the type. A method without a valid conversion for NUMERO cannot do that, and the engine refuses
 * the indicator by its path.
 */
final class DatiDaScheda {

    private DatiDaScheda() {
    }

    /**
     * The previous year's actual of each indicator code found in exactly one objective of {@code precedenti}
     * (the ente's PEG of the year before): its latest number by reference date (a ratio's quotient, a
     * yes/no's 1 or 0; a date has none). A code held by several objectives that year is ambiguous and found nowhere.
     */
    static Map<String, BigDecimal> attualiAnnoPrecedente(List<Scheda> precedenti) {
        Map<String, Scheda.Indicatore> unici = new LinkedHashMap<>();
        java.util.Set<String> ripetuti = new java.util.HashSet<>();
        for (Scheda s : precedenti) {
            for (Scheda.Indicatore i : s.indicatori()) {
                if (unici.putIfAbsent(i.codice(), i) != null) {
                    ripetuti.add(i.codice());
                }
            }
        }
        Map<String, BigDecimal> attuali = new LinkedHashMap<>();
        unici.forEach((codice, i) -> {
            if (!ripetuti.contains(codice)) {
                i.valori().stream().filter(v -> v.valore() != null).reduce((a, b) -> b)
                        .ifPresent(v -> attuali.put(codice, v.valore()));
            }
        });
        return attuali;
    }

    /** {@link #obiettivo(Scheda, MetodoSmvp, LocalDate, Map)} with no previous year's PEG. */
    static DatiValutazione.Obiettivo obiettivo(Scheda s, MetodoSmvp metodo, LocalDate al) {
        return obiettivo(s, metodo, al, Map.of());
    }

    /** @param annoPrecedente the previous year's actual per indicator code ({@link #attualiAnnoPrecedente}) */
    static DatiValutazione.Obiettivo obiettivo(Scheda s, MetodoSmvp metodo, LocalDate al, Map<String, BigDecimal> annoPrecedente) {
        List<DatiValutazione.Fase> fasi = s.fasi().stream().map(f -> new DatiValutazione.Fase(f.numero(), f.titolo(), f.fine(),
                f.completataIl() != null && !f.completataIl().isAfter(al) ? f.completataIl() : null,
                f.consuntivi().stream().filter(c -> !c.mese().isAfter(YearMonth.from(al)))
                        .reduce((a, b) -> b).map(c -> c.percentuale().valore()).orElse(null),
                f.storiaRimodulazioni().stream().map(DatiDaScheda::rimodulazione).toList())).toList();
        List<DatiValutazione.Indicatore> indicatori = s.indicatori().stream()
                .map(i -> indicatore(i, metodo, annoPrecedente.getOrDefault(i.codice(), i.valoreAnnoPrecedente()))).toList();
        return new DatiValutazione.Obiettivo(s.id(), s.titolo(), s.settore() == null ? null : s.settore().codice(),
                s.ufficio() == null ? null : s.ufficio().codice(),
                s.pesoFasi() == null ? null : s.pesoFasi().valore(), s.pesoIndicatori() == null ? null : s.pesoIndicatori().valore(),
                fasi, indicatori);
    }

    /**
     * {@code metodo} with an indicator of type NUMERO for every code of the schede it does not list, and
     * the codes so added (in the order met); the method itself when it lists them all, or when the
     * additions would break one of its rules.
     */
    static Esteso conIndicatoriDelPeg(MetodoSmvp metodo, List<Scheda> schede) {
        Map<String, IndicatoreMetodo> impliciti = new LinkedHashMap<>();
        for (Scheda s : schede) {
            for (Scheda.Indicatore i : s.indicatori()) {
                if (metodo.indicatore(i.codice()).isEmpty()) {
                    impliciti.putIfAbsent(i.codice(), new IndicatoreMetodo(i.codice(), i.nome(), TipoIndicatore.NUMERO, i.unita(),
                            i.direzione(), null, null, null, null, null));
                }
            }
        }
        if (impliciti.isEmpty()) {
            return new Esteso(metodo, List.of());
        }
        List<IndicatoreMetodo> tutti = new ArrayList<>(metodo.indicatori());
        tutti.addAll(impliciti.values());
        MetodoSmvp esteso = new MetodoSmvp(metodo.formato(), metodo.ente(), metodo.anno(), metodo.titolo(), metodo.delibera(),
                metodo.periodoMisurazione(), metodo.pesoFasi(), metodo.pesoIndicatori(), metodo.valoreMancante(), metodo.conversioni(),
                metodo.conversioniPerTipo(), metodo.mappatura(), metodo.mappaturaObiettivo(), metodo.fasceColore(), metodo.fasi(), tutti,
                metodo.obiettivi(), metodo.aggregazioni());
        return RegoleMetodo.verifica(esteso).isEmpty() ? new Esteso(esteso, List.copyOf(impliciti.keySet()))
                : new Esteso(metodo, List.of());
    }

    /** A method with the PEG's indicators it did not list ({@code impliciti}). */
    record Esteso(MetodoSmvp metodo, List<String> impliciti) {
    }

    static List<DatiValutazione.Assegnazione> assegnazioni(Scheda s) {
        List<DatiValutazione.Assegnazione> assegnazioni = new ArrayList<>();
        for (Scheda.Persona p : s.persone()) {
            for (Scheda.PeriodoAssegnazione periodo : p.periodi()) {
                assegnazioni.add(new DatiValutazione.Assegnazione(p.persona() != null ? p.persona() : p.nome(), s.id(),
                        periodo.inizio(), periodo.fine()));
            }
        }
        return assegnazioni;
    }

    private static DatiValutazione.Indicatore indicatore(Scheda.Indicatore i, MetodoSmvp metodo, BigDecimal annoPrecedente) {
        Optional<IndicatoreMetodo> im = metodo.indicatore(i.codice());
        TipoIndicatore tipo = im.map(IndicatoreMetodo::tipo).orElse(TipoIndicatore.NUMERO);
        Periodicita periodicita = im.map(metodo::periodoDi).orElse(metodo.periodoMisurazione());
        Map<Integer, Scheda.ValoreRilevato> perPeriodo = new LinkedHashMap<>();
        i.valori().stream()
                .filter(v -> giorno(v).getYear() == metodo.anno())
                .sorted(Comparator.comparing(Scheda.ValoreRilevato::dataRiferimento)
                        .thenComparing(v -> v.registratoIl(), Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(v -> perPeriodo.put(numeroDelPeriodo(periodicita, giorno(v)), v));
        List<DatiValutazione.Rilevazione> rilevazioni = new ArrayList<>();
        perPeriodo.forEach((numero, v) -> rilevazioni.add(new DatiValutazione.Rilevazione(
                new PeriodoMisura(periodicita, metodo.anno(), numero), valore(tipo, v))));
        Valore atteso = i.dataAttesa() != null ? new Valore.Data(i.dataAttesa())
                : i.valoreAtteso() == null ? null : numero(tipo, i.valoreAtteso());
        return new DatiValutazione.Indicatore(i.codice(), i.peso() == null ? null : i.peso().valore(), atteso,
                annoPrecedente == null ? null : new Valore.Numero(annoPrecedente), rilevazioni);
    }

    /** The day that places a value in a measurement period: the end of its recorded period, else its reference date. */
    private static LocalDate giorno(Scheda.ValoreRilevato v) {
        return v.periodo() != null ? PeriodoMisura.leggi(v.periodo(), "periodo").fine() : v.dataRiferimento();
    }

    private static Valore valore(TipoIndicatore tipo, Scheda.ValoreRilevato v) {
        if (v.numeratore() != null) {
            return new Valore.Rapporto(v.numeratore(), v.denominatore());
        }
        if (v.data() != null) {
            return new Valore.Data(v.data());
        }
        if (v.si() != null) {
            return new Valore.SiNo(v.si());
        }
        return numero(tipo, v.valore());
    }

    private static int numeroDelPeriodo(Periodicita periodicita, LocalDate giorno) {
        return (giorno.getMonthValue() - 1) / periodicita.mesi() + 1;
    }

    private static Valore numero(TipoIndicatore tipo, BigDecimal numero) {
        return tipo == TipoIndicatore.SI_NO ? new Valore.SiNo(numero.signum() != 0) : new Valore.Numero(numero);
    }

    private static DatiValutazione.Rimodulazione rimodulazione(Scheda.Rimodulazione r) {
        return new DatiValutazione.Rimodulazione(r.il(), r.precedente() == null ? null : r.precedente().inizio(),
                r.precedente() == null ? null : r.precedente().fine(), r.nuova() == null ? null : r.nuova().inizio(),
                r.nuova() == null ? null : r.nuova().fine(), r.motivazione());
    }
}
