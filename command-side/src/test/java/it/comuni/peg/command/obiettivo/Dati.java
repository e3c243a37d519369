package it.comuni.peg.command.obiettivo;

import it.comuni.peg.command.RifiutiInItaliano;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.api.consuntivo.RegistraConsuntivo;
import it.comuni.peg.api.fase.FaseCompletata;
import it.comuni.peg.api.fase.FasePianificata;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.indicatore.IndicatoreDefinito;
import it.comuni.peg.api.obiettivo.DefinisciObiettivo;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.persona.PersonaAssegnata;

import it.comuni.peg.command.perimetro.OrganigrammiDiProva;
import it.comuni.peg.command.perimetro.UtentiDiProva;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The facts the fixtures start from: an objective of 2023 of the ente {@code c_prova} ("Comune di
 * Prova" before it had a code), settore SASTER, ufficio UEDPRI, with one phase, seen on 15 July 2023.
 * The ente's organigramma: SASTER led by GENTILI LUCA (M001) until 30 June 2023 and by VERDI PAOLA
 * (M004) from 1 July; UEDPRI by DEL FRATE GIOVANNI (M003); SAFIN, another settore, by BIANCHI ANNA (M002).
 */
final class Dati {

    static final ObiettivoId ID = ObiettivoId.di("obiettivo-1");
    static final String ENTE = "c_prova";
    static final String ALTRO_ENTE = "c_altro";
    static final String GENTILI = "M001";
    static final String BIANCHI = "M002";
    static final String DEL_FRATE = "M003";
    static final String VERDI = "M004";
    static final String ROSSI = "M010";
    static final LocalDate PASSAGGIO = LocalDate.of(2023, 7, 1);
    static final Clock OGGI = il(LocalDate.of(2023, 7, 15));
    static final Settore SETTORE = new Settore("SASTER", "ASSETTO E GESTIONE DEL TERRITORIO", "GENTILI LUCA");
    static final Ufficio UFFICIO = new Ufficio("UEDPRI", "EDILIZIA PRIVATA E QUALITA' URBANA", "DEL FRATE GIOVANNI");
    static final RiferimentoDup DUP_STRATEGICO = new RiferimentoDup("1.2", "LA RIGENERAZIONE URBANA");
    static final RiferimentoDup DUP_OPERATIVO = new RiferimentoDup("1.2.08", "Edilizia privata e qualità urbana");

    private Dati() {
    }

    /** The clock of a day, at 10:00 in Rome. */
    static Clock il(LocalDate giorno) {
        return Clock.fixed(giorno.atTime(10, 0).atZone(ZoneId.of("Europe/Rome")).toInstant(), ZoneId.of("Europe/Rome"));
    }

    static OrganigrammiDiProva organigramma() {
        return new OrganigrammiDiProva()
                .ente(ENTE, "Comune di Prova")
                .ente(ALTRO_ENTE)
                .settore(ENTE, "SASTER", "ASSETTO E GESTIONE DEL TERRITORIO")
                .ufficio(ENTE, "UEDPRI", "EDILIZIA PRIVATA E QUALITA' URBANA", "SASTER")
                .settore(ENTE, "SAFIN", "SERVIZI FINANZIARI")
                .ufficio(ENTE, "UTRIB", "TRIBUTI", "SAFIN")
                .persona(ENTE, GENTILI, "GENTILI LUCA")
                .persona(ENTE, BIANCHI, "BIANCHI ANNA")
                .persona(ENTE, DEL_FRATE, "DEL FRATE GIOVANNI")
                .persona(ENTE, VERDI, "VERDI PAOLA")
                .persona(ENTE, ROSSI, "Rossi Mario")
                .incarico(ENTE, "SASTER", GENTILI, LocalDate.of(2020, 1, 1), PASSAGGIO.minusDays(1))
                .incarico(ENTE, "SASTER", VERDI, PASSAGGIO, null)
                .incarico(ENTE, "UEDPRI", DEL_FRATE, LocalDate.of(2020, 1, 1), null)
                .incarico(ENTE, "SAFIN", BIANCHI, LocalDate.of(2020, 1, 1), null);
    }

    /** A fixture of the objective on the day of the clock, with the organigramma above. */
    static FixtureConfiguration<Obiettivo> fixture(Clock clock) {
        FixtureConfiguration<Obiettivo> fixture = RifiutiInItaliano.fixture(Obiettivo.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(organigramma());
        UtentiDiProva.copiaChiSuiEventi(fixture);
        return fixture;
    }

    static DefinisciObiettivo definisci() {
        return definisci(Peso.di(50), Peso.di(50));
    }

    static DefinisciObiettivo definisci(Peso pesoIndicatori, Peso pesoFasi) {
        return new DefinisciObiettivo(ID, ENTE, 2023, "Diminuzione tempi di verifica delle SCIA",
                "<p>Ridurre i tempi</p>", SETTORE, UFFICIO, pesoIndicatori, pesoFasi, DUP_STRATEGICO, DUP_OPERATIVO);
    }

    static ObiettivoDefinito definito() {
        return definito(ENTE);
    }

    /** The objective as recorded in the ente named so: the code, or the name events had before codes. */
    static ObiettivoDefinito definito(String ente) {
        return new ObiettivoDefinito(ID, ente, 2023, "Diminuzione tempi di verifica delle SCIA",
                "<p>Ridurre i tempi</p>", SETTORE, UFFICIO, Peso.di(50), Peso.di(50), DUP_STRATEGICO, DUP_OPERATIVO);
    }

    static FasePianificata fase1Pianificata() {
        return new FasePianificata(ID, 1, "Indagine tempi medi", null, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30),
                mesi("2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"), false);
    }

    static ConsuntivoRegistrato consuntivoRegistrato(String mese, int percentuale) {
        return new ConsuntivoRegistrato(ID, 1, YearMonth.parse(mese), true, Percentuale.di(percentuale), null, null);
    }

    static RegistraConsuntivo consuntivo(String mese, int percentuale) {
        return new RegistraConsuntivo(ID, 1, YearMonth.parse(mese), true, Percentuale.di(percentuale), "nota", null);
    }

    static FaseCompletata fase1Completata() {
        return new FaseCompletata(ID, 1, LocalDate.of(2023, 6, 20), "Determinazione n. 12 del 20/06/2023");
    }

    static PersonaAssegnata rossiAssegnato() {
        return new PersonaAssegnata(ID, "ROSSI MARIO", "Categoria C", "Esperto Tecnico", LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 12, 31));
    }

    static IndicatoreDefinito indicatore(String codice, int peso) {
        return new IndicatoreDefinito(ID, codice, "Media giorni di istruttoria", "giorni", BigDecimal.valueOf(28),
                Direzione.DECRESCENTE, Peso.di(peso));
    }

    static Motivazione motivazione() {
        return Motivazione.di("Ritardo nella consegna dei dati da parte della Regione");
    }

    static List<YearMonth> mesi(String... mesi) {
        return java.util.Arrays.stream(mesi).map(YearMonth::parse).toList();
    }
}
