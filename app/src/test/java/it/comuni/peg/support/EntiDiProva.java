package it.comuni.peg.support;

import it.comuni.peg.api.organigramma.ConferisciIncarico;
import it.comuni.peg.api.organigramma.IstituisciStruttura;
import it.comuni.peg.api.organigramma.RegistraEnte;
import it.comuni.peg.api.organigramma.RegistraPersona;
import it.comuni.peg.api.organigramma.TipoIncarico;
import it.comuni.peg.api.organigramma.TipoStruttura;
import it.comuni.peg.command.organigramma.Organigrammi;
import it.comuni.peg.platform.sicurezza.AccessiUtenti;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * The enti of the tests, each with the same small organigramma and the test users' accessi, prepared
 * through the real commands (as the system, like the import from the command line) and the real table:
 * <ul>
 *   <li>settore {@code SASTER}, responsabile {@code M001} GENTILI LUCA (the user {@code dirigente});</li>
 *   <li>its ufficio {@code UEDPRI}, responsabile {@code M003} DEL FRATE GIOVANNI ({@code responsabile});</li>
 *   <li>settore {@code SSEGEN}, responsabile {@code M002} BIANCHI ANNA ({@code dirigente2});</li>
 *   <li>{@code controllo} the controllo di gestione, {@code nucleo} the nucleo di valutazione.</li>
 * </ul>
 * Every incarico runs from 01/01/2000 with no end. {@link #prepara} is idempotent: test classes
 * share one database per fork.
 */
@Component
public class EntiDiProva {

    /** The ente most tests use. */
    public static final String PROVA = "c_prova";
    public static final LocalDate DAL = LocalDate.of(2000, 1, 1);
    /** The standard test users of an ente. */
    private static final String[] UTENTI = {"controllo", "dirigente", "dirigente2", "responsabile", "nucleo"};

    private final CommandGateway comandi;
    private final Organigrammi organigrammi;
    private final AccessiUtenti accessi;

    public EntiDiProva(CommandGateway comandi, Organigrammi organigrammi, AccessiUtenti accessi) {
        this.comandi = comandi;
        this.organigrammi = organigrammi;
        this.accessi = accessi;
    }

    /** {@link #prepara(String, String...)} with the standard users. */
    public String prepara(String ente) {
        return prepara(ente, UTENTI);
    }

    /**
     * Registers the ente (if it is not yet) with the organigramma above, and grants the named standard
     * users their accessi there.
     *
     * @return the ente's code
     */
    public String prepara(String ente, String... utenti) {
        return predisponi(ente, nomeDiProva(ente), true, utenti);
    }

    /**
     * {@link #prepara(String)} registering the ente, when it is not yet, under the given official name.
     *
     * @return the ente's code
     */
    public String preparaConNome(String ente, String nome) {
        return predisponi(ente, nome, true, UTENTI);
    }

    /**
     * Registers the ente (if it is not yet) with an empty organigramma, and grants the named standard
     * users their accessi there: an ente whose organigramma an import builds.
     *
     * @return the ente's code
     */
    public String registra(String ente, String... utenti) {
        return predisponi(ente, nomeDiProva(ente), false, utenti);
    }

    /**
     * The steps every way of preparing an ente shares: the ente registered under {@code nome} when it
     * is not yet (then, with {@code organigramma}, given the standard one), the users' accessi granted.
     */
    private String predisponi(String ente, String nome, boolean organigramma, String[] utenti) {
        if (organigrammi.codiceEnte(ente).isEmpty()) {
            comandi.sendAndWait(new RegistraEnte(ente, nome, null, List.of()));
            if (organigramma) {
                organigrammaStandard(ente);
            }
        }
        for (String utente : utenti) {
            accessi.concedi(utente, accesso(ente, utente), "test");
        }
        return ente;
    }

    private static String nomeDiProva(String ente) {
        return "Comune di prova " + ente;
    }

    /** The settori, ufficio, persone and incarichi listed above, in a newly registered ente. */
    private void organigrammaStandard(String ente) {
        comandi.sendAndWait(new IstituisciStruttura(ente, "SASTER", "ASSETTO E GESTIONE DEL TERRITORIO", TipoStruttura.SETTORE, null, DAL, null));
        comandi.sendAndWait(new IstituisciStruttura(ente, "UEDPRI", "EDILIZIA PRIVATA", TipoStruttura.UFFICIO, "SASTER", DAL, null));
        comandi.sendAndWait(new IstituisciStruttura(ente, "SSEGEN", "SEGRETERIA GENERALE", TipoStruttura.SETTORE, null, DAL, null));
        comandi.sendAndWait(new RegistraPersona(ente, "M001", "GENTILI LUCA"));
        comandi.sendAndWait(new RegistraPersona(ente, "M002", "BIANCHI ANNA"));
        comandi.sendAndWait(new RegistraPersona(ente, "M003", "DEL FRATE GIOVANNI"));
        conferisci(ente, "SASTER", "M001");
        conferisci(ente, "UEDPRI", "M003");
        conferisci(ente, "SSEGEN", "M002");
    }

    /** The standing of a standard test user in an ente. */
    public static Accesso accesso(String ente, String utente) {
        return switch (utente.startsWith("altro.") ? utente.substring("altro.".length()) : utente) {
            case "controllo" -> new Accesso(ente, Ruolo.CONTROLLO_GESTIONE, null);
            case "dirigente" -> new Accesso(ente, Ruolo.DIRIGENTE, "M001");
            case "dirigente2" -> new Accesso(ente, Ruolo.DIRIGENTE, "M002");
            case "responsabile" -> new Accesso(ente, Ruolo.RESPONSABILE_UFFICIO, "M003");
            case "nucleo" -> new Accesso(ente, Ruolo.NUCLEO, null);
            default -> throw new IllegalArgumentException("Utente di prova sconosciuto: " + utente);
        };
    }

    /** A new settore of the ente, valid from {@link #DAL}; returns its code. */
    public String istituisciSettore(String ente, String codice) {
        comandi.sendAndWait(new IstituisciStruttura(ente, codice, "SETTORE " + codice, TipoStruttura.SETTORE, null, DAL, null));
        return codice;
    }

    /**
     * A settore ({@code settore} null) or an ufficio of {@code settore}, valid from {@link #DAL}, unless the
     * ente already has a struttura with that code (which is then left as it is); returns the code.
     */
    public String istituisci(String ente, String codice, String nome, String settore) {
        if (organigrammi.struttura(ente, codice).isEmpty()) {
            comandi.sendAndWait(new IstituisciStruttura(ente, codice, nome, settore == null ? TipoStruttura.SETTORE : TipoStruttura.UFFICIO,
                    settore, DAL, null));
        }
        return codice;
    }

    private void conferisci(String ente, String struttura, String persona) {
        comandi.sendAndWait(new ConferisciIncarico(ente, ente + "-" + struttura, struttura, persona, TipoIncarico.TITOLARE,
                DAL, null, "Decreto di prova"));
    }
}
