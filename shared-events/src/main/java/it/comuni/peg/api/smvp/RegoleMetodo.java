package it.comuni.peg.api.smvp;

import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.comune.ValoriNonValidi;
import it.comuni.peg.api.indicatore.Direzione;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of a method that its schema cannot say: weights summing to 100, codes named once,
 * references to conversions and indicators that exist, conversions that suit the indicator's type,
 * thresholds in order for the indicator's direction, bands that follow each other without gaps.
 *
 * <p>Every rule looks only at the parts it needs and passes over a part that is absent: a part the
 * schema found broken is absent by then ({@link DocumentoMetodo}), and its mistake is reported once, by
 * the schema. Each error names its place with the JSON path the schema uses too ({@code
 * $.indicatori[2].soglie}) and says in Italian what is wrong.
 */
public final class RegoleMetodo {

    private static final BigDecimal CENTO = BigDecimal.valueOf(100);

    private final List<ValoriNonValidi.Errore> errori = new ArrayList<>();

    private RegoleMetodo() {
    }

    /** Every broken rule of {@code metodo}, in the order of the document; empty when none. */
    public static List<ValoriNonValidi.Errore> verifica(MetodoSmvp metodo) {
        RegoleMetodo regole = new RegoleMetodo();
        regole.metodo(metodo);
        return List.copyOf(regole.errori);
    }

    private void metodo(MetodoSmvp m) {
        somma("$", "pesoFasi", m.pesoFasi(), "pesoIndicatori", m.pesoIndicatori());
        Set<String> conversioni = codici("$.conversioni", m.conversioni(), Conversione::id, "id", "La conversione");
        if (m.conversioni() != null) {
            for (int i = 0; i < m.conversioni().size(); i++) {
                Conversione c = m.conversioni().get(i);
                if (c != null) {
                    fasce("$.conversioni[" + i + "].fasce", c.fasce());
                }
            }
        }
        if (m.conversioniPerTipo() != null) {
            m.conversioniPerTipo().forEach((tipo, id) -> {
                if (tipo != null && id != null) {
                    riferimentoConversione("$.conversioniPerTipo." + tipo, id, tipo, m, conversioni);
                }
            });
        }
        mappatura("$.mappatura", m.mappatura());
        mappatura("$.mappaturaObiettivo", m.mappaturaObiettivo());
        if (m.fasceColore() != null) {
            fasce("$.fasceColore", m.fasceColore().stream()
                    .map(f -> f == null ? null : Fascia.fissa(f.da(), f.a(), null)).toList());
        }
        if (m.fasi() != null && m.fasi().ritardo() != null) {
            fasce("$.fasi.ritardo.fasce", m.fasi().ritardo().fasce());
        }
        Set<String> indicatori = codici("$.indicatori", m.indicatori(), IndicatoreMetodo::codice, "codice", "L'indicatore");
        if (m.indicatori() != null) {
            for (int i = 0; i < m.indicatori().size(); i++) {
                if (m.indicatori().get(i) != null) {
                    indicatore("$.indicatori[" + i + "]", m.indicatori().get(i), m, conversioni);
                }
            }
        }
        codici("$.obiettivi", m.obiettivi(), ObiettivoMetodo::obiettivo, "obiettivo", "L'obiettivo");
        if (m.obiettivi() != null) {
            for (int i = 0; i < m.obiettivi().size(); i++) {
                if (m.obiettivi().get(i) != null) {
                    obiettivo("$.obiettivi[" + i + "]", m.obiettivi().get(i), indicatori);
                }
            }
        }
        if (m.aggregazioni() != null) {
            aggregazioni("$.aggregazioni", m.aggregazioni());
        }
    }

    private void indicatore(String percorso, IndicatoreMetodo ind, MetodoSmvp m, Set<String> conversioni) {
        if (ind.conversione() != null) {
            riferimentoConversione(percorso + ".conversione", ind.conversione(), ind.tipo(), m, conversioni);
        } else if (ind.tipo() != null && m.conversioni() != null
                && (m.conversioniPerTipo() == null || !m.conversioniPerTipo().containsKey(ind.tipo()))) {
            errore(percorso + ".conversione", "L'indicatore non indica una conversione e il metodo non ne prevede una per il tipo "
                    + ind.tipo().nome());
        }
        if (ind.tipo() != null && !ind.tipo().numerico() && ind.cumulo() != null
                && ind.cumulo() != IndicatoreMetodo.Cumulo.ULTIMO) {
            errore(percorso + ".cumulo", "Un indicatore di tipo " + ind.tipo().nome() + " vale per l'ultimo periodo: il cumulo "
                    + ind.cumulo() + " non si applica");
        }
        Conversione conversione = conversioni == null ? null : m.conversioneDi(ind).orElse(null);
        if (conversione != null && conversione.tipo() == Conversione.Tipo.SOGLIE && ind.soglie() == null) {
            errore(percorso + ".soglie", "La conversione '" + conversione.id() + "' è a soglie: l'indicatore deve indicare le soglie");
        }
        if (ind.soglie() != null && ind.direzione() != null) {
            soglie(percorso + ".soglie", ind.soglie(), ind.direzione());
        }
        mappatura(percorso + ".mappatura", ind.mappatura());
    }

