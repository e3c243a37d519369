package it.comuni.peg.command.valutazione;

import it.comuni.peg.command.RifiutiInItaliano;
import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.comune.ValoriNonValidi;
import it.comuni.peg.api.smvp.DocumentoMetodo;
import it.comuni.peg.api.smvp.MetodoSmvp;
import it.comuni.peg.api.valutazione.CicloValutazioneId;
import it.comuni.peg.api.valutazione.DecidiVoceSmvp;
import it.comuni.peg.api.valutazione.ImpostaMetodoSmvp;
import it.comuni.peg.api.valutazione.MetodoSmvpImpostato;
import it.comuni.peg.api.valutazione.ValutazioneRegistrata;
import it.comuni.peg.api.valutazione.VoceSmvpDecisa;
import it.comuni.peg.command.perimetro.OrganigrammiDiProva;
import it.comuni.peg.command.perimetro.UtentiDiProva;
import it.comuni.peg.platform.axon.AxonConfig;
import it.comuni.peg.platform.sicurezza.Ruolo;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** The SMVP's versions as events of the evaluation cycle: who may record one, what is refused, what is kept. */
class MetodoSmvpCicloTest {

    static final String ENTE = "c_b648";
    static final String CICLO = CicloValutazioneId.di(ENTE, 2023);
    static final LocalDate DAL = LocalDate.of(2023, 1, 1);
    static final Motivazione PERCHE = Motivazione.di("Delibera G.C. n. 12 del 30/01/2023");

    FixtureConfiguration<CicloValutazione> fixture;

    @BeforeEach
    void fixture() {
        fixture = RifiutiInItaliano.fixture(CicloValutazione.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-01-20T10:00:00Z"), ZoneId.of("Europe/Rome")));
        fixture.registerInjectableResource(new OrganigrammiDiProva().ente(ENTE, "Comune di Capannori"));
        UtentiDiProva.copiaChiSuiEventi(fixture);
    }

    static String esempio(String nome) throws IOException {
        return Files.readString(Path.of("..", "docs", "smvp", nome));
    }

    static MetodoSmvp gzoom() throws IOException {
        return DocumentoMetodo.leggi(esempio("esempio-gzoom.yaml"), DocumentoMetodo.Formato.YAML);
    }

    @Test
    void theFirstSmvpIsVersionOneWithTheImprontaOfItsCanonicalJson() throws Exception {
        MetodoSmvp metodo = gzoom();
        String attesa = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(DocumentoMetodo.canonico(metodo).getBytes(StandardCharsets.UTF_8)));
        fixture.givenNoPriorActivity()
                .when(new ImpostaMetodoSmvp(CICLO, ENTE, 2023, DAL, metodo, PERCHE), UtentiDiProva.utente(ENTE, Ruolo.NUCLEO, null))
                .expectEvents(new MetodoSmvpImpostato(CICLO, ENTE, 2023, 1, DAL, metodo, attesa, PERCHE));
        assertThat(attesa).matches("[0-9a-f]{64}");
    }

    @Test
    void theImprontaIgnoresSpellingButNotMeaning() throws Exception {
        String yaml = esempio("esempio-gzoom.yaml");
        MetodoSmvp metodo = gzoom();
        MetodoSmvp comeJson = DocumentoMetodo.leggi(DocumentoMetodo.scrivi(metodo, DocumentoMetodo.Formato.JSON),
                DocumentoMetodo.Formato.JSON);
        MetodoSmvp conZeri = DocumentoMetodo.leggi(yaml.replace("pesoFasi: 50\n", "pesoFasi: 50.00\n"), DocumentoMetodo.Formato.YAML);
        MetodoSmvp altro = DocumentoMetodo.leggi(yaml.replace("penalitaMese: 10", "penalitaMese: 15"), DocumentoMetodo.Formato.YAML);
        assertThat(DocumentoMetodo.impronta(comeJson)).isEqualTo(DocumentoMetodo.impronta(metodo));
        assertThat(DocumentoMetodo.impronta(conZeri)).isEqualTo(DocumentoMetodo.impronta(metodo));
        assertThat(DocumentoMetodo.impronta(altro)).isNotEqualTo(DocumentoMetodo.impronta(metodo));
        assertThat(DocumentoMetodo.canonico(metodo)).startsWith("{\"aggregazioni\":").doesNotContain("\n").contains("\"pesoFasi\":50,");
    }

