package it.comuni.peg.api.smvp;

import it.comuni.peg.api.comune.ValoriNonValidi;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad document is refused with every error, each with its path and an Italian message. */
class DocumentoMetodoTest {

    /**
     * The GZOOM example with ten distinct mistakes, five the schema finds and five only the rules can:
     * <ol>
     *     <li>{@code anno} is text;</li>
     *     <li>an unknown field {@code pesiFasi} at the top;</li>
     *     <li>a conversion of an unknown kind ({@code PERCENTUALE_MAGICA});</li>
     *     <li>{@code fattoreNonCompletata} 1,5 above its maximum 1;</li>
     *     <li>an indicator without {@code direzione};</li>
     *     <li>pesoFasi 50 + pesoIndicatori 40 = 90;</li>
     *     <li>thresholds out of order (minimo 0,9 above obiettivo 0,85 with higher is better);</li>
     *     <li>an indicator naming a conversion that does not exist ({@code avanzamento-inesistente});</li>
     *     <li>an objective weighting an indicator the method does not define ({@code IND-FANTASMA});</li>
     *     <li>the settore's objective weights summing to 90.</li>
     * </ol>
     */
    static final String DIECI_ERRORI = """
            formato: 1
            ente: c_b648
            anno: duemilaventitre
            titolo: SMVP con dieci errori
            pesiFasi: 50
            periodoMisurazione: ANNO
            pesoFasi: 50
            pesoIndicatori: 40
            conversioni:
              - id: avanzamento-obiettivo
                tipo: PERCENTUALE_OBIETTIVO
              - id: soglie
                tipo: SOGLIE
              - id: magica
                tipo: PERCENTUALE_MAGICA
            conversioniPerTipo:
              NUMERO: avanzamento-obiettivo
            mappatura:
              tipo: LIMITA
              minimo: 0
              massimo: 100
            fasceColore:
              - {da: 0, a: 34, colore: ROSSO}
              - {da: 34, a: 74, colore: GIALLO}
              - {da: 74, a: 100, colore: VERDE}
            fasi:
              fattoreNonCompletata: 1.5
              ritardo: {tipo: PER_MESE, penalitaMese: 10}
            indicatori:
              - codice: SCIA-GG
                nome: Media giorni di istruttoria
                tipo: NUMERO
              - codice: PRATICHE-EVASE
                nome: Pratiche evase su presentate
                tipo: RAPPORTO
                direzione: CRESCENTE
                conversione: soglie
                soglie: {minimo: 0.9, obiettivo: 0.85, massimo: 0.95}
              - codice: ACCESSI
                nome: Accessi allo sportello
                tipo: NUMERO
                direzione: CRESCENTE
                conversione: avanzamento-inesistente
            obiettivi:
              - obiettivo: SASTER-SCIA
                indicatori:
                  - {codice: IND-FANTASMA, peso: 100}
            aggregazioni:
              settori:
                - settore: SASTER
                  obiettivi:
                    - {obiettivo: SASTER-PTOP, peso: 40}
                    - {obiettivo: SASTER-SCIA, peso: 50}
            """;

