package it.comuni.peg.platform.audit;

import it.comuni.peg.api.comune.ValoreNonValido;
import tools.jackson.databind.ObjectMapper;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar app.jar --verifica-catena}: prints the verification of the chain as JSON and exits
 * with 0 when it holds, 3 when it does not.
 * <p>
 * {@code java -jar app.jar --verifica-ricevute=<file>}: verifies the store against the receipts in the
 * file (one JSON receipt or an array, as documents print them) and prints the outcome as JSON: exit 0
 * when every receipt holds and the chain after them is intact, 3 when not (the outcome names the
 * receipt and the event), 4 when a receipt is not authentic (signature or timestamp), 2 when the file
 * cannot be read as receipts or there is no key to verify with; the reason goes to standard error in
 * Italian.
 */
@Component
@Conditional(VerificaDaRigaDiComando.Richiesta.class)
public class VerificaDaRigaDiComando implements ApplicationRunner {

    private final VerificaCatena verifica;
    private final VerificaRicevute verificaRicevute;
    private final ObjectMapper objectMapper;
    private final ConfigurableApplicationContext contesto;

    public VerificaDaRigaDiComando(VerificaCatena verifica, VerificaRicevute verificaRicevute, ObjectMapper objectMapper,
                                   ConfigurableApplicationContext contesto) {
        this.verifica = verifica;
        this.verificaRicevute = verificaRicevute;
        this.objectMapper = objectMapper;
        this.contesto = contesto;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int codice;
        if (args.containsOption("verifica-ricevute")) {
            codice = ricevute(args.getOptionValues("verifica-ricevute"));
        } else {
            EsitoVerifica esito = verifica.verifica();
            System.out.println(objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(esito));
            codice = esito.integra() ? 0 : 3;
        }
        int uscita = codice;
        System.exit(SpringApplication.exit(contesto, () -> uscita));
    }

    private int ricevute(java.util.List<String> file) throws Exception {
        if (file == null || file.size() != 1 || file.get(0).isBlank()) {
            System.err.println("Uso: --verifica-ricevute=<file JSON con una ricevuta o un elenco di ricevute>");
            return 2;
        }
        try {
            var esito = verificaRicevute.verifica(Ricevuta.daJson(Files.readString(Path.of(file.get(0)), StandardCharsets.UTF_8)));
            System.out.println(objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(esito));
            return esito.integra() ? 0 : 3;
        } catch (RicevutaNonAutentica e) {
            System.err.println(e.getMessage());
            return 4;
        } catch (ValoreNonValido | RicevuteNonDisponibili | java.io.IOException e) {
            System.err.println("Ricevute non verificabili: " + e.getMessage());
            return 2;
        }
    }

    /** Either option on the command line. */
    static class Richiesta implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment().containsProperty("verifica-catena")
                    || context.getEnvironment().containsProperty("verifica-ricevute");
        }
    }
}
