package it.comuni.peg.query.smvp;

import it.comuni.peg.api.valutazione.VoceSmvpDecisa;

import it.comuni.peg.api.comune.ValoriNonValidi;
import it.comuni.peg.api.smvp.Conversione;
import it.comuni.peg.api.smvp.IndicatoreMetodo;
import it.comuni.peg.api.smvp.MetodoSmvp;
import it.comuni.peg.api.smvp.ObiettivoMetodo;
import it.comuni.peg.api.smvp.Periodicita;
import it.comuni.peg.api.smvp.PeriodoMisura;
import it.comuni.peg.api.smvp.TipoIndicatore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static it.comuni.peg.query.smvp.Calcolo.n;

/**
 * The input check of the engine: every value of the kind its indicator's type asks, every reference
 * to something that exists, every forced score within what its item can score. All mistakes are
 * collected and refused together, each named by its path in {@link DatiValutazione}.
 */
final class VerificaDati {

    private final MetodoSmvp metodo;
    private final DatiValutazione dati;
    private final List<ValoriNonValidi.Errore> errori = new ArrayList<>();

    private VerificaDati(MetodoSmvp metodo, DatiValutazione dati) {
        this.metodo = metodo;
        this.dati = dati;
    }

    /** @throws ValoriNonValidi listing every mistake of {@code dati} */
    static void verifica(MetodoSmvp metodo, DatiValutazione dati) {
        VerificaDati v = new VerificaDati(metodo, dati);
        v.tutto();
        if (!v.errori.isEmpty()) {
            throw new ValoriNonValidi(v.errori);
        }
    }

    private void tutto() {
        if (dati.al() == null) {
            errore("al", "La data della valutazione è obbligatoria");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < dati.obiettivi().size(); i++) {
            DatiValutazione.Obiettivo o = dati.obiettivi().get(i);
            if (!ids.add(o.obiettivo())) {
                errore("obiettivi[" + i + "].obiettivo", "L'obiettivo " + o.obiettivo() + " compare due volte");
            }
            obiettivo("obiettivi[" + i + "]", o);
        }
        for (int i = 0; i < dati.assegnazioni().size(); i++) {
            DatiValutazione.Assegnazione a = dati.assegnazioni().get(i);
            String qui = "assegnazioni[" + i + "]";
            if (a.persona() == null || a.persona().isBlank()) {
                errore(qui + ".persona", "La persona assegnata è obbligatoria");
            }
            if (!ids.contains(a.obiettivo())) {
                errore(qui + ".obiettivo", "Obiettivo sconosciuto: " + a.obiettivo());
            }
            if (a.dal() == null || a.al() == null || a.dal().isAfter(a.al())) {
                errore(qui + ".al", "Il periodo di assegnazione deve avere inizio e fine, l'inizio non dopo la fine");
            }
        }
        Set<String> decise = new HashSet<>();
        for (int i = 0; i < dati.decisioni().size(); i++) {
            decisione("decisioni[" + i + "]", dati.decisioni().get(i), decise);
        }
    }