    @Test
    void aLaterVersionCountsOnEvenAfterAFinalEvaluation() throws Exception {
        MetodoSmvp primo = gzoom();
        MetodoSmvp secondo = DocumentoMetodo.leggi(esempio("esempio-gzoom.yaml").replace("penalitaMese: 10", "penalitaMese: 15"),
                DocumentoMetodo.Formato.YAML);
        LocalDate luglio = LocalDate.of(2023, 7, 1);
        fixture.given(new MetodoSmvpImpostato(CICLO, ENTE, 2023, 1, DAL, primo, DocumentoMetodo.impronta(primo), PERCHE),
                        new ValutazioneRegistrata(CICLO, ENTE, 2023, ObiettivoId.di("ob-1"), LocalDate.of(2023, 12, 31), null, PERCHE))
                .when(new ImpostaMetodoSmvp(CICLO, ENTE, 2023, luglio, secondo, PERCHE))
                .expectEvents(new MetodoSmvpImpostato(CICLO, ENTE, 2023, 2, luglio, secondo, DocumentoMetodo.impronta(secondo), PERCHE));
    }

    @Test
    void theSameMethodFromTheSameDayIsRefused() throws Exception {
        MetodoSmvp primo = gzoom();
        fixture.given(new MetodoSmvpImpostato(CICLO, ENTE, 2023, 1, DAL, primo, DocumentoMetodo.impronta(primo), PERCHE))
                .when(new ImpostaMetodoSmvp(CICLO, ENTE, 2023, DAL, gzoom(), PERCHE))
                .expectException(RegolaViolata.class)
                .expectExceptionMessage(containsString("già registrato"))
                .expectNoEvents();
    }