    /** The thresholds in order: ascending when higher is better, descending when lower is. */
    private void soglie(String percorso, Soglie s, Direzione direzione) {
        List<BigDecimal> valori = new ArrayList<>();
        valori.add(s.minimo());
        valori.add(s.obiettivo());
        valori.add(s.massimo());
        if (s.eccellenza() != null) {
            valori.add(s.eccellenza());
        }
        if (valori.stream().anyMatch(Objects::isNull)) {
            return;
        }
        int verso = direzione == Direzione.CRESCENTE ? 1 : -1;
        for (int i = 1; i < valori.size(); i++) {
            if (valori.get(i).compareTo(valori.get(i - 1)) * verso < 0) {
                String ordine = direzione == Direzione.CRESCENTE
                        ? "più alto è meglio: serve minimo ≤ obiettivo ≤ massimo" + (s.eccellenza() != null ? " ≤ eccellenza" : "")
                        : "più basso è meglio: serve minimo ≥ obiettivo ≥ massimo" + (s.eccellenza() != null ? " ≥ eccellenza" : "");
                errore(percorso, "Soglie fuori ordine (" + ordine + "; ricevute " + String.join(", ",
                        valori.stream().map(FormaItaliana::numero).toList()) + ")");
                return;
            }
        }
    }

    private void riferimentoConversione(String percorso, String id, TipoIndicatore tipo, MetodoSmvp m, Set<String> conversioni) {
        if (conversioni == null) {
            return;
        }
        if (!conversioni.contains(id)) {
            errore(percorso, "Conversione sconosciuta: '" + id + "' non è tra le conversioni del metodo");
            return;
        }
        Conversione c = m.conversioni().stream().filter(x -> id.equals(x.id())).findFirst().orElseThrow();
        if (tipo != null && c.tipo() != null && !adatta(c.tipo(), tipo)) {
            errore(percorso, "La conversione '" + id + "' (" + c.tipo().nome() + ") non si applica a un indicatore di tipo " + tipo.nome());
        }
    }

    private static boolean adatta(Conversione.Tipo conversione, TipoIndicatore tipo) {
        return switch (tipo) {
            case DATA -> conversione == Conversione.Tipo.DATA_FASCE;
            case SI_NO -> conversione == Conversione.Tipo.SI_NO;
            default -> conversione.numerica();
        };
    }

    private void obiettivo(String percorso, ObiettivoMetodo o, Set<String> indicatori) {
        somma(percorso, "pesoFasi", o.pesoFasi(), "pesoIndicatori", o.pesoIndicatori());
        if (o.fasi() != null) {
            pesi(percorso + ".fasi", o.fasi(), ObiettivoMetodo.PesoFase::peso, "delle fasi");
            unici(percorso + ".fasi", o.fasi(), f -> f.numero() == null ? null : String.valueOf(f.numero()), "numero", "La fase");
            for (int i = 0; i < o.fasi().size(); i++) {
                ObiettivoMetodo.PesoFase f = o.fasi().get(i);
                if (f != null && f.indicatore() != null) {
                    riferimentoIndicatore(percorso + ".fasi[" + i + "].indicatore", f.indicatore(), indicatori);
                }
            }
        }
        if (o.indicatori() != null) {
            pesi(percorso + ".indicatori", o.indicatori(), ObiettivoMetodo.PesoIndicatore::peso, "degli indicatori");
            unici(percorso + ".indicatori", o.indicatori(), ObiettivoMetodo.PesoIndicatore::codice, "codice", "L'indicatore");
            for (int i = 0; i < o.indicatori().size(); i++) {
                ObiettivoMetodo.PesoIndicatore p = o.indicatori().get(i);
                if (p != null && p.codice() != null) {
                    riferimentoIndicatore(percorso + ".indicatori[" + i + "].codice", p.codice(), indicatori);
                }
            }
        }
    }

    private void riferimentoIndicatore(String percorso, String codice, Set<String> indicatori) {
        if (indicatori != null && !indicatori.contains(codice)) {
            errore(percorso, "Indicatore sconosciuto: '" + codice + "' non è tra gli indicatori del metodo");
        }
    }

    private void aggregazioni(String percorso, Aggregazioni a) {
        gruppi(percorso + ".settori", a.settori(), false);
        gruppi(percorso + ".uffici", a.uffici(), true);
        if (a.ente() != null) {
            pesi(percorso + ".ente", a.ente(), Aggregazioni.PesoObiettivo::peso, "degli obiettivi dell'ente");
            unici(percorso + ".ente", a.ente(), Aggregazioni.PesoObiettivo::obiettivo, "obiettivo", "L'obiettivo");
        }
    }