    private void obiettivo(String qui, DatiValutazione.Obiettivo o) {
        if ((o.pesoFasi() == null) != (o.pesoIndicatori() == null)
                || o.pesoFasi() != null && o.pesoFasi().add(o.pesoIndicatori()).compareTo(Calcolo.CENTO) != 0) {
            errore(qui + ".pesoIndicatori", "Peso fasi e peso indicatori del PEG vanno dati insieme e sommano a 100");
        }
        Set<Integer> numeri = new HashSet<>();
        for (int j = 0; j < o.fasi().size(); j++) {
            DatiValutazione.Fase f = o.fasi().get(j);
            if (!numeri.add(f.numero())) {
                errore(qui + ".fasi[" + j + "].numero", "La fase " + f.numero() + " compare due volte");
            }
            if (f.percentuale() != null && (f.percentuale() < 0 || f.percentuale() > 100)) {
                errore(qui + ".fasi[" + j + "].percentuale", "L'avanzamento deve essere tra 0 e 100 (ricevuto " + f.percentuale() + ")");
            }
        }
        Set<String> codici = new HashSet<>();
        for (int j = 0; j < o.indicatori().size(); j++) {
            DatiValutazione.Indicatore ind = o.indicatori().get(j);
            if (!codici.add(ind.codice())) {
                errore(qui + ".indicatori[" + j + "].codice", "L'indicatore " + ind.codice() + " compare due volte");
            }
            indicatore(qui + ".indicatori[" + j + "]", ind);
        }
        Optional<ObiettivoMetodo> om = metodo.obiettivo(o.obiettivo());
        if (om.isPresent() && om.get().fasi() != null) {
            for (ObiettivoMetodo.PesoFase pf : om.get().fasi()) {
                if (pf.indicatore() != null && numeri.contains(pf.numero()) && !codici.contains(pf.indicatore())) {
                    errore(qui + ".indicatori", "Manca l'indicatore " + pf.indicatore() + " con cui il metodo valuta la fase " + pf.numero());
                }
            }
        }
    }

    private void indicatore(String qui, DatiValutazione.Indicatore ind) {
        Optional<IndicatoreMetodo> trovato = metodo.indicatore(ind.codice());
        if (trovato.isEmpty()) {
            errore(qui + ".codice", "L'indicatore " + ind.codice() + " non è previsto dal metodo: non si può valutare");
            return;
        }
        IndicatoreMetodo im = trovato.get();
        Conversione c = metodo.conversioneDi(im).orElseThrow();
        boolean serveAtteso = c.tipo() == Conversione.Tipo.AVANZAMENTO || c.tipo() == Conversione.Tipo.DATA_FASCE
                || c.tipo().ammetteRiferimento() && c.riferimento() != Conversione.Riferimento.ANNO_PRECEDENTE;
        if (ind.atteso() == null && serveAtteso) {
            errore(qui + ".atteso", im.tipo() == TipoIndicatore.DATA ? "Un indicatore a data richiede la data attesa"
                    : "La conversione '" + c.id() + "' richiede il valore atteso");
        } else if (ind.atteso() != null) {
            attesoDelTipo(qui + ".atteso", im.tipo(), ind.atteso());
        }
        if (ind.annoPrecedente() != null && !(ind.annoPrecedente() instanceof Valore.Numero)) {
            errore(qui + ".annoPrecedente", "Il valore dell'anno precedente deve essere un numero");
        }
        Periodicita periodo = metodo.periodoDi(im);
        Set<Integer> periodi = new HashSet<>();
        for (int k = 0; k < ind.rilevazioni().size(); k++) {
            DatiValutazione.Rilevazione r = ind.rilevazioni().get(k);
            String dove = qui + ".rilevazioni[" + k + "]";
            PeriodoMisura p = r.periodo();
            if (p == null || p.periodicita() != periodo || p.anno() != metodo.anno()) {
                errore(dove + ".periodo", "Il metodo misura l'indicatore per " + periodo.nome() + " dell'anno " + metodo.anno()
                        + (p == null ? "" : ": " + p.etichetta() + " non va"));
            } else if (!periodi.add(p.numero())) {
                errore(dove + ".periodo", "Due valori per lo stesso periodo (" + p.etichetta() + ")");
            }
            rilevatoDelTipo(dove + ".valore", im.tipo(), r.valore());
        }
    }

    private void attesoDelTipo(String qui, TipoIndicatore tipo, Valore v) {
        boolean giusto = switch (tipo) {
            case DATA -> v instanceof Valore.Data;
            case SI_NO -> v instanceof Valore.SiNo;
            default -> v instanceof Valore.Numero;
        };
        if (!giusto) {
            errore(qui, "Il valore atteso di un indicatore di tipo " + tipo.nome() + " deve essere " + atteso(tipo, true));
        }
    }