    @Test
    void theNucleoOrTheControlloDiGestioneMaySetItNotADirigente() throws Exception {
        MetodoSmvp metodo = gzoom();
        fixture.givenNoPriorActivity()
                .when(new ImpostaMetodoSmvp(CICLO, ENTE, 2023, DAL, metodo, PERCHE), UtentiDiProva.utente(ENTE, Ruolo.CONTROLLO_GESTIONE, null))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new ImpostaMetodoSmvp(CICLO, ENTE, 2023, DAL, metodo, PERCHE), UtentiDiProva.utente(ENTE, Ruolo.DIRIGENTE, "M001"))
                .expectException(AccessoNegato.class)
                .expectExceptionMessage(containsString("il metodo di valutazione è impostato dal nucleo o dal controllo di gestione"))
                .expectNoEvents();
    }

    @Test
    void aMethodWithErrorsIsRefusedWithEveryPathAndNothingApplied() throws Exception {
        String rotto = esempio("esempio-gzoom.yaml")
                .replace("ente: c_b648", "ente: c_a000")
                .replace("pesoIndicatori: 50\nvaloreMancante", "pesoIndicatori: 40\nvaloreMancante")
                .replace("      minimo: 0.7\n", "      minimo: 0.9\n");
        // read without the document's checks, as a command built in code would carry it
        MetodoSmvp metodo = YAMLMapper.builder().build().readValue(rotto, MetodoSmvp.class);
        fixture.givenNoPriorActivity()
                .when(new ImpostaMetodoSmvp(CICLO, ENTE, 2023, DAL, metodo, PERCHE), UtentiDiProva.utente(ENTE, Ruolo.NUCLEO, null))
                .expectException(ValoriNonValidi.class)
                .expectExceptionMessage(allOf(containsString("$.ente"), containsString("$.pesoIndicatori"),
                        containsString("$.indicatori[3].soglie")))
                .expectNoEvents();
    }

    @Test
    void aDocumentSentAsTextIsReadOnlyAfterTheRoleIsChecked() throws Exception {
        ImpostaMetodoSmvp.Documento rotto = new ImpostaMetodoSmvp.Documento("pesoFasi: [non, un, numero", DocumentoMetodo.Formato.YAML);
        fixture.givenNoPriorActivity()
                .when(ImpostaMetodoSmvp.daDocumento(CICLO, ENTE, 2023, DAL, rotto, PERCHE), UtentiDiProva.utente(ENTE, Ruolo.DIRIGENTE, "M001"))
                .expectException(AccessoNegato.class)
                .expectExceptionMessage(containsString("il metodo di valutazione è impostato dal nucleo o dal controllo di gestione"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(ImpostaMetodoSmvp.daDocumento(CICLO, ENTE, 2023, DAL, rotto, PERCHE), UtentiDiProva.utente(ENTE, Ruolo.NUCLEO, null))
                .expectException(ValoriNonValidi.class)
                .expectNoEvents();
        MetodoSmvp metodo = gzoom();
        fixture.givenNoPriorActivity()
                .when(ImpostaMetodoSmvp.daDocumento(CICLO, ENTE, 2023, DAL,
                        new ImpostaMetodoSmvp.Documento(esempio("esempio-gzoom.yaml"), DocumentoMetodo.Formato.YAML), PERCHE),
                        UtentiDiProva.utente(ENTE, Ruolo.NUCLEO, null))
                .expectEvents(new MetodoSmvpImpostato(CICLO, ENTE, 2023, 1, DAL, metodo, DocumentoMetodo.impronta(metodo), PERCHE));
    }

    @Test
    void theEventSurvivesTheEventStoresSerializer() throws Exception {
        MetodoSmvp metodo = DocumentoMetodo.leggi(esempio("esempio-perform.yaml"), DocumentoMetodo.Formato.YAML);
        MetodoSmvpImpostato evento = new MetodoSmvpImpostato(CICLO, ENTE, 2023, 1, DAL, metodo, DocumentoMetodo.impronta(metodo), PERCHE);
        Serializer serializer = new AxonConfig().serializer();
        SerializedObject<byte[]> scritto = serializer.serialize(evento, byte[].class);
        MetodoSmvpImpostato letto = serializer.deserialize(scritto);
        assertThat(letto).isEqualTo(evento);
        assertThat(DocumentoMetodo.impronta(letto.metodo())).isEqualTo(evento.impronta());
    }

    @Test
    void withoutTheDateOfEntryIntoForceNothingIsRecorded() throws Exception {
        fixture.givenNoPriorActivity()
                .when(new ImpostaMetodoSmvp(CICLO, ENTE, 2023, null, gzoom(), PERCHE))
                .expectException(ValoreNonValido.class)
                .expectExceptionMessage(containsString("entrata in vigore"))
                .expectNoEvents();
    }

    @Test
    void theNucleoDecidesOnAnItemAndNoOneElseMay() {
        ObiettivoId ob = ObiettivoId.di("ob-1");
        fixture.givenNoPriorActivity()
                .when(new DecidiVoceSmvp(CICLO, ENTE, 2023, ob, VoceSmvpDecisa.Voce.FASE, " 2 ", VoceSmvpDecisa.Tipo.FORZATURA,
                        new BigDecimal("90"), PERCHE), UtentiDiProva.utente(ENTE, Ruolo.NUCLEO, null))
                .expectEvents(new VoceSmvpDecisa(CICLO, ENTE, 2023, ob, VoceSmvpDecisa.Voce.FASE, "2", VoceSmvpDecisa.Tipo.FORZATURA,
                        new BigDecimal("90"), PERCHE));
        fixture.givenNoPriorActivity()
                .when(new DecidiVoceSmvp(CICLO, ENTE, 2023, ob, VoceSmvpDecisa.Voce.OBIETTIVO, null, VoceSmvpDecisa.Tipo.NON_VALUTABILE,
                        null, PERCHE), UtentiDiProva.utente(ENTE, Ruolo.CONTROLLO_GESTIONE, null))
                .expectException(AccessoNegato.class)
                .expectExceptionMessage(containsString("atti del nucleo"))
                .expectNoEvents();
    }

    @Test
    void aDecisionMissingWhatItsKindNeedsIsRefusedNamingEachField() {
        fixture.givenNoPriorActivity()
                .when(new DecidiVoceSmvp(CICLO, ENTE, 2023, ObiettivoId.di("ob-1"), VoceSmvpDecisa.Voce.INDICATORE, " ",
                        VoceSmvpDecisa.Tipo.FORZATURA, null, PERCHE))
                .expectException(ValoriNonValidi.class)
                .expectExceptionMessage(allOf(containsString("riferimento"), containsString("valore")))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new DecidiVoceSmvp(CICLO, ENTE, 2023, ObiettivoId.di("ob-1"), VoceSmvpDecisa.Voce.FASE, "prima",
                        VoceSmvpDecisa.Tipo.NON_VALUTABILE, BigDecimal.TEN, PERCHE))
                .expectException(ValoriNonValidi.class)
                .expectExceptionMessage(allOf(containsString("riferimento"), containsString("valore")))
                .expectNoEvents();
    }
}