    private void gruppi(String percorso, List<Aggregazioni.Gruppo> gruppi, boolean uffici) {
        if (gruppi == null) {
            return;
        }
        unici(percorso, gruppi, g -> g.settore() == null || (uffici && g.ufficio() == null) ? null
                : uffici ? g.settore() + "/" + g.ufficio() : g.settore(), uffici ? "ufficio" : "settore",
                uffici ? "L'ufficio" : "Il settore");
        for (int i = 0; i < gruppi.size(); i++) {
            Aggregazioni.Gruppo g = gruppi.get(i);
            if (g != null && g.obiettivi() != null) {
                String qui = percorso + "[" + i + "].obiettivi";
                pesi(qui, g.obiettivi(), Aggregazioni.PesoObiettivo::peso, "degli obiettivi del gruppo");
                unici(qui, g.obiettivi(), Aggregazioni.PesoObiettivo::obiettivo, "obiettivo", "L'obiettivo");
            }
        }
    }

    private void mappatura(String percorso, Mappatura mappatura) {
        if (mappatura == null) {
            return;
        }
        if (mappatura.tipo() == Mappatura.Tipo.LIMITA && mappatura.minimo() != null && mappatura.massimo() != null
                && mappatura.minimo().compareTo(mappatura.massimo()) > 0) {
            errore(percorso, "Il minimo (" + n(mappatura.minimo()) + ") supera il massimo (" + n(mappatura.massimo()) + ")");
        }
        fasce(percorso + ".fasce", mappatura.fasce());
    }

    /**
     * Bands in order without gaps: each band's {@code da} below its {@code a}, each {@code da} equal to the
     * previous band's {@code a}; only the first may be open below, only the last above.
     */
    private void fasce(String percorso, List<Fascia> fasce) {
        if (fasce == null) {
            return;
        }
        for (int i = 0; i < fasce.size(); i++) {
            Fascia f = fasce.get(i);
            if (f == null) {
                continue;
            }
            String qui = percorso + "[" + i + "]";
            if (f.da() != null && f.a() != null && f.da().compareTo(f.a()) >= 0) {
                errore(qui, "La fascia va da " + n(f.da()) + " a " + n(f.a()) + ": l'inizio deve precedere la fine");
            } else if (f.da() == null && i > 0) {
                errore(qui + ".da", "Solo la prima fascia può essere aperta in basso");
            } else if (f.a() == null && i < fasce.size() - 1) {
                errore(qui + ".a", "Solo l'ultima fascia può essere aperta in alto");
            } else if (i > 0 && fasce.get(i - 1) != null && fasce.get(i - 1).a() != null && f.da() != null
                    && fasce.get(i - 1).a().compareTo(f.da()) != 0) {
                errore(qui + ".da", "Le fasce devono susseguirsi senza vuoti né sovrapposizioni: questa inizia a " + n(f.da())
                        + ", la precedente finisce a " + n(fasce.get(i - 1).a()));
            }
        }
    }

    private void somma(String percorso, String primo, BigDecimal a, String secondo, BigDecimal b) {
        if (a != null && b != null && a.add(b).compareTo(CENTO) != 0) {
            errore(percorso + "." + secondo, primo + " (" + n(a) + ") e " + secondo + " (" + n(b) + ") devono sommare a 100, sommano a "
                    + n(a.add(b)));
        }
    }

    /** The weights of a list sum to 100; passed over when any is absent (the schema reported it). */
    private <T> void pesi(String percorso, List<T> voci, Function<T, BigDecimal> peso, String di) {
        BigDecimal somma = BigDecimal.ZERO;
        for (T voce : voci) {
            if (voce == null || peso.apply(voce) == null) {
                return;
            }
            somma = somma.add(peso.apply(voce));
        }
        if (!voci.isEmpty() && somma.compareTo(CENTO) != 0) {
            errore(percorso, "I pesi " + di + " devono sommare a 100, sommano a " + n(somma));
        }
    }

    /**
     * Each code once in the list; returns the codes, or null when one is absent (then references to
     * the list cannot be judged, and are not).
     */
    private <T> Set<String> codici(String percorso, List<T> voci, Function<T, String> codice, String campo, String cosa) {
        if (voci == null) {
            return null;
        }
        Set<String> visti = unici(percorso, voci, codice, campo, cosa);
        return voci.stream().anyMatch(v -> v == null || codice.apply(v) == null) ? null : visti;
    }

    private <T> Set<String> unici(String percorso, List<T> voci, Function<T, String> codice, String campo, String cosa) {
        Map<String, Integer> primo = new HashMap<>();
        Set<String> visti = new HashSet<>();
        for (int i = 0; i < voci.size(); i++) {
            T voce = voci.get(i);
            String c = voce == null ? null : codice.apply(voce);
            if (c == null) {
                continue;
            }
            if (!visti.add(c)) {
                errore(percorso + "[" + i + "]." + campo, cosa + " '" + c + "' compare già in " + percorso + "[" + primo.get(c) + "]");
            } else {
                primo.put(c, i);
            }
        }
        return visti;
    }

    private void errore(String percorso, String messaggio) {
        errori.add(new ValoriNonValidi.Errore(percorso, messaggio));
    }

    private static String n(BigDecimal b) {
        return FormaItaliana.numero(b);
    }
}
