package it.comuni.peg.api.smvp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ente's evaluation method (SMVP) for one year, as its document says it. Read from YAML or JSON by
 * {@link DocumentoMetodo}, which checks it against the schema and {@link RegoleMetodo}: a method that came
 * through there whole has every required part, and the scoring engine relies on it.
 *
 * @param formato            version of the document format (1)
 * @param ente               codice IPA of the ente ("c_b648")
 * @param anno               the PEG's year
 * @param titolo             e.g. "SMVP 2024"
 * @param delibera           the act that adopted it ("Delibera G.C. n. 12 del 30/01/2024"); optional
 * @param periodoMisurazione the default measurement period of the indicators
 * @param pesoFasi           default share of the phases in an objective's score, percent
 * @param pesoIndicatori     default share of the indicators, percent; with {@code pesoFasi} 100
 * @param valoreMancante     an indicator with no value at the date: ZERO scores 0 (the default), ESCLUSO
 *                           leaves it out and renormalises the others
 * @param conversioni        the named conversions
 * @param conversioniPerTipo the conversion of an indicator that names none, by its type; optional
 * @param mappatura          the result mapping of indicators that have none of their own
 * @param mappaturaObiettivo the mapping of an objective's score (PERFORM+ caps it at 100); absent: as is
 * @param fasceColore        display bands of final scores
 * @param fasi               the phases' rules
 * @param indicatori         the indicators it scores, by code
 * @param obiettivi          weights within objectives; optional
 * @param aggregazioni       weights of objectives in settore, ufficio, ente; optional (equal weights)
 */
public record MetodoSmvp(
        Integer formato,
        String ente,
        Integer anno,
        String titolo,
        String delibera,
        Periodicita periodoMisurazione,
        BigDecimal pesoFasi,
        BigDecimal pesoIndicatori,
        ValoreMancante valoreMancante,
        List<Conversione> conversioni,
        Map<TipoIndicatore, String> conversioniPerTipo,
        Mappatura mappatura,
        Mappatura mappaturaObiettivo,
        List<FasciaColore> fasceColore,
        RegoleFasi fasi,
        List<IndicatoreMetodo> indicatori,
        List<ObiettivoMetodo> obiettivi,
        Aggregazioni aggregazioni) {

    /** The only format this version reads and writes. */
    public static final int FORMATO = 1;

    public enum ValoreMancante {
        ZERO,
        ESCLUSO
    }

    public MetodoSmvp {
        conversioni = Liste.copia(conversioni);
        conversioniPerTipo = Liste.copia(conversioniPerTipo);
        fasceColore = Liste.copia(fasceColore);
        indicatori = Liste.copia(indicatori);
        obiettivi = Liste.copia(obiettivi);
    }

    public Optional<IndicatoreMetodo> indicatore(String codice) {
        return indicatori.stream().filter(i -> i.codice().equals(codice)).findFirst();
    }

    public Optional<ObiettivoMetodo> obiettivo(String id) {
        return obiettivi == null ? Optional.empty() : obiettivi.stream().filter(o -> o.obiettivo().equals(id)).findFirst();
    }

    /** The conversion that scores {@code indicatore}: its own, or the one for its type. */
    public Optional<Conversione> conversioneDi(IndicatoreMetodo indicatore) {
        String id = indicatore.conversione() != null ? indicatore.conversione()
                : conversioniPerTipo == null ? null : conversioniPerTipo.get(indicatore.tipo());
        return id == null ? Optional.empty() : conversioni.stream().filter(c -> id.equals(c.id())).findFirst();
    }

    /** The mapping of {@code indicatore}: its own, or the method's. */
    public Mappatura mappaturaDi(IndicatoreMetodo indicatore) {
        return indicatore.mappatura() != null ? indicatore.mappatura() : mappatura;
    }

    public Mappatura mappaturaObiettivoOPredefinita() {
        return mappaturaObiettivo != null ? mappaturaObiettivo : Mappatura.COSI_COME;
    }

    public ValoreMancante valoreMancanteOPredefinito() {
        return valoreMancante != null ? valoreMancante : ValoreMancante.ZERO;
    }

    public Periodicita periodoDi(IndicatoreMetodo indicatore) {
        return indicatore.periodo() != null ? indicatore.periodo() : periodoMisurazione;
    }
}
