package it.comuni.peg.command.obiettivo;

import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.indicatore.RegistraValoreIndicatore;
import it.comuni.peg.api.indicatore.ValoreIndicatoreRegistrato;
import it.comuni.peg.platform.axon.AxonConfig;
import org.axonframework.serialization.SimpleSerializedObject;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static it.comuni.peg.command.obiettivo.Dati.*;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The kinds of an indicator's value (number, ratio, date, yes/no) and the measurement period, accepted and refused. */
class ValoriTipizzatiTest {

    private static final LocalDate RIF = LocalDate.of(2023, 6, 30);

    private FixtureConfiguration<Obiettivo> fixture;

    @BeforeEach
    void setUp() {
        fixture = Dati.fixture(OGGI);
    }

    private static RegistraValoreIndicatore valore(BigDecimal valore, BigDecimal num, BigDecimal den, LocalDate data, Boolean si,
                                                   String periodo) {
        return new RegistraValoreIndicatore(ID, "GG", valore, RIF, null, num, den, data, si, periodo);
    }

    private static Matcher<Object> campo(String campo) {
        return allOf(instanceOf(ValoreNonValido.class), new FeatureMatcher<Object, String>(equalTo(campo), "campo", "campo") {
            @Override
            protected String featureValueOf(Object actual) {
                return ((ValoreNonValido) actual).campo();
            }
        });
    }

    @Test
    void recordsARatioWithItsTermsAndTheQuotient() {
        fixture.given(definito(), indicatore("GG", 100))
                .when(valore(null, new BigDecimal("3"), new BigDecimal("4"), null, null, "2023-Q2"))
                .expectEvents(new ValoreIndicatoreRegistrato(ID, "GG", new BigDecimal("0.750000"), RIF, null,
                        new BigDecimal("3"), new BigDecimal("4"), null, null, "2023-Q2"));
    }

    @Test
    void recordsADateAndAYesNo() {
        fixture.given(definito(), indicatore("GG", 100))
                .when(valore(null, null, null, LocalDate.of(2023, 5, 15), null, "2023"))
                .expectEvents(new ValoreIndicatoreRegistrato(ID, "GG", null, RIF, null, null, null, LocalDate.of(2023, 5, 15), null, "2023"));
        fixture.given(definito(), indicatore("GG", 100))
                .when(valore(null, null, null, null, true, "2023-S1"))
                .expectEvents(new ValoreIndicatoreRegistrato(ID, "GG", BigDecimal.ONE, RIF, null, null, null, null, true, "2023-S1"));
    }

    @Test
    void refusesAZeroDenominator() {
        fixture.given(definito(), indicatore("GG", 100))
                .when(valore(null, BigDecimal.ONE, BigDecimal.ZERO, null, null, null))
                .expectException(campo("denominatore"))
                .expectNoEvents();
    }

    @Test
    void refusesHalfARatio() {
        fixture.given(definito(), indicatore("GG", 100))
                .when(valore(null, BigDecimal.ONE, null, null, null, null))
                .expectException(campo("denominatore"))
                .expectNoEvents();
    }

    @Test
    void refusesNoValueAtAll() {
        fixture.given(definito(), indicatore("GG", 100))
                .when(valore(null, null, null, null, null, null))
                .expectException(campo("valore"))
                .expectNoEvents();
    }

    @Test
    void refusesTwoKindsAtOnce() {
        fixture.given(definito(), indicatore("GG", 100))
                .when(valore(BigDecimal.ONE, null, null, LocalDate.of(2023, 5, 15), null, null))
                .expectException(campo("data"))
                .expectNoEvents();
    }

    @Test
    void aDateIndicatorRefusesAValueWithoutADate() {
        fixture.given(definito(), indicatore("GG", 100),
                        new ValoreIndicatoreRegistrato(ID, "GG", null, RIF, null, null, null, LocalDate.of(2023, 5, 15), null, null))
                .when(valore(BigDecimal.TEN, null, null, null, null, null))
                .expectException(campo("data"))
                .expectNoEvents();
    }

    @Test
    void anIndicatorWithOldNumbersRefusesARatio() {
        fixture.given(definito(), indicatore("GG", 100), new ValoreIndicatoreRegistrato(ID, "GG", BigDecimal.TEN, RIF, null))
                .when(valore(null, BigDecimal.ONE, BigDecimal.TEN, null, null, null))
                .expectException(campo("valore"))
                .expectNoEvents();
    }

    @Test
    void refusesAnUnreadablePeriod() {
        fixture.given(definito(), indicatore("GG", 100))
                .when(valore(BigDecimal.ONE, null, null, null, null, "2023-Q5"))
                .expectException(campo("periodo"))
                .expectNoEvents();
        fixture.given(definito(), indicatore("GG", 100))
                .when(valore(BigDecimal.ONE, null, null, null, null, "giugno"))
                .expectException(campo("periodo"))
                .expectNoEvents();
    }

    @Test
    void anEventStoredBeforeTypedValuesReadsBackAsANumber() {
        String json = "{\"obiettivoId\":\"" + ID.valore() + "\",\"codice\":\"GG\",\"valore\":26.5,"
                + "\"dataRiferimento\":\"2023-06-30\",\"note\":null}";
        ValoreIndicatoreRegistrato e = new AxonConfig().serializer().deserialize(
                new SimpleSerializedObject<>(json, String.class, ValoreIndicatoreRegistrato.class.getName(), null));
        assertEquals(new ValoreIndicatoreRegistrato(ID, "GG", new BigDecimal("26.5"), RIF, null), e);
        assertNull(e.periodo());
        assertEquals(ValoreDiIndicatore.tipo(e), it.comuni.peg.api.smvp.TipoIndicatore.NUMERO);
    }
}
