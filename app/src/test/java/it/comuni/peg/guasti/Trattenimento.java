package it.comuni.peg.guasti;

import it.comuni.peg.platform.axon.Metadati;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a command's transaction open after its events are inserted (they hold their global indexes),
 * when the request's X-Request-Id says so: {@code trattieni-attiva-<ms>-…} keeps it busy for that many
 * milliseconds (a statement every 200 ms, as a long import does), {@code trattieni-inattiva-<ms>-…}
 * keeps it idle (as a process frozen mid-transaction). Any other command runs as usual.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Trattenimento {

    /** The X-Request-Id of a command whose transaction is held {@code millisecondi} ms, busy or idle. */
    static String richiesta(boolean attiva, long millisecondi, String nome) {
        return "trattieni-" + (attiva ? "attiva" : "inattiva") + "-" + millisecondi + "-" + nome;
    }

    private static final Pattern MARCA = Pattern.compile("trattieni-(attiva|inattiva)-(\\d+)-.*");

    @Bean
    Object trattieniComandiMarcati(CommandBus commandBus, JdbcTemplate jdbc) {
        MessageHandlerInterceptor<CommandMessage<?>> trattieni = (unitOfWork, catena) -> {
            Object risultato = catena.proceed();
            Object richiesta = unitOfWork.getMessage().getMetaData().get(Metadati.RICHIESTA);
            Matcher marca = richiesta == null ? null : MARCA.matcher(richiesta.toString());
            if (marca != null && marca.matches()) {
                boolean attiva = marca.group(1).equals("attiva");
                long millisecondi = Long.parseLong(marca.group(2));
                // after the event bus's own prepare-commit (which inserted the events), before the commit
                unitOfWork.onPrepareCommit(u -> trattieni(jdbc, attiva, millisecondi));
            }
            return risultato;
        };
        return commandBus.registerHandlerInterceptor(trattieni);
    }

    private static void trattieni(JdbcTemplate jdbc, boolean attiva, long millisecondi) {
        long fine = System.nanoTime() + millisecondi * 1_000_000;
        try {
            while (System.nanoTime() < fine) {
                if (attiva) {
                    // a statement in the command's own transaction (JdbcTemplate joins it)
                    jdbc.queryForObject("SELECT 1", Integer.class);
                }
                Thread.sleep(Math.min(200, Math.max(1, (fine - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
