package it.comuni.peg.web.valutazione;

import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.Stato;
import it.comuni.peg.query.smvp.Valutazione;
import it.comuni.peg.query.smvp.ValutazioneSmvp;
import it.comuni.peg.web.grafico.Grafico;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The valutazione of a PEG as the nucleo's page shows it: the SMVP's scores of the objectives and of the
 * settori, each objective beside its scheda's stato on the day and its strutture named by code and name,
 * and the three charts ({@link GraficiValutazione}).
 *
 * @param smvp    the engine's result, with the version of the method
 * @param righe   one per objective, in the engine's order
 * @param settori one per settore: "CODICE – nome" and its score
 */
public record VistaPeg(ValutazioneSmvp smvp, List<Riga> righe, List<Settore> settori, Grafico graficoSettori,
                       Grafico graficoFasce, Grafico graficoStati) {

    /** An objective's line: its strutture in words, stato on the day, score, band and how the score came about. */
    public record Riga(String obiettivo, String titolo, String settore, String ufficio, Stato stato, BigDecimal punti,
                       Valutazione.Obiettivo esito) {
    }

    /** A settore's line: its name and the engine's aggregate. */
    public record Settore(String settore, Valutazione.Aggregato aggregato) {
    }

    /** @param schede the PEG's schede with the stato of the day scored ({@code StatoAlGiorno}) */
    public static VistaPeg di(ValutazioneSmvp smvp, List<Scheda> schede) {
        Map<String, Scheda> perId = schede.stream().collect(Collectors.toMap(Scheda::id, Function.identity(), (a, b) -> a));
        Map<String, String> nomiSettori = new LinkedHashMap<>();
        Map<String, String> nomiUffici = new LinkedHashMap<>();
        for (Scheda s : schede) {
            nomiSettori.putIfAbsent(s.settore().codice(), s.settore().nome());
            if (s.ufficio() != null) {
                nomiUffici.putIfAbsent(s.ufficio().codice(), s.ufficio().nome());
            }
        }
        List<Riga> righe = smvp.esito().obiettivi().stream().map(o -> {
            Scheda s = perId.get(o.obiettivo());
            return new Riga(o.obiettivo(), o.titolo(), nome(o.settore(), nomiSettori), nome(o.ufficio(), nomiUffici),
                    s == null ? null : s.stato(), o.esito().punti(), o);
        }).toList();
        List<Settore> settori = smvp.esito().settori().stream()
                .map(a -> new Settore(nome(a.settore(), nomiSettori), a)).toList();
        return new VistaPeg(smvp, righe, settori, GraficiValutazione.settori(smvp.esito(), nomiSettori),
                GraficiValutazione.fasce(smvp.esito()), GraficiValutazione.stati(schede));
    }

    /** "CODICE – nome", or the code alone when no name is known; null for none. */
    static String nome(String codice, Map<String, String> nomi) {
        if (codice == null) {
            return null;
        }
        return it.comuni.peg.web.comune.Formato.struttura(codice, nomi.get(codice));
    }
}
