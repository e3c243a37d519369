package it.comuni.peg.web.valutazione;

import it.comuni.peg.api.smvp.FasciaColore;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.Stato;
import it.comuni.peg.query.smvp.Valutazione;
import it.comuni.peg.web.comune.Formato;
import it.comuni.peg.web.grafico.Grafico;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The nucleo's pictures of a PEG scored under the SMVP: the score of each settore, and how many
 * objectives fall in each colour band of the method and in each stato. Counts and scores are the
 * engine's ({@link Valutazione}); nothing is recomputed here.
 */
public final class GraficiValutazione {

    private static final Formato FORMATO = new Formato();

    private GraficiValutazione() {
    }

    /**
     * The settori's scores (bars, 0–100), each settore as "CODICE – nome".
     *
     * @param nomi the settori's names by code (a code without a name is shown alone)
     */
    public static Grafico settori(Valutazione v, Map<String, String> nomi) {
        List<String> categorie = new ArrayList<>();
        List<Double> punti = new ArrayList<>();
        for (Valutazione.Aggregato a : v.settori()) {
            categorie.add(VistaPeg.nome(a.settore(), nomi));
            punti.add(a.esito().punti() == null ? null : a.esito().punti().doubleValue());
        }
        return settori(categorie, punti);
    }

    /**
     * The settori's scores (bars, 0–100) from their names and scores in the same order (null: no bar);
     * the page's chart and the annex's are this one.
     */
    public static Grafico settori(List<String> settori, List<Double> punti) {
        return new Grafico("grafico-settori", "Punteggio SMVP per settore", Grafico.Tipo.BARRE, "Settore", "punti", 100d,
                settori, List.of(new Grafico.Serie("Punteggio", punti, false)));
    }

    /** How many objectives in each colour band, in the bands' order (bands no objective reaches count 0). */
    public static Grafico fasce(Valutazione v) {
        return fasce(v.obiettivi().stream().map(Valutazione.Obiettivo::colore).toList());
    }

    /**
     * How many objectives in each colour band reached, in the bands' order, and how many have no score:
     * {@code colori} one per objective, null for one without a band.
     */
    public static Grafico fasce(List<FasciaColore.Colore> colori) {
        Map<FasciaColore.Colore, Integer> conta = new EnumMap<>(FasciaColore.Colore.class);
        int senza = 0;
        for (FasciaColore.Colore c : colori) {
            if (c == null) {
                senza++;
            } else {
                conta.merge(c, 1, Integer::sum);
            }
        }
        List<String> categorie = new ArrayList<>();
        List<Double> valori = new ArrayList<>();
        for (FasciaColore.Colore c : FasciaColore.Colore.values()) {
            if (conta.containsKey(c)) {
                categorie.add(FORMATO.parola(c));
                valori.add(conta.get(c).doubleValue());
            }
        }
        if (senza > 0) {
            categorie.add("senza punteggio");
            valori.add((double) senza);
        }
        return new Grafico("grafico-fasce", "Obiettivi per fascia di punteggio", Grafico.Tipo.BARRE, "Fascia", "obiettivi",
                null, categorie, List.of(new Grafico.Serie("Obiettivi", valori, false)));
    }

    /** How many objectives in each stato on the day viewed ({@code schede} with the stato of that day). */
    public static Grafico stati(List<Scheda> schede) {
        Map<Stato, Integer> conta = new EnumMap<>(Stato.class);
        schede.stream().filter(s -> s.stato() != null).forEach(s -> conta.merge(s.stato(), 1, Integer::sum));
        List<String> categorie = new ArrayList<>();
        List<Double> valori = new ArrayList<>();
        for (Stato s : Stato.values()) {
            categorie.add(FORMATO.stato(s));
            valori.add(conta.getOrDefault(s, 0).doubleValue());
        }
        return new Grafico("grafico-stati", "Obiettivi per stato", Grafico.Tipo.BARRE, "Stato", "obiettivi", null,
                categorie, List.of(new Grafico.Serie("Obiettivi", valori, false)));
    }
}
