package it.comuni.peg.query.valutazione;

import it.comuni.peg.api.valutazione.CicloValutazioneId;
import it.comuni.peg.api.valutazione.MetodoSmvpImpostato;
import it.comuni.peg.api.valutazione.MetodoValutazioneImpostato;
import it.comuni.peg.api.valutazione.MonitoraggioChiuso;
import it.comuni.peg.api.valutazione.ParametriValutazione;
import it.comuni.peg.api.valutazione.RelazionePerformanceValidata;
import it.comuni.peg.api.valutazione.ValutazioneRegistrata;
import it.comuni.peg.api.valutazione.VoceSmvpDecisa;
import it.comuni.peg.query.asof.StoriaObiettivo;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the CicloValutazione stream of an ente and year up to an instant: which version of the
 * method was in force, which versions of the SMVP were recorded and what the nucleo decided on items
 * scored under it, which monitoraggi were closed, which final evaluations recorded, which acts on the Relazione sulla
 * performance. Version 0
 * are the defaults, in force until the ente sets its own.
 */
@Component
public class CicloAlIstante {

    private final StoriaObiettivo storia;

    public CicloAlIstante(StoriaObiettivo storia) {
        this.storia = storia;
    }

    public CicloNoto ciclo(String ente, int anno, Instant istante) {
        int[] versione = {0};
        ParametriValutazione[] parametri = {ParametriValutazione.PREDEFINITI};
        Instant[] dal = {null};
        List<CicloNoto.Monitoraggio> monitoraggi = new ArrayList<>();
        Map<String, CicloNoto.Finale> finali = new HashMap<>();
        List<CicloNoto.VersioneSmvp> smvp = new ArrayList<>();
        // the latest decision per item: objective, voce, riferimento
        Map<List<Object>, VoceSmvpDecisa> decisioni = new LinkedHashMap<>();
        List<CicloNoto.Validazione> validazioni = new ArrayList<>();
        storia.finoA(CicloValutazioneId.di(ente, anno), istante, evento -> {
            Object p = evento.getPayload();
            if (p instanceof MetodoValutazioneImpostato e) {
                versione[0] = e.versione();
                parametri[0] = e.parametri();
                dal[0] = evento.getTimestamp();
            } else if (p instanceof MetodoSmvpImpostato e) {
                smvp.add(new CicloNoto.VersioneSmvp(e.versione(), e.inVigoreDal(), e.metodo(), e.impronta(),
                        e.motivazione().testo(), evento.getTimestamp()));
            } else if (p instanceof VoceSmvpDecisa e) {
                List<Object> voce = java.util.Arrays.asList(e.obiettivoId(), e.voce(), e.riferimento());
                decisioni.remove(voce);
                decisioni.put(voce, e);
            } else if (p instanceof MonitoraggioChiuso e) {
                monitoraggi.add(new CicloNoto.Monitoraggio(e.data(), evento.getTimestamp(), e.note()));
            } else if (p instanceof RelazionePerformanceValidata e) {
                validazioni.add(new CicloNoto.Validazione(e.data(), e.atto(), e.esito(), e.motivazione().testo(),
                        evento.getTimestamp()));
            } else if (p instanceof ValutazioneRegistrata e) {
                finali.put(e.obiettivoId().valore(), new CicloNoto.Finale(e.al(), e.valutazioneIndicatori(),
                        e.motivazione().testo(), evento.getTimestamp()));
            }
        });
        return new CicloNoto(versione[0], parametri[0], dal[0], List.copyOf(monitoraggi), Map.copyOf(finali),
                List.copyOf(smvp), List.copyOf(decisioni.values()), List.copyOf(validazioni));
    }
}
