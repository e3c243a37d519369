package it.comuni.peg.command.importazione;

import it.comuni.peg.api.organigramma.ConferisciIncarico;
import it.comuni.peg.api.organigramma.IstituisciStruttura;
import it.comuni.peg.api.organigramma.RegistraPersona;
import it.comuni.peg.api.organigramma.TipoIncarico;
import it.comuni.peg.api.organigramma.TipoStruttura;
import it.comuni.peg.command.importazione.stampa.Avviso;
import it.comuni.peg.command.importazione.stampa.LettoreStampaPeg;
import it.comuni.peg.command.importazione.stampa.StampaDiProva;
import it.comuni.peg.command.importazione.stampa.StampaPeg;
import it.comuni.peg.command.importazione.stampa.TipoAvviso;
import it.comuni.peg.command.perimetro.OrganigrammiDiProva;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the import of the real print adds to an ente's organigramma, planned against organigrammi held
 * in memory: from nothing, again after it (nothing), over an organigramma that already has some of it.
 */
class PianoOrganigrammaTest {

    private static final String ENTE = "c_prova";
    private static final LocalDate PRIMO_GENNAIO = LocalDate.of(2023, 1, 1);
    private static final StampaPeg STAMPA = LettoreStampaPeg.leggi(StampaDiProva.contenuto());

    @Test
    void inUnOrganigrammaVuotoIstituisceRegistraEConferisceCiòCheLaStampaMostra() {
        PianoOrganigramma piano = pianifica(STAMPA, new OrganigrammiDiProva().ente(ENTE));

        List<IstituisciStruttura> strutture = comandi(piano, IstituisciStruttura.class);
        assertThat(strutture).hasSize(31).allMatch(s -> s.dal().equals(PRIMO_GENNAIO) && s.al() == null);
        assertThat(strutture).filteredOn(s -> s.tipo() == TipoStruttura.SETTORE).extracting(IstituisciStruttura::codice)
                .containsExactly("SASTER", "SCITSIND", "SGTER", "SPOLMUN", "SRISORSE", "SSEGEN", "SSERPERS");
        // every settore before the uffici; an ufficio under the settore the index lists it under first
        assertThat(strutture.subList(0, 7)).allMatch(s -> s.tipo() == TipoStruttura.SETTORE);
        assertThat(strutture).filteredOn(s -> s.codice().equals("UEDPUBBLIC") || s.codice().equals("UNUOCIT"))
                .extracting(IstituisciStruttura::codice, IstituisciStruttura::settore)
                .containsExactly(tuple("UEDPUBBLIC", "SASTER"), tuple("UNUOCIT", "SCITSIND"));

        // 176 people in the staff tables and one responsabile who is in none
        List<RegistraPersona> persone = comandi(piano, RegistraPersona.class);
        assertThat(persone).hasSize(177).contains(new RegistraPersona(ENTE, "GENTILILUCA", "GENTILI LUCA"),
                new RegistraPersona(ENTE, "DOLIVODANIA", "D'OLIVO DANIA"));
        assertThat(piano.identificativo("Gentili  Luca")).contains("GENTILILUCA");

        List<ConferisciIncarico> incarichi = comandi(piano, ConferisciIncarico.class);
        assertThat(incarichi).hasSize(28).allMatch(i -> i.tipo() == TipoIncarico.TITOLARE && i.dal().equals(PRIMO_GENNAIO)
                && i.al() == null && i.atto().equals("Stampa PEG 2023 (da confermare)"));
        assertThat(incarichi).filteredOn(i -> i.struttura().equals("SASTER")).singleElement()
                .satisfies(i -> assertThat(i.persona()).isEqualTo("GENTILILUCA"));
        assertThat(incarichi).filteredOn(i -> i.struttura().equals("USEGRGEN")).singleElement()
                .satisfies(i -> assertThat(i.persona()).isEqualTo("CIANCAGLINIMARCO"));
        assertThat(piano.passi()).filteredOn(p -> p.comando() instanceof ConferisciIncarico).allMatch(p ->
                p.avviso() != null && p.avviso().tipo() == TipoAvviso.INCARICO_DALLA_STAMPA);

        assertThat(piano.avvisi()).extracting(Avviso::tipo, Avviso::riga).containsExactlyInAnyOrder(
                tuple(TipoAvviso.STRUTTURA_VACANTE, 842), tuple(TipoAvviso.STRUTTURA_VACANTE, 102),
                tuple(TipoAvviso.STRUTTURA_VACANTE, 270));
        assertThat(piano.avvisi()).filteredOn(a -> a.riga() == 842).singleElement().satisfies(a -> assertThat(a.messaggio())
                .isEqualTo("La stampa non indica il responsabile del settore SRISORSE e l'organigramma non ne ha uno il 01/01/2023: resta vacante"));

        List<Avviso> riepilogo = piano.riepilogo(piano.passi());
        assertThat(riepilogo).extracting(Avviso::tipo).containsExactly(TipoAvviso.STRUTTURE_ISTITUITE, TipoAvviso.IDENTIFICATIVI_PROVVISORI);
        assertThat(riepilogo.get(0).messaggio()).contains("valide dal 01/01/2023").contains("settori SASTER, SCITSIND")
                .contains("UCANTONIER (settore SGTER)");
        assertThat(riepilogo.get(1).messaggio()).startsWith("177 persone registrate").contains("GENTILI LUCA = GENTILILUCA");
    }

