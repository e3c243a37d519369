package it.comuni.peg.command.importazione.stampa;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static it.comuni.peg.command.importazione.stampa.TipoAvviso.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class LettoreStampaPegTest {

    private static final StampaPeg STAMPA = LettoreStampaPeg.leggi(StampaDiProva.contenuto());

    /** Counted by hand on the print (grep/awk) and by stampe/oracolo.py: they agree. */
    @Test
    void contaCioCheLaStampaContiene() {
        assertThat(STAMPA.obiettivi()).hasSize(41);
        assertThat(STAMPA.numeroFasi()).isEqualTo(184);
        assertThat(STAMPA.numeroAssegnazioni()).isEqualTo(271);
        assertThat(STAMPA.numeroPersone()).isEqualTo(176);
        assertThat(STAMPA.numeroSettori()).isEqualTo(7);
        assertThat(STAMPA.numeroUffici()).isEqualTo(24);
        assertThat(STAMPA.obiettivi()).allMatch(ObiettivoStampato::leggibile);
    }

    @Test
    void segnalaOgniDifettoDellaStampa() {
        Map<TipoAvviso, Long> perTipo = STAMPA.avvisi().stream()
                .collect(Collectors.groupingBy(Avviso::tipo, TreeMap::new, Collectors.counting()));
        assertThat(perTipo).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(CODICE_DIVERSO_DALL_INDICE, 3L),
                Map.entry(UFFICIO_SENZA_OBIETTIVI, 4L),
                Map.entry(RESPONSABILE_MANCANTE, 3L),
                Map.entry(OBIETTIVO_SENZA_PERSONE, 2L),
                Map.entry(FASE_SENZA_NUMERO, 6L),
                Map.entry(FASE_NUMERO_NON_VALIDO, 1L),
                Map.entry(TABELLA_SPEZZATA, 40L),
                Map.entry(CRONOPROGRAMMA_RIGHE_UNITE, 7L),
                Map.entry(CRONOPROGRAMMA_NON_CORRISPONDE, 1L),
                Map.entry(INDICATORE_NON_IMPORTATO, 3L),
                Map.entry(STAMPA_TRONCATA, 1L)));
        assertThat(STAMPA.avvisi()).filteredOn(a -> a.tipo() == CODICE_DIVERSO_DALL_INDICE)
                .extracting(Avviso::riga).containsExactly(102, 982, 1259);
        assertThat(STAMPA.avvisi()).filteredOn(a -> a.tipo() == OBIETTIVO_SENZA_PERSONE)
                .extracting(Avviso::riga).containsExactly(800, 1463);
        assertThat(STAMPA.avvisi()).filteredOn(a -> a.tipo() == UFFICIO_SENZA_OBIETTIVI)
                .extracting(Avviso::messaggio).allMatch(m -> m.contains("SGTER") || m.contains("URESID"));
    }

    /** Every objective, field by field, against the independent reading of stampe/oracolo.py. */
    @Test
    void nonPerdeNullaDellaStampa() {
        List<StampaAttesa.Obiettivo> attesi = StampaAttesa.leggi().obiettivi();
        assertThat(STAMPA.obiettivi()).hasSameSizeAs(attesi);
        for (int i = 0; i < attesi.size(); i++) {
            StampaAttesa.Obiettivo atteso = attesi.get(i);
            ObiettivoStampato letto = STAMPA.obiettivi().get(i);
            String dove = "obiettivo alla riga " + atteso.riga();
            assertThat(letto.riga()).as(dove).isEqualTo(atteso.riga());
            assertThat(letto.titolo()).as(dove).isEqualTo(atteso.titolo());
            assertThat(letto.pesoIndicatori()).as(dove).isEqualByComparingTo(atteso.pesoIndicatori());
            assertThat(letto.pesoFasi()).as(dove).isEqualByComparingTo(atteso.pesoFasi());
            assertThat(letto.dupStrategico().codice()).as(dove).isEqualTo(atteso.dupStrategico());
            assertThat(letto.dupOperativo().codice()).as(dove).isEqualTo(atteso.dupOperativo());
            assertThat(letto.persone()).as(dove)
                    .extracting(PersonaStampata::riga, PersonaStampata::nome, PersonaStampata::categoria,
                            PersonaStampata::ruolo, PersonaStampata::inizio, PersonaStampata::fine)
                    .containsExactlyElementsOf(atteso.persone().stream()
                            .map(p -> tuple(p.riga(), p.nome(), p.categoria(), p.ruolo(), p.inizio(), p.fine())).toList());
            assertThat(letto.fasi()).as(dove)
                    .extracting(FaseStampata::riga, FaseStampata::numeroStampato, FaseStampata::titolo,
                            FaseStampata::inizio, FaseStampata::fine)
                    .containsExactlyElementsOf(atteso.fasi().stream()
                            .map(f -> tuple(f.riga(), f.numero(), f.titolo(), f.inizio(), f.fine())).toList());
            letto.fasi().stream().filter(f -> f.numeroStampato() != null && f.numeroStampato() > 0)
                    .forEach(f -> assertThat(f.numero()).as(dove).isEqualTo(f.numeroStampato()));
        }
    }

    @Test
    void usaICodiciDellIndiceEIResponsabili() {
        ObiettivoStampato musica = obiettivo(104);
        assertThat(musica.settore()).isEqualTo(new Struttura("SASTER", "ASSETTO E GESTIONE DEL TERRITORIO", "GENTILI LUCA", 50));
        assertThat(musica.ufficio().codice()).isEqualTo("UEDPUBBLIC");
        assertThat(musica.ufficio().responsabile()).isNull();
        assertThat(obiettivo(984).settore().codice()).isEqualTo("SSEGEN");
        assertThat(obiettivo(984).ufficio()).isNull();
        assertThat(obiettivo(1269).settore().codice()).isEqualTo("SSERPERS");
        assertThat(obiettivo(1269).ufficio()).isEqualTo(new Struttura("UASSPERS",
                "ASSISTENZA ALLA PERSONA - SERVIZI MULTIPROFESSIONALI DI PRESA IN CARICO E SOLIDARIETA' PARTECIPATIVA",
                "MANNOCCI MARIAGIULIA", 1264));
        // the same ufficio under two settori, with the same objective printed twice
        assertThat(obiettivo(455).settore().codice()).isEqualTo("SCITSIND");
        assertThat(obiettivo(1389).settore().codice()).isEqualTo("SSERPERS");
        assertThat(obiettivo(1389).ufficio().codice()).isEqualTo("UNUOCIT");
        // a settore printed without responsabile takes it from nowhere: it stays empty
        assertThat(obiettivo(846).settore().responsabile()).isNull();
        assertThat(obiettivo(846).ufficio().responsabile()).isEqualTo("BERTOLUCCI FRANCESCA");
    }

    @Test
    void uneLaDescrizioneSpezzataETieneLHtml() {
        String descrizione = obiettivo(72).descrizione();
        assertThat(descrizione).startsWith("<p>Il procedimento della SCIA")
                .contains("con la media sul totale dei</p> procedimenti, evidenziando")
                .endsWith("durante il monitoraggio");
        // three parts, the middle one labelled "<p><b>Descrizione</b></p>"
        assertThat(obiettivo(570).descrizione()).contains("<p>amicizia tra i popoli").endsWith("N° luoghi del territorio valorizzati");
        assertThat(obiettivo(570).descrizione().split("<b>Descrizione</b>")).hasSize(1);
    }

    @Test
    void numeraLeFasiCheNonHannoUnNumeroValido() {
        assertThat(obiettivo(53).fasi()).extracting(FaseStampata::numero, FaseStampata::numeroStampato)
                .containsExactly(tuple(1, null));
        assertThat(obiettivo(1006).fasi()).extracting(FaseStampata::numero).containsExactly(1, 2, 3, 4, 5);
        // "0 - Open Suap 2022": 0 is not a phase number; it becomes the next after the printed 1..8
        assertThat(obiettivo(338).fasi()).extracting(FaseStampata::numero)
                .containsExactly(9, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(obiettivo(338).fasi().get(0).numeroStampato()).isZero();
        // a gap in the printed numbers is kept
        assertThat(obiettivo(1319).fasi()).extracting(FaseStampata::numero).containsExactly(1, 2, 4, 5, 6);
    }

    @Test
    void leggeLeMarcheDelCronoprogramma() {
        assertThat(obiettivo(653).fasi()).extracting(FaseStampata::mesiMarcati).containsExactly(
                List.of(6), List.of(7, 8), List.of(8, 9, 10, 11, 12), List.of(12), List.of(9, 10), List.of(12), List.of(12));
        assertThat(STAMPA.obiettivi().stream().filter(o -> o.riga() != 653).flatMap(o -> o.fasi().stream()))
                .allMatch(f -> f.mesiMarcati().isEmpty());
    }

    @Test
    void tieneFaseDescrizioneEIndicatori() {
        FaseStampata fase = obiettivo(614).fasi().get(0);
        assertThat(fase.descrizione()).startsWith("<p>- individuazione dei dipendenti").endsWith("Fase a carico del Dirigente e della PO.</p>");
        assertThat(fase.inizio()).isEqualTo(LocalDate.of(2023, 4, 1));
        assertThat(obiettivo(72).fasi().get(0).descrizione()).isNull();
        assertThat(obiettivo(1119).indicatori()).extracting(IndicatoreStampato::nome, IndicatoreStampato::unita)
                .containsExactly(tuple("Attivazione bacheca e voce", "S/N"), tuple("Realizzazione convegno in Provincia", "S/N"),
                        tuple("Attivazione della Rete: realizzazione almeno 3 eventi", "Num"));
    }

    // ---- malformed input ----

    @Test
    void rifiutaUnFileVuotoOBinario() {
        assertThatThrownBy(() -> LettoreStampaPeg.leggi(new byte[0]))
                .isInstanceOf(StampaNonLeggibile.class).hasMessageContaining("vuoto");
        assertThatThrownBy(() -> LettoreStampaPeg.leggi("\n\n  \n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StampaNonLeggibile.class);
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n\u0000\u0001stream".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> LettoreStampaPeg.leggi(pdf))
                .isInstanceOf(StampaNonLeggibile.class).hasMessageContaining("non è testo")
                .satisfies(e -> assertThat(((StampaNonLeggibile) e).riga()).isEqualTo(4));
        assertThatThrownBy(() -> LettoreStampaPeg.leggi("una lista della spesa\npane\tlatte\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StampaNonLeggibile.class).hasMessageContaining("Obiettivo PEG");
    }

    /** Cut inside the phase table of the objective at line 338: it is skipped whole, the others are whole. */
    @Test
    void unaStampaTroncataPerdeSoloLObiettivoIncompleto() {
        StampaPeg troncata = LettoreStampaPeg.leggi(prime(360));
        assertThat(troncata.obiettivi()).hasSize(11);
        assertThat(troncata.obiettivi().subList(0, 10)).allMatch(ObiettivoStampato::leggibile);
        ObiettivoStampato ultimo = troncata.obiettivi().get(10);
        assertThat(ultimo.riga()).isEqualTo(338);
        assertThat(ultimo.leggibile()).isFalse();
        assertThat(troncata.avvisi()).extracting(Avviso::riga, Avviso::tipo)
                .contains(tuple(338, STAMPA_TRONCATA), tuple(338, OBIETTIVO_ILLEGGIBILE));
    }

    @Test
    void unaDataImpossibileRendeIlleggibileSoloIlSuoObiettivo() {
        String testo = new String(StampaDiProva.contenuto(), StandardCharsets.UTF_8)
                .replace("proposta caricata entro il 30/09\t01/01/2023\t30/09/2023", "proposta caricata entro il 30/09\t01/01/2023\t31/02/2023");
        StampaPeg stampa = LettoreStampaPeg.leggi(testo);
        assertThat(stampa.obiettivi()).hasSize(41);
        assertThat(stampa.obiettivi()).filteredOn(o -> !o.leggibile()).extracting(ObiettivoStampato::riga).containsExactly(53);
        assertThat(stampa.avvisi()).extracting(Avviso::riga, Avviso::tipo)
                .contains(tuple(63, DATA_NON_VALIDA), tuple(53, OBIETTIVO_ILLEGGIBILE));
        assertThat(stampa.avvisi()).filteredOn(a -> a.tipo() == OBIETTIVO_ILLEGGIBILE).first()
                .extracting(Avviso::messaggio).asString().contains("riga 63").contains("31/02/2023");
    }

    @Test
    void leggeUnFileInWindows1252() {
        byte[] cp1252 = new String(StampaDiProva.contenuto(), StandardCharsets.UTF_8)
                .replace("■", "X").replace("“", "\"").replace("”", "\"").replace("’", "'").replace("◦", "-")
                .replace("•", "-").replace("–", "-").replace("…", "...")
                .getBytes(Charset.forName("windows-1252"));
        StampaPeg stampa = LettoreStampaPeg.leggi(cp1252);
        assertThat(stampa.avvisi()).extracting(Avviso::tipo).contains(CODIFICA_NON_UTF8);
        assertThat(stampa.obiettivi()).hasSize(41);
        assertThat(stampa.obiettivi().get(0).dupStrategico().titolo()).contains("SUSSIDIARIETÀ");
    }

    /** Nothing of one comune or year is in the reader: a minimal print of another ente reads the same way. */
    @Test
    void leggeLaStampaDiUnAltroEnte() {
        String altra = String.join("\n",
                "**Stampa Obiettivi PEG straordinari**", "", "Comune di Altrove", "",
                "**SAMB - AMBIENTE**", "", "Responsabile settore\tROSSI ANNA", "",
                "Obiettivo PEG\tPulizia dei fossi", "Peso indicatori\t40\tPeso fasi\t60",
                "Descrizione\t<p>Fossi puliti</p>",
                "Obiettivo strategico DUP\t2.1 - AMBIENTE", "Obiettivo operativo DUP\t2.1.03 - Fossi", "",
                "Persona\tCategoria\tRuolo\tInizio\tFine", "BIANCHI LUCA\tCategoria C\t\t01/02/2031\t30/11/2031", "",
                "Fase\tDescrizione fase\tInizio\tFine", "1 - Censimento\t\t\t", "2 - Pulizia\tcon mezzi\t01/03/2031\t31/10/2031", "",
                "Cronoprogramma\t\tGen\tFeb\tMar\tApr\tMag\tGiu\tLug\tAgo\tSet\tOtt\tNov\tDic",
                "1 - Censimento\tPrevisto\t■\t■\t\t\t\t\t\t\t\t\t\t", "\tConsuntivo\t\t\t\t\t\t\t\t\t\t\t\t",
                "2 - Pulizia\tPrevisto\t\t\t\t\t\t\t\t\t\t\t\t", "\tConsuntivo\t\t\t\t\t\t\t\t\t\t\t\t", "");
        StampaPeg stampa = LettoreStampaPeg.leggi(altra);
        ObiettivoStampato o = stampa.obiettivi().get(0);
        assertThat(o.settore()).isEqualTo(new Struttura("SAMB", "AMBIENTE", "ROSSI ANNA", 5));
        assertThat(o.pesoIndicatori()).isEqualByComparingTo(BigDecimal.valueOf(40));
        assertThat(o.persone()).extracting(PersonaStampata::ruolo).containsExactly((String) null);
        assertThat(o.fasi()).extracting(FaseStampata::numero, FaseStampata::inizio, FaseStampata::mesiMarcati)
                .containsExactly(tuple(1, null, List.of(1, 2)), tuple(2, LocalDate.of(2031, 3, 1), List.of()));
        assertThat(stampa.avvisi()).extracting(Avviso::tipo).containsExactly(FASE_SENZA_DATE);
    }

    private static ObiettivoStampato obiettivo(int riga) {
        return STAMPA.obiettivi().stream().filter(o -> o.riga() == riga).findFirst().orElseThrow();
    }

    private static byte[] prime(int righe) {
        String[] linee = new String(StampaDiProva.contenuto(), StandardCharsets.UTF_8).split("\n", -1);
        return String.join("\n", Arrays.copyOf(linee, righe)).getBytes(StandardCharsets.UTF_8);
    }
}
