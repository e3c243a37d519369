package it.comuni.peg.query.smvp;

import it.comuni.peg.api.valutazione.VoceSmvpDecisa;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.smvp.DocumentoMetodo;
import it.comuni.peg.api.smvp.MetodoSmvp;
import it.comuni.peg.api.smvp.Periodicita;
import it.comuni.peg.api.smvp.PeriodoMisura;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The method the engine's tests score with: one indicator per conversion kind and direction, results
 * taken as they are (so that each conversion's own number shows), written as the nucleo would write it.
 * A test changes one part of it by text, and the method is read through {@link DocumentoMetodo} like
 * any other, so a test method is always a valid one.
 */
final class ProvaSmvp {

    static final LocalDate FINE_ANNO = LocalDate.of(2024, 12, 31);

    static final String METODO = """
            formato: 1
            ente: c_b648
            anno: 2024
            titolo: Metodo di prova
            periodoMisurazione: ANNO
            pesoFasi: 50
            pesoIndicatori: 50
            conversioni:
              - {id: perc, tipo: PERCENTUALE_OBIETTIVO}
              - {id: percRapporto, tipo: PERCENTUALE_OBIETTIVO, formulaDecrescente: RAPPORTO}
              - {id: coeff, tipo: COEFFICIENTE}
              - {id: scostP, tipo: SCOSTAMENTO_PERCENTUALE}
              - {id: scostV, tipo: SCOSTAMENTO_VALORE}
              - {id: prec, tipo: PERCENTUALE_OBIETTIVO, riferimento: ANNO_PRECEDENTE}
              - {id: scostPrec, tipo: SCOSTAMENTO_PERCENTUALE, riferimento: ANNO_PRECEDENTE}
              - {id: avanz, tipo: AVANZAMENTO}
              - {id: soglie, tipo: SOGLIE}
              - {id: sentinella, tipo: SOGLIE, sottoMinimo: -1}
              - id: data
                tipo: DATA_FASCE
                fasce:
                  - {a: 1, valore: 100}
                  - {da: 1, a: 31, valore: 80}
                  - {da: 31, a: 91, valore: 50, proporzionale: true, valoreDa: 80}
                  - {da: 91, valore: 0}
              - {id: sino, tipo: SI_NO}
            mappatura: {tipo: COSI_COME}
            fasceColore:
              - {da: 0, a: 34, colore: ROSSO}
              - {da: 34, a: 74, colore: GIALLO}
              - {da: 74, a: 100, colore: VERDE}
            fasi:
              fattoreNonCompletata: 0.5
              ritardo: {tipo: PER_MESE, penalitaMese: 10}
            indicatori:
              - {codice: NC, nome: Numero più alto meglio, tipo: NUMERO, direzione: CRESCENTE, conversione: perc}
              - {codice: ND, nome: Numero più basso meglio, tipo: NUMERO, direzione: DECRESCENTE, conversione: perc}
              - {codice: NDR, nome: Più basso meglio a rapporto, tipo: NUMERO, direzione: DECRESCENTE, conversione: percRapporto}
              - {codice: CO, nome: Coefficiente, tipo: NUMERO, direzione: CRESCENTE, conversione: coeff}
              - {codice: SP, nome: Scostamento percentuale, tipo: NUMERO, direzione: CRESCENTE, conversione: scostP}
              - {codice: SPD, nome: Scostamento percentuale decrescente, tipo: NUMERO, direzione: DECRESCENTE, conversione: scostP}
              - {codice: SV, nome: Scostamento in valore, tipo: NUMERO, direzione: DECRESCENTE, conversione: scostV}
              - {codice: PR, nome: Rispetto all'anno precedente, tipo: NUMERO, direzione: CRESCENTE, conversione: prec}
              - {codice: SPR, nome: Scostamento dall'anno precedente, tipo: NUMERO, direzione: CRESCENTE, conversione: scostPrec}
              - {codice: AV, nome: Avanzamento, tipo: NUMERO, direzione: CRESCENTE, conversione: avanz}
              - codice: SO
                nome: Soglie con eccellenza
                tipo: NUMERO
                direzione: CRESCENTE
                conversione: soglie
                soglie: {minimo: 60, obiettivo: 80, massimo: 90, eccellenza: 100}
              - codice: SOD
                nome: Soglie più basso meglio
                tipo: NUMERO
                direzione: DECRESCENTE
                conversione: sentinella
                soglie: {minimo: 40, obiettivo: 30, massimo: 20}
              - {codice: PC, nome: Percentuale, tipo: PERCENTUALE, direzione: CRESCENTE, conversione: perc}
              - {codice: RA, nome: Rapporto sommato, tipo: RAPPORTO, direzione: CRESCENTE, conversione: perc, periodo: TRIMESTRE, cumulo: SOMMA}
              - {codice: RM, nome: Rapporto medio, tipo: RAPPORTO, direzione: CRESCENTE, conversione: perc, periodo: TRIMESTRE, cumulo: MEDIA}
              - {codice: RU, nome: Rapporto ultimo, tipo: RAPPORTO, direzione: CRESCENTE, conversione: perc, periodo: TRIMESTRE}
              - {codice: NS, nome: Numero sommato, tipo: NUMERO, direzione: CRESCENTE, conversione: perc, periodo: TRIMESTRE, cumulo: SOMMA}
              - {codice: NM, nome: Numero medio, tipo: NUMERO, direzione: CRESCENTE, conversione: perc, periodo: MESE, cumulo: MEDIA}
              - {codice: DT, nome: Data, tipo: DATA, direzione: DECRESCENTE, conversione: data}
              - {codice: SN, nome: Sì atteso, tipo: SI_NO, direzione: CRESCENTE, conversione: sino}
              - {codice: SND, nome: No atteso, tipo: SI_NO, direzione: DECRESCENTE, conversione: sino}
            """;

    private ProvaSmvp() {
    }

    static MetodoSmvp metodo() {
        return metodo(METODO);
    }

    static MetodoSmvp metodo(String documento) {
        return DocumentoMetodo.leggi(documento, DocumentoMetodo.Formato.YAML);
    }

    /** The method with one line replaced (the replaced text must be there). */
    static MetodoSmvp con(String vecchio, String nuovo) {
        if (!METODO.contains(vecchio)) {
            throw new IllegalArgumentException("Il metodo di prova non contiene: " + vecchio);
        }
        return metodo(METODO.replace(vecchio, nuovo));
    }

    static DatiValutazione.Rilevazione anno(String valore) {
        return new DatiValutazione.Rilevazione(PeriodoMisura.anno(2024), Valore.numero(valore));
    }

    static DatiValutazione.Rilevazione anno(Valore valore) {
        return new DatiValutazione.Rilevazione(PeriodoMisura.anno(2024), valore);
    }

    static DatiValutazione.Rilevazione periodo(Periodicita p, int numero, Valore valore) {
        return new DatiValutazione.Rilevazione(new PeriodoMisura(p, 2024, numero), valore);
    }

    static DatiValutazione.Indicatore indicatore(String codice, Valore atteso, Valore precedente, DatiValutazione.Rilevazione... r) {
        return new DatiValutazione.Indicatore(codice, null, atteso, precedente, List.of(r));
    }

    static DatiValutazione.Indicatore indicatore(String codice, String atteso, DatiValutazione.Rilevazione... r) {
        return indicatore(codice, atteso == null ? null : Valore.numero(atteso), null, r);
    }

    static DatiValutazione.Obiettivo obiettivo(String id, List<DatiValutazione.Fase> fasi, DatiValutazione.Indicatore... ind) {
        return new DatiValutazione.Obiettivo(id, "Obiettivo " + id, "SET", null, null, null, fasi, List.of(ind));
    }

    /** The one indicator of a one-objective evaluation at the end of 2024, under {@code metodo}. */
    static Valutazione.Indicatore valutaIndicatore(MetodoSmvp metodo, DatiValutazione.Indicatore ind) {
        return valutaIndicatore(metodo, ind, FINE_ANNO);
    }

    static Valutazione.Indicatore valutaIndicatore(MetodoSmvp metodo, DatiValutazione.Indicatore ind, LocalDate al) {
        Valutazione v = MotoreSmvp.valuta(metodo, new DatiValutazione(al, List.of(obiettivo("OB", List.of(), ind)), null, null));
        return v.obiettivo("OB").indicatori().get(0);
    }

    static Valutazione.Indicatore valutaIndicatore(DatiValutazione.Indicatore ind) {
        return valutaIndicatore(metodo(), ind);
    }

    static DatiValutazione.Decisione nonValutabile(String obiettivo, VoceSmvpDecisa.Voce voce, String riferimento) {
        return new DatiValutazione.Decisione(obiettivo, voce, riferimento, VoceSmvpDecisa.Tipo.NON_VALUTABILE, null,
                Motivazione.di("Dato non disponibile per cause esterne"));
    }

    static DatiValutazione.Decisione forzatura(String obiettivo, VoceSmvpDecisa.Voce voce, String riferimento, String valore) {
        return new DatiValutazione.Decisione(obiettivo, voce, riferimento, VoceSmvpDecisa.Tipo.FORZATURA,
                new BigDecimal(valore), Motivazione.di("Raggiunto con atto successivo alla rilevazione"));
    }
}