    @Test
    void unaSecondaVoltaNonAggiungeNulla() {
        OrganigrammiDiProva organigramma = new OrganigrammiDiProva().ente(ENTE);
        applica(pianifica(STAMPA, organigramma), organigramma);
        PianoOrganigramma ancora = pianifica(STAMPA, organigramma);
        assertThat(ancora.passi()).isEmpty();
        assertThat(ancora.avvisi()).extracting(Avviso::tipo).containsOnly(TipoAvviso.STRUTTURA_VACANTE).hasSize(3);
        assertThat(ancora.identificativo("DEL FRATE GIOVANNI")).contains("DELFRATEGIOVANNI");
    }

    /**
     * An organigramma that has SASTER with GENTILI LUCA as M001, SSEGEN held by someone else, and a
     * handover on UEDPRI from 1 July: reused, left alone and reported, the printed one up to the day before.
     */
    @Test
    void riusaCiòCheLOrganigrammaHaGiàESegnalaCiòCheLoContraddice() {
        LocalDate dal2000 = LocalDate.of(2000, 1, 1);
        OrganigrammiDiProva organigramma = new OrganigrammiDiProva().ente(ENTE)
                .settore(ENTE, "SASTER", "ASSETTO E GESTIONE DEL TERRITORIO").ufficio(ENTE, "UEDPRI", "EDILIZIA PRIVATA", "SASTER")
                .settore(ENTE, "SSEGEN", "SEGRETERIA GENERALE")
                .persona(ENTE, "M001", "GENTILI LUCA").persona(ENTE, "M002", "BIANCHI ANNA").persona(ENTE, "M010", "DOLIVO DANIA")
                .persona(ENTE, "M011", "ROSSI MARIO")
                .incarico(ENTE, "SASTER", "M001", dal2000, null).incarico(ENTE, "SSEGEN", "M002", dal2000, null)
                .incarico(ENTE, "UEDPRI", "M011", LocalDate.of(2023, 7, 1), null);
        PianoOrganigramma piano = pianifica(STAMPA, organigramma);

        assertThat(comandi(piano, IstituisciStruttura.class)).hasSize(28).extracting(IstituisciStruttura::codice)
                .doesNotContain("SASTER", "UEDPRI", "SSEGEN");
        assertThat(comandi(piano, RegistraPersona.class)).hasSize(175).extracting(RegistraPersona::identificativo)
                .doesNotContain("GENTILILUCA", "DOLIVODANIA");
        assertThat(piano.identificativo("GENTILI LUCA")).contains("M001");
        assertThat(piano.identificativo("D'OLIVO DANIA")).contains("M010");

        List<ConferisciIncarico> incarichi = comandi(piano, ConferisciIncarico.class);
        assertThat(incarichi).extracting(ConferisciIncarico::struttura).doesNotContain("SASTER", "SSEGEN");
        assertThat(incarichi).filteredOn(i -> i.struttura().equals("UEDPRI")).singleElement().satisfies(i -> {
            assertThat(i.persona()).isEqualTo("DELFRATEGIOVANNI");
            assertThat(i.dal()).isEqualTo(PRIMO_GENNAIO);
            assertThat(i.al()).isEqualTo(LocalDate.of(2023, 6, 30));
        });
        assertThat(piano.avvisi()).filteredOn(a -> a.tipo() == TipoAvviso.INCARICO_NON_REGISTRATO).singleElement()
                .satisfies(a -> assertThat(a.messaggio()).isEqualTo("La stampa indica CIANCAGLINI MARCO come responsabile del settore"
                        + " SSEGEN, ma il 01/01/2023 l'incarico è di BIANCHI ANNA (M002) nell'organigramma: resta com'è"));
        assertThat(piano.avvisi()).filteredOn(a -> a.tipo() == TipoAvviso.NOME_IN_DUE_GRAFIE).singleElement()
                .satisfies(a -> assertThat(a.messaggio()).isEqualTo("\"D'OLIVO DANIA\" (riga 1428) è scritto diversamente ma è"
                        + " la persona DOLIVO DANIA (M010) dell'organigramma: una sola persona"));
    }