    @Test
    void aDocumentWithTenDistinctErrorsGetsExactlyTenMessages() {
        List<ValoriNonValidi.Errore> errori = DocumentoMetodo.errori(DIECI_ERRORI, DocumentoMetodo.Formato.YAML);
        assertThat(errori).extracting(ValoriNonValidi.Errore::campo).containsExactlyInAnyOrder(
                "$.anno",
                "$.pesiFasi",
                "$.conversioni[2].tipo",
                "$.fasi.fattoreNonCompletata",
                "$.indicatori[0].direzione",
                "$.pesoIndicatori",
                "$.indicatori[1].soglie",
                "$.indicatori[2].conversione",
                "$.obiettivi[0].indicatori[0].codice",
                "$.aggregazioni.settori[0].obiettivi");
        assertThat(errori).extracting(ValoriNonValidi.Errore::messaggio).contains(
                "Deve essere un numero intero, trovato un testo",
                "Campo sconosciuto: lo schema del metodo non lo prevede",
                "Deve essere al più 1, trovato 1,5",
                "Campo obbligatorio mancante",
                "pesoFasi (50) e pesoIndicatori (40) devono sommare a 100, sommano a 90",
                "Soglie fuori ordine (più alto è meglio: serve minimo ≤ obiettivo ≤ massimo; ricevute 0,9, 0,85, 0,95)",
                "Conversione sconosciuta: 'avanzamento-inesistente' non è tra le conversioni del metodo",
                "Indicatore sconosciuto: 'IND-FANTASMA' non è tra gli indicatori del metodo",
                "I pesi degli obiettivi del gruppo devono sommare a 100, sommano a 90");
    }

    @Test
    void readingABadDocumentThrowsWithEveryErrorAndAppliesNothing() {
        assertThatThrownBy(() -> DocumentoMetodo.leggi(DIECI_ERRORI, DocumentoMetodo.Formato.YAML))
                .isInstanceOfSatisfying(ValoriNonValidi.class, e -> assertThat(e.errori()).hasSize(10));
    }

    /** A small valid method; each test below breaks one thing of it. */
    static final String BASE = """
            formato: 1
            ente: c_b648
            anno: 2024
            titolo: Base
            periodoMisurazione: ANNO
            pesoFasi: 50
            pesoIndicatori: 50
            conversioni:
              - id: perc
                tipo: PERCENTUALE_OBIETTIVO
              - id: soglie
                tipo: SOGLIE
              - id: data
                tipo: DATA_FASCE
                fasce:
                  - {a: 1, valore: 100}
                  - {da: 1, valore: 0}
              - id: sino
                tipo: SI_NO
            conversioniPerTipo:
              NUMERO: perc
            mappatura: {tipo: LIMITA, minimo: 0, massimo: 100}
            fasceColore:
              - {da: 0, a: 34, colore: ROSSO}
              - {da: 34, a: 74, colore: GIALLO}
              - {da: 74, a: 100, colore: VERDE}
            fasi:
              fattoreNonCompletata: 0.5
              ritardo: {tipo: PER_MESE, penalitaMese: 10}
            indicatori:
              - {codice: A, nome: Indicatore A, tipo: NUMERO, direzione: CRESCENTE}
            """;

    static List<ValoriNonValidi.Errore> errori(String documento) {
        return DocumentoMetodo.errori(documento, DocumentoMetodo.Formato.YAML);
    }

    @Test
    void theBaseIsValid() {
        assertThat(errori(BASE)).isEmpty();
    }

    @Test
    void aSyntaxErrorIsOneErrorWithItsLine() {
        assertThat(errori(BASE + "indicatori: [\n")).singleElement().satisfies(e -> {
            assertThat(e.campo()).isEqualTo("$");
            assertThat(e.messaggio()).startsWith("Il documento non è YAML leggibile (riga");
        });
        assertThat(DocumentoMetodo.errori("{\"formato\": 1,", DocumentoMetodo.Formato.JSON)).singleElement()
                .satisfies(e -> assertThat(e.messaggio()).startsWith("Il documento non è JSON leggibile"));
    }

    @Test
    void aDuplicateKeyIsASyntaxError() {
        assertThat(errori(BASE + "anno: 2025\n")).singleElement()
                .satisfies(e -> assertThat(e.messaggio()).startsWith("Il documento non è YAML leggibile"));
    }

    @Test
    void aDocumentThatIsNoObjectIsOneError() {
        assertThat(errori("- 1\n- 2\n")).singleElement().satisfies(e -> assertThat(e.campo()).isEqualTo("$"));
        assertThat(errori("")).singleElement().satisfies(e -> assertThat(e.campo()).isEqualTo("$"));
    }

