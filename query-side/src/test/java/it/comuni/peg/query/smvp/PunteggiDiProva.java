package it.comuni.peg.query.smvp;

import it.comuni.peg.api.smvp.DocumentoMetodo;
import it.comuni.peg.api.smvp.MetodoSmvp;
import it.comuni.peg.query.scheda.Scheda;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores of a whole PEG as {@link ValutazioneSmvpService} computes them for open objectives, without its
 * reads: for tests of other packages that need the engine's result on schede built from events.
 */
public final class PunteggiDiProva {

    private PunteggiDiProva() {
    }

    /** {@code documento} the method's YAML; version 1, in force from 1 January of its year. */
    public static ValutazioneSmvp peg(String documento, List<Scheda> schede, LocalDate al, Instant notoAl) {
        MetodoSmvp letto = DocumentoMetodo.leggi(documento, DocumentoMetodo.Formato.YAML);
        DatiDaScheda.Esteso metodo = DatiDaScheda.conIndicatoriDelPeg(letto, schede);
        List<DatiValutazione.Obiettivo> obiettivi = new ArrayList<>();
        List<DatiValutazione.Assegnazione> assegnazioni = new ArrayList<>();
        for (Scheda s : schede) {
            obiettivi.add(DatiDaScheda.obiettivo(s, metodo.metodo(), al, Map.of()));
            assegnazioni.addAll(DatiDaScheda.assegnazioni(s));
        }
        Valutazione esito = MotoreSmvp.valuta(metodo.metodo(), new DatiValutazione(al, obiettivi, assegnazioni, List.of()));
        return new ValutazioneSmvp(letto.ente(), letto.anno(), al, notoAl, "CALCOLATA",
                new ValutazioneSmvp.Metodo(1, LocalDate.of(letto.anno(), 1, 1), letto.titolo(),
                        DocumentoMetodo.impronta(letto), metodo.impliciti()), esito);
    }
}
