package it.comuni.peg.command.importazione;

import tools.jackson.databind.ObjectMapper;
import it.comuni.peg.command.importazione.stampa.StampaNonLeggibile;
import it.comuni.peg.platform.axon.Metadati;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The same import from the command line of the same jar:
 * {@code java -jar app.jar --importa=stampa.txt --ente=c_b648 --anno=2023} (the ente by its codice IPA,
 * registered). Prints the report (the JSON of the HTTP answer) and exits: 0 imported, 1 some objective
 * not imported, 2 nothing could be read or the ente is not registered. {@link ImportazioneSenzaServerWeb}
 * keeps the web server off for this run.
 * <p>
 * Whoever can run the jar on the installation's data holds it already: the commands are sent as the
 * system (no accessi: the organigramma's and the objectives' authorisation let them pass), and their
 * events say {@code utente} = {@code riga-di-comando:<operating-system user>}.
 */
@Component
@ConditionalOnProperty(ImportazioneDaRigaDiComando.PROPRIETA)
public class ImportazioneDaRigaDiComando implements ApplicationRunner {

    public static final String PROPRIETA = "importa";
    /** Who the events say imported: the command line and the operating-system user behind it. */
    static final String UTENTE = "riga-di-comando";

    private final ImportatoreStampa importatore;
    private final ObjectMapper objectMapper;
    private final ConfigurableApplicationContext contesto;
    private final CommandBus commandBus;

    public ImportazioneDaRigaDiComando(ImportatoreStampa importatore, ObjectMapper objectMapper, ConfigurableApplicationContext contesto,
                                       CommandBus commandBus) {
        this.commandBus = commandBus;
        this.importatore = importatore;
        this.objectMapper = objectMapper;
        this.contesto = contesto;
    }

    @Override
    public void run(ApplicationArguments argomenti) {
        int codice = esegui(argomenti, System.out, System.err);
        if (contesto.getEnvironment().getProperty("importa.esci", Boolean.class, true)) {
            System.exit(SpringApplication.exit(contesto, () -> codice));
        }
    }

    int esegui(ApplicationArguments argomenti, PrintStream uscita, PrintStream errori) {
        String file = valore(argomenti, PROPRIETA);
        String ente = valore(argomenti, "ente");
        String anno = valore(argomenti, "anno");
        if (file == null || ente == null || anno == null || !anno.matches("\\d{4}")) {
            errori.println("Uso: java -jar app.jar --importa=<file> --ente=<codice IPA, es. c_b648> --anno=<AAAA>");
            return 2;
        }
        // no authentication: a command without accessi is the system's; only the name on its events says who
        SecurityContextHolder.clearContext();
        Thread qui = Thread.currentThread();
        String utente = UTENTE + ":" + System.getProperty("user.name", "?");
        Registration firma = commandBus.registerDispatchInterceptor(messaggi -> (indice, comando) ->
                Thread.currentThread() == qui ? comando.andMetaData(Map.of(Metadati.UTENTE, utente)) : comando);
        try {
            EsitoImportazione esito = importatore.importa(Files.readAllBytes(Path.of(file)), ente, Integer.valueOf(anno));
            uscita.println(objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(esito));
            return esito.nuovi() + esito.giaPresenti() == esito.obiettivi() ? 0 : 1;
        } catch (StampaNonLeggibile e) {
            errori.println("File non importabile" + (e.riga() > 0 ? " (riga " + e.riga() + ")" : "") + ": " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            errori.println("File non trovato: " + file);
            return 2;
        } catch (Exception e) {
            errori.println("Importazione non riuscita: " + e.getMessage());
            return 2;
        } finally {
            firma.cancel();
        }
    }

    private static String valore(ApplicationArguments argomenti, String nome) {
        List<String> valori = argomenti.getOptionValues(nome);
        return valori == null || valori.isEmpty() || valori.get(0).isBlank() ? null : valori.get(0);
    }
}