    @Test
    void theSameMethodReadsFromJson() {
        MetodoSmvp m = DocumentoMetodo.leggi(BASE, DocumentoMetodo.Formato.YAML);
        String json = DocumentoMetodo.scrivi(m, DocumentoMetodo.Formato.JSON);
        assertThat(json).contains("\"fattoreNonCompletata\" : 0.5");
        assertThat(DocumentoMetodo.leggi(json, DocumentoMetodo.Formato.JSON)).isEqualTo(m);
    }

    @Test
    void aBrokenElementKeepsTheIndexesOfTheOthers() {
        // indicatori[0] is a text: one type error; indicatori[1] is still checked and its reference found missing
        String doc = BASE.replace("  - {codice: A, nome: Indicatore A, tipo: NUMERO, direzione: CRESCENTE}\n",
                "  - sbagliato\n  - {codice: B, nome: B, tipo: NUMERO, direzione: CRESCENTE, conversione: nessuna}\n");
        assertThat(errori(doc)).extracting(ValoriNonValidi.Errore::campo)
                .containsExactly("$.indicatori[0]", "$.indicatori[1].conversione");
    }

    @Test
    void aParameterOfAnotherKindOfConversionIsRefused() {
        String doc = BASE.replace("    tipo: PERCENTUALE_OBIETTIVO\n", "    tipo: PERCENTUALE_OBIETTIVO\n    sottoMinimo: -1\n");
        assertThat(errori(doc)).singleElement().satisfies(e -> {
            assertThat(e.campo()).isEqualTo("$.conversioni[0].sottoMinimo");
            assertThat(e.messaggio()).isEqualTo("Campo non previsto per questo tipo");
        });
    }

    @Test
    void aDateScaleNeedsItsBands() {
        String doc = BASE.replace("""
                    fasce:
                      - {a: 1, valore: 100}
                      - {da: 1, valore: 0}
                """, "");
        assertThat(errori(doc)).singleElement().satisfies(e -> assertThat(e.campo()).isEqualTo("$.conversioni[2].fasce"));
    }

