package it.comuni.peg.platform.audit;

import tools.jackson.databind.ObjectMapper;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar app.jar --verifica-catena}: prints the verification as JSON and exits with 0 when
 * the chain holds, 3 when it does not.
 */
@Component
@ConditionalOnProperty("verifica-catena")
public class VerificaDaRigaDiComando implements ApplicationRunner {

    private final VerificaCatena verifica;
    private final ObjectMapper objectMapper;
    private final ConfigurableApplicationContext contesto;

    public VerificaDaRigaDiComando(VerificaCatena verifica, ObjectMapper objectMapper, ConfigurableApplicationContext contesto) {
        this.verifica = verifica;
        this.objectMapper = objectMapper;
        this.contesto = contesto;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        EsitoVerifica esito = verifica.verifica();
        System.out.println(objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(esito));
        int codice = esito.integra() ? 0 : 3;
        System.exit(SpringApplication.exit(contesto, () -> codice));
    }
}
