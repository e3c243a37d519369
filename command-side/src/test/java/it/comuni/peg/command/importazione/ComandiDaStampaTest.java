package it.comuni.peg.command.importazione;

import it.comuni.peg.command.RifiutiInItaliano;
import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.fase.PianificaFase;
import it.comuni.peg.api.obiettivo.DefinisciObiettivo;
import it.comuni.peg.api.persona.AssegnaPersona;
import it.comuni.peg.command.importazione.stampa.Avviso;
import it.comuni.peg.command.importazione.stampa.LettoreStampaPeg;
import it.comuni.peg.command.importazione.stampa.ObiettivoStampato;
import it.comuni.peg.command.importazione.stampa.StampaDiProva;
import it.comuni.peg.command.importazione.stampa.StampaPeg;
import it.comuni.peg.command.importazione.stampa.TipoAvviso;
import it.comuni.peg.command.obiettivo.Obiettivo;
import it.comuni.peg.command.perimetro.OrganigrammiDiProva;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ComandiDaStampaTest {

    private static final String ENTE = "Comune di Prova";
    private static final String CODICE_ENTE = "c_prova";
    private static final StampaPeg STAMPA = LettoreStampaPeg.leggi(StampaDiProva.contenuto());

    @Test
    void preparaTuttiGliObiettiviDellaStampa() {
        List<Preparazione> preparazioni = prepara(ENTE, 2023);
        List<PianoObiettivo> piani = piani(preparazioni);
        assertThat(piani).hasSize(41);
        List<Object> comandi = piani.stream().flatMap(p -> p.comandi().stream()).toList();
        assertThat(comandi).filteredOn(DefinisciObiettivo.class::isInstance).hasSize(41);
        assertThat(comandi).filteredOn(PianificaFase.class::isInstance).hasSize(184);
        // 271 rows, one person printed twice with two roles for the same period: one assignment
        assertThat(comandi).filteredOn(AssegnaPersona.class::isInstance).hasSize(270);
        assertThat(preparazioni.stream().flatMap(p -> p.avvisi().stream()))
                .extracting(Avviso::riga, Avviso::tipo).containsExactly(tuple(1170, TipoAvviso.PERSONA_RIPETUTA));
        assertThat(piani.stream().map(PianoObiettivo::id).distinct()).hasSize(41);
    }

    @Test
    void uniscePersonaRipetutaEPortaNumeriEMarche() {
        PianoObiettivo digitale = piano(prepara(ENTE, 2023), 1155);
        assertThat(digitale.comandi()).filteredOn(AssegnaPersona.class::isInstance).map(AssegnaPersona.class::cast)
                .filteredOn(a -> a.nome().equals("PIERACCINI ALESSIA"))
                .extracting(AssegnaPersona::ruolo).containsExactly("Specialista Informatico / Esperto GIS per il SIT");
        PianoObiettivo demografici = piano(prepara(ENTE, 2023), 653);
        assertThat(fasi(demografici)).extracting(PianificaFase::mesiPrevisti).first()
                .isEqualTo(List.of(YearMonth.of(2023, 6)));
        assertThat(fasi(piano(prepara(ENTE, 2023), 338))).extracting(PianificaFase::numero, PianificaFase::titolo).first()
                .isEqualTo(tuple(9, "Open Suap 2022"));
        assertThat(fasi(piano(prepara(ENTE, 2023), 72))).allMatch(f -> f.mesiPrevisti() == null);
    }

    @Test
    void gliIdDipendonoDaEnteAnnoEObiettivoNonDallaPosizione() {
        List<PianoObiettivo> a = piani(prepara(ENTE, 2023));
        assertThat(piani(prepara("  Comune   di prova ", 2023))).extracting(PianoObiettivo::id)
                .containsExactlyElementsOf(a.stream().map(PianoObiettivo::id).toList());
        assertThat(piani(prepara("Comune di Altrove", 2023)).get(0).id()).isNotEqualTo(a.get(0).id());
        // the same title under two settori: two objectives
        assertThat(piano(prepara(ENTE, 2023), 455).id()).isNotEqualTo(piano(prepara(ENTE, 2023), 1389).id());
    }

    /** The wrong year: phases of 2023 do not touch 2025, the aggregate would refuse them: refused whole, with the line. */
    @Test
    void rifiutaInteroUnObiettivoCheLAggregatoRifiuterebbe() {
        List<Preparazione> preparazioni = prepara(ENTE, 2025);
        assertThat(piani(preparazioni)).isEmpty();
        Avviso primo = preparazioni.get(0).avvisi().get(0);
        assertThat(primo.tipo()).isEqualTo(TipoAvviso.OBIETTIVO_ILLEGGIBILE);
        assertThat(primo.riga()).isEqualTo(53);
        assertThat(primo.messaggio()).contains("riga 63").contains("non tocca l'anno 2025");
    }

    /** A title beyond its limit: the command refuses it when built, the objective is refused whole, with the line. */
    @Test
    void rifiutaInteroUnObiettivoConUnTestoOltreIlLimite() {
        String lungo = "Diminuzione tempi di verifica delle SCIA " + "x".repeat(Limite.TITOLO.massimo());
        String testo = new String(StampaDiProva.contenuto(), StandardCharsets.UTF_8)
                .replace("<b>Diminuzione tempi di verifica delle SCIA</b>", "<b>" + lungo + "</b>");
        ComandiDaStampa comandi = new ComandiDaStampa(ENTE, 2023);
        List<Preparazione> preparazioni = new ArrayList<>();
        Map<String, Integer> occorrenze = new HashMap<>();
        for (ObiettivoStampato o : LettoreStampaPeg.leggi(testo).obiettivi()) {
            preparazioni.add(comandi.prepara(o, occorrenze.merge(ComandiDaStampa.chiave(o), 1, Integer::sum)));
        }
        assertThat(piani(preparazioni)).hasSize(40);
        assertThat(preparazioni.stream().flatMap(p -> p.avvisi().stream()))
                .filteredOn(a -> a.tipo() == TipoAvviso.OBIETTIVO_ILLEGGIBILE).singleElement()
                .satisfies(a -> assertThat(a.messaggio()).contains("Testo troppo lungo: al massimo 500 caratteri"));
    }

    /**
     * The real aggregate takes every command of every objective of the print, in order, in an ente whose
     * organigramma is what the import builds from the print: every person assigned by identificativo.
     */
    @Test
    void lAggregatoAccettaOgniComandoPreparato() {
        OrganigrammiDiProva organigramma = new OrganigrammiDiProva().ente(CODICE_ENTE);
        PianoOrganigramma pianoOrganigramma = PianoOrganigrammaTest.pianifica(STAMPA, organigramma);
        PianoOrganigrammaTest.applica(pianoOrganigramma, organigramma);
        List<PianoObiettivo> piani = piani(prepara(CODICE_ENTE, 2023)).stream()
                .map(p -> p.conPersone(pianoOrganigramma::identificativo)).toList();
        assertThat(piani.stream().flatMap(p -> p.comandi().stream()).filter(AssegnaPersona.class::isInstance)
                .map(AssegnaPersona.class::cast)).hasSize(270).allMatch(a -> a.persona() != null
                        && a.persona().equals(it.comuni.peg.api.organigramma.Codici.identificativoProvvisorio(a.nome())));
        for (PianoObiettivo piano : piani) {
            List<Object> comandi = piano.comandi();
            AggregateTestFixture<Obiettivo> fixture = RifiutiInItaliano.fixture(Obiettivo.class);
            fixture.registerInjectableResource(organigramma);
            fixture.registerInjectableResource(Clock.fixed(Instant.parse("2023-12-31T10:00:00Z"), ZoneId.of("Europe/Rome")));
            // Fase, the aggregate's member, has no equals: the fixture would mistake it for a state change
            fixture.setReportIllegalStateChange(false);
            if (comandi.size() == 1) {
                fixture.givenNoPriorActivity().when(comandi.get(0)).expectSuccessfulHandlerExecution();
            } else {
                fixture.givenCommands(comandi.subList(0, comandi.size() - 1))
                        .when(comandi.get(comandi.size() - 1)).expectSuccessfulHandlerExecution();
            }
        }
    }

    private static List<Preparazione> prepara(String ente, int anno) {
        return prepara(STAMPA, ente, anno);
    }

    static List<Preparazione> prepara(StampaPeg stampa, String ente, int anno) {
        ComandiDaStampa comandi = new ComandiDaStampa(ente, anno);
        Map<String, Integer> occorrenze = new HashMap<>();
        List<Preparazione> preparazioni = new ArrayList<>();
        for (ObiettivoStampato o : stampa.obiettivi()) {
            preparazioni.add(comandi.prepara(o, occorrenze.merge(ComandiDaStampa.chiave(o), 1, Integer::sum)));
        }
        return preparazioni;
    }

    static List<PianoObiettivo> piani(List<Preparazione> preparazioni) {
        return preparazioni.stream().flatMap(p -> p.piano().stream()).toList();
    }

    private static PianoObiettivo piano(List<Preparazione> preparazioni, int riga) {
        return piani(preparazioni).stream().filter(p -> p.riga() == riga).findFirst().orElseThrow();
    }

    private static List<PianificaFase> fasi(PianoObiettivo piano) {
        return piano.comandi().stream().filter(PianificaFase.class::isInstance).map(PianificaFase.class::cast).toList();
    }
}