    @Test
    void bandsMustFollowEachOtherWithoutGaps() {
        String doc = BASE.replace("""
                      - {a: 1, valore: 100}
                      - {da: 1, valore: 0}
                """, """
                      - {a: 1, valore: 100}
                      - {da: 5, a: 3, valore: 50}
                      - {da: 7, a: 9, valore: 40}
                      - {valore: 0}
                """);
        assertThat(errori(doc)).extracting(ValoriNonValidi.Errore::campo, ValoriNonValidi.Errore::messaggio).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.conversioni[2].fasce[1]", "La fascia va da 5 a 3: l'inizio deve precedere la fine"),
                org.assertj.core.groups.Tuple.tuple("$.conversioni[2].fasce[2].da",
                        "Le fasce devono susseguirsi senza vuoti né sovrapposizioni: questa inizia a 7, la precedente finisce a 3"),
                org.assertj.core.groups.Tuple.tuple("$.conversioni[2].fasce[3].da", "Solo la prima fascia può essere aperta in basso"));
    }

    @Test
    void colourBandsMustFollowEachOther() {
        String doc = BASE.replace("{da: 34, a: 74, colore: GIALLO}", "{da: 30, a: 74, colore: GIALLO}");
        assertThat(errori(doc)).extracting(ValoriNonValidi.Errore::campo).containsExactly("$.fasceColore[1].da");
    }

    @Test
    void aProportionalBandNeedsBothEndsAndItsStartingValue() {
        String doc = BASE.replace("{da: 1, valore: 0}", "{da: 1, valore: 0, proporzionale: true}");
        assertThat(errori(doc)).extracting(ValoriNonValidi.Errore::campo)
                .containsExactlyInAnyOrder("$.conversioni[2].fasce[1].a", "$.conversioni[2].fasce[1].valoreDa");
    }

    @Test
    void codesAreNamedOnce() {
        String doc = BASE + "  - {codice: A, nome: Di nuovo A, tipo: NUMERO, direzione: CRESCENTE}\n";
        assertThat(errori(doc)).singleElement().satisfies(e -> {
            assertThat(e.campo()).isEqualTo("$.indicatori[1].codice");
            assertThat(e.messaggio()).isEqualTo("L'indicatore 'A' compare già in $.indicatori[0]");
        });
    }

    @Test
    void aConversionMustSuitTheIndicatorsType() {
        String doc = BASE + "  - {codice: D, nome: Data, tipo: DATA, direzione: DECRESCENTE, conversione: perc}\n"
                + "  - {codice: S, nome: Sì o no, tipo: SI_NO, direzione: CRESCENTE, conversione: data}\n"
                + "  - {codice: N, nome: Numero, tipo: NUMERO, direzione: CRESCENTE, conversione: sino}\n";
        assertThat(errori(doc)).extracting(ValoriNonValidi.Errore::messaggio).containsExactly(
                "La conversione 'perc' (percentuale di raggiungimento) non si applica a un indicatore di tipo data",
                "La conversione 'data' (giorni di ritardo per fasce) non si applica a un indicatore di tipo sì/no",
                "La conversione 'sino' (risposta sì/no) non si applica a un indicatore di tipo numero");
    }

    @Test
    void anIndicatorWithoutConversionNeedsOneForItsType() {
        String doc = BASE + "  - {codice: R, nome: Rapporto, tipo: RAPPORTO, direzione: CRESCENTE}\n";
        assertThat(errori(doc)).singleElement().satisfies(e -> {
            assertThat(e.campo()).isEqualTo("$.indicatori[1].conversione");
            assertThat(e.messaggio()).isEqualTo("L'indicatore non indica una conversione e il metodo non ne prevede una per il tipo rapporto");
        });
    }

    @Test
    void aThresholdConversionNeedsThresholdsInTheOrderOfTheDirection() {
        String doc = BASE
                + "  - {codice: T1, nome: T1, tipo: NUMERO, direzione: CRESCENTE, conversione: soglie}\n"
                + "  - {codice: T2, nome: T2, tipo: NUMERO, direzione: DECRESCENTE, conversione: soglie,"
                + " soglie: {minimo: 40, obiettivo: 30, massimo: 20, eccellenza: 10}}\n"
                + "  - {codice: T3, nome: T3, tipo: NUMERO, direzione: DECRESCENTE, conversione: soglie,"
                + " soglie: {minimo: 10, obiettivo: 20, massimo: 30}}\n"
                + "  - {codice: T4, nome: T4, tipo: NUMERO, direzione: CRESCENTE, conversione: soglie,"
                + " soglie: {minimo: 10, obiettivo: 20, massimo: 30, eccellenza: 25}}\n";
        assertThat(errori(doc)).extracting(ValoriNonValidi.Errore::campo, ValoriNonValidi.Errore::messaggio).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.indicatori[1].soglie", "La conversione 'soglie' è a soglie: l'indicatore deve indicare le soglie"),
                org.assertj.core.groups.Tuple.tuple("$.indicatori[3].soglie",
                        "Soglie fuori ordine (più basso è meglio: serve minimo ≥ obiettivo ≥ massimo; ricevute 10, 20, 30)"),
                org.assertj.core.groups.Tuple.tuple("$.indicatori[4].soglie",
                        "Soglie fuori ordine (più alto è meglio: serve minimo ≤ obiettivo ≤ massimo ≤ eccellenza; ricevute 10, 20, 30, 25)"));
    }

    @Test
    void aDateOrYesNoIndicatorTakesTheLastPeriodOnly() {
        String doc = BASE + "  - {codice: D, nome: Data, tipo: DATA, direzione: DECRESCENTE, conversione: data, cumulo: SOMMA}\n";
        assertThat(errori(doc)).extracting(ValoriNonValidi.Errore::campo).containsExactly("$.indicatori[1].cumulo");
    }

    @Test
    void aClampNeedsItsMinimumBelowItsMaximum() {
        String doc = BASE.replace("mappatura: {tipo: LIMITA, minimo: 0, massimo: 100}", "mappatura: {tipo: LIMITA, minimo: 100, massimo: 0}");
        assertThat(errori(doc)).singleElement().satisfies(e -> {
            assertThat(e.campo()).isEqualTo("$.mappatura");
            assertThat(e.messaggio()).isEqualTo("Il minimo (100) supera il massimo (0)");
        });
    }

    @Test
    void anObjectiveGivesBothSharesOrNeither() {
        String doc = BASE + "obiettivi:\n  - {obiettivo: OB1, pesoFasi: 60}\n";
        assertThat(errori(doc)).singleElement().satisfies(e -> {
            assertThat(e.campo()).isEqualTo("$.obiettivi[0].pesoIndicatori");
            assertThat(e.messaggio()).isEqualTo("Campo obbligatorio quando c'è 'pesoFasi'");
        });
    }

    @Test
    void weightsWithinAnObjectiveSumToOneHundredAndNameEachPhaseOnce() {
        String doc = BASE + """
                obiettivi:
                  - obiettivo: OB1
                    fasi:
                      - {numero: 1, peso: 30}
                      - {numero: 1, peso: 30, indicatore: ZZ}
                    indicatori:
                      - {codice: A, peso: 100.5}
                """;
        assertThat(errori(doc)).extracting(ValoriNonValidi.Errore::campo, ValoriNonValidi.Errore::messaggio).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.obiettivi[0].indicatori[0].peso", "Deve essere al più 100, trovato 100,5"),
                org.assertj.core.groups.Tuple.tuple("$.obiettivi[0].fasi", "I pesi delle fasi devono sommare a 100, sommano a 60"),
                org.assertj.core.groups.Tuple.tuple("$.obiettivi[0].fasi[1].numero", "La fase '1' compare già in $.obiettivi[0].fasi[0]"),
                org.assertj.core.groups.Tuple.tuple("$.obiettivi[0].fasi[1].indicatore", "Indicatore sconosciuto: 'ZZ' non è tra gli indicatori del metodo"));
    }

    @Test
    void aWeightHasTwoDecimalsAtMost() {
        String doc = BASE.replace("pesoFasi: 50\npesoIndicatori: 50", "pesoFasi: 50.001\npesoIndicatori: 49.999");
        assertThat(errori(doc)).extracting(ValoriNonValidi.Errore::campo).containsExactly("$.pesoFasi", "$.pesoIndicatori");
    }

    @Test
    void anUnknownTypeKeyIsRefused() {
        String doc = BASE.replace("  NUMERO: perc\n", "  NUMERO: perc\n  DECIMALE: perc\n");
        assertThat(errori(doc)).extracting(ValoriNonValidi.Errore::campo).containsExactly("$.conversioniPerTipo.DECIMALE");
    }

    @Test
    void aMethodBuiltInCodeIsCheckedLikeItsDocument() {
        MetodoSmvp m = DocumentoMetodo.leggi(BASE, DocumentoMetodo.Formato.YAML);
        MetodoSmvp rotto = new MetodoSmvp(m.formato(), m.ente(), m.anno(), m.titolo(), m.delibera(), m.periodoMisurazione(),
                m.pesoFasi(), java.math.BigDecimal.TEN, m.valoreMancante(), m.conversioni(), m.conversioniPerTipo(), m.mappatura(),
                m.mappaturaObiettivo(), m.fasceColore(), null, m.indicatori(), m.obiettivi(), m.aggregazioni());
        assertThat(DocumentoMetodo.verifica(m)).isEmpty();
        assertThat(DocumentoMetodo.verifica(rotto)).extracting(ValoriNonValidi.Errore::campo)
                .containsExactlyInAnyOrder("$.fasi", "$.pesoIndicatori");
    }
}