    private void rilevatoDelTipo(String qui, TipoIndicatore tipo, Valore v) {
        boolean giusto = switch (tipo) {
            case NUMERO, PERCENTUALE -> v instanceof Valore.Numero;
            case RAPPORTO -> v instanceof Valore.Rapporto;
            case DATA -> v instanceof Valore.Data;
            case SI_NO -> v instanceof Valore.SiNo;
        };
        if (!giusto) {
            errore(qui, "Un indicatore di tipo " + tipo.nome() + " si rileva con " + atteso(tipo, false));
        } else if (v instanceof Valore.Rapporto r && (r.numeratore() == null || r.denominatore() == null
                || r.denominatore().signum() == 0)) {
            errore(qui, "Rapporto non calcolabile: servono numeratore e denominatore, e il denominatore non può essere 0");
        } else if (tipo == TipoIndicatore.PERCENTUALE && v instanceof Valore.Numero p
                && (p.valore().signum() < 0 || p.valore().compareTo(Calcolo.CENTO) > 0)) {
            errore(qui, "Una percentuale è tra 0 e 100 (ricevuto " + n(p.valore()) + ")");
        }
    }

    private static String atteso(TipoIndicatore tipo, boolean obiettivo) {
        return switch (tipo) {
            case DATA -> "una data";
            case SI_NO -> "un sì o un no";
            case RAPPORTO -> obiettivo ? "un numero (il rapporto atteso)" : "numeratore e denominatore";
            default -> "un numero";
        };
    }

    private void decisione(String qui, DatiValutazione.Decisione d, Set<String> decise) {
        Optional<DatiValutazione.Obiettivo> o = dati.obiettivi().stream().filter(x -> x.obiettivo().equals(d.obiettivo())).findFirst();
        if (o.isEmpty()) {
            errore(qui + ".obiettivo", "Obiettivo sconosciuto: " + d.obiettivo());
            return;
        }
        if (d.motivazione() == null) {
            errore(qui + ".motivazione", "Una decisione del nucleo richiede la motivazione");
        }
        if (!decise.add(MotoreSmvp.chiave(d.obiettivo(), d.voce(), d.riferimento()))) {
            errore(qui, "Una seconda decisione sulla stessa voce");
        }
        BigDecimal[] intervallo;
        switch (d.voce()) {
            case OBIETTIVO -> intervallo = Mappature.intervallo(metodo.mappaturaObiettivoOPredefinita());
            case INDICATORE -> {
                if (o.get().indicatori().stream().noneMatch(i -> i.codice().equals(d.riferimento()))) {
                    errore(qui + ".riferimento", "L'obiettivo non ha l'indicatore " + d.riferimento());
                    return;
                }
                intervallo = metodo.indicatore(d.riferimento()).map(im -> Mappature.intervallo(metodo.mappaturaDi(im)))
                        .orElse(new BigDecimal[]{null, null});
            }
            default -> {
                Optional<DatiValutazione.Fase> fase = o.get().fasi().stream()
                        .filter(f -> String.valueOf(f.numero()).equals(d.riferimento())).findFirst();
                if (fase.isEmpty()) {
                    errore(qui + ".riferimento", "L'obiettivo non ha la fase " + d.riferimento());
                    return;
                }
                intervallo = MotoreSmvp.intervalloFase(metodo, d.obiettivo(), fase.get().numero());
            }
        }
        if (d.tipo() == VoceSmvpDecisa.Tipo.FORZATURA) {
            if (d.valore() == null || d.valore().signum() < 0 || !Mappature.contiene(intervallo, d.valore())) {
                errore(qui + ".valore", "Il raggiungimento forzato deve essere un numero non negativo entro "
                        + Mappature.descrivi(intervallo) + (d.valore() == null ? "" : " (ricevuto " + n(d.valore()) + ")"));
            }
        } else if (d.valore() != null) {
            errore(qui + ".valore", "Una voce non valutabile non ha un valore");
        }
    }

    private void errore(String campo, String messaggio) {
        errori.add(new ValoriNonValidi.Errore(campo, messaggio));
    }
}