    /** Two spellings of one name in the same print: one persona, under the first spelling, reported. */
    @Test
    void unNomeScrittoInDueModiÈUnaSolaPersona() {
        String testo = new String(StampaDiProva.contenuto(), StandardCharsets.UTF_8);
        int ultima = testo.lastIndexOf("TOSCHI IRENE");
        String variata = testo.substring(0, ultima) + "Toschi  Irène" + testo.substring(ultima + "TOSCHI IRENE".length());
        StampaPeg stampa = LettoreStampaPeg.leggi(variata);
        PianoOrganigramma piano = pianifica(stampa, new OrganigrammiDiProva().ente(ENTE));
        assertThat(comandi(piano, RegistraPersona.class)).hasSize(177)
                .filteredOn(r -> r.identificativo().equals("TOSCHIIRENE")).singleElement()
                .satisfies(r -> assertThat(r.nome()).isEqualTo("TOSCHI IRENE"));
        assertThat(piano.avvisi()).filteredOn(a -> a.tipo() == TipoAvviso.NOME_IN_DUE_GRAFIE).singleElement()
                .satisfies(a -> assertThat(a.messaggio()).startsWith("\"TOSCHI IRENE\" (riga ")
                        .contains(" e \"TOSCHI IRÈNE\" (riga ").endsWith("sono scritti diversamente ma sono la persona"
                                + " TOSCHI IRENE: una sola persona"));
        assertThat(piano.identificativo("TOSCHI IRÈNE")).contains("TOSCHIIRENE");
    }

    static PianoOrganigramma pianifica(StampaPeg stampa, OrganigrammiDiProva organigramma) {
        List<PianoObiettivo> piani = ComandiDaStampaTest.piani(ComandiDaStampaTest.prepara(stampa, ENTE, 2023));
        return PianoOrganigramma.di(OrganigrammaVisto.dallaStampa(stampa, piani), organigramma, ENTE, 2023,
                PianoOrganigramma.Fonte.stampa(2023));
    }

    /** What the organigramma would hold once every command of the plan has passed. */
    static void applica(PianoOrganigramma piano, OrganigrammiDiProva organigramma) {
        for (PianoOrganigramma.Passo passo : piano.passi()) {
            if (passo.comando() instanceof IstituisciStruttura s) {
                if (s.tipo() == TipoStruttura.SETTORE) {
                    organigramma.settore(s.ente(), s.codice(), s.nome());
                } else {
                    organigramma.ufficio(s.ente(), s.codice(), s.nome(), s.settore());
                }
            } else if (passo.comando() instanceof RegistraPersona p) {
                organigramma.persona(p.ente(), p.identificativo(), p.nome());
            } else if (passo.comando() instanceof ConferisciIncarico i) {
                organigramma.incarico(i.ente(), i.struttura(), i.persona(), i.dal(), i.al());
            }
        }
    }

    private static <T> List<T> comandi(PianoOrganigramma piano, Class<T> tipo) {
        return piano.passi().stream().map(PianoOrganigramma.Passo::comando).filter(tipo::isInstance).map(tipo::cast).toList();
    }
}
