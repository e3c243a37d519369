package it.comuni.peg.web.comune;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends the command a form describes through the same gateway as the API, so that the aggregate's
 * rules and its authorization apply unchanged. Every form of every page goes through here: reading
 * the fields, a refusal placed at its field, the status of the answer are one piece of code.
 */
@Component
public class Invio {

    private final CommandGateway gateway;

    public Invio(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * The command's result (an aggregate's version after the change), or the form refused with the
     * API's messages at their fields. What is no refusal of the system (a bug, a database away)
     * propagates to the error page.
     */
    public Esito invia(Modulo modulo, Map<String, String> parametri, Function<Map<String, String>, Object> comando) {
        modulo.con(parametri);
        try {
            return new Esito(gateway.sendAndWait(comando.apply(parametri)), null, 0);
        } catch (RuntimeException e) {
            Optional<Rifiuto> rifiuto = Rifiuto.di(e, modulo.getCampi());
            if (rifiuto.isEmpty()) {
                throw e;
            }
            return new Esito(null, modulo.rifiutato(rifiuto.get()), stato(Rifiuto.radice(e)));
        }
    }

    /**
     * htmx swaps only successful answers, so it gets 200; a plain form post gets the honest status: 403
     * when the user may not (the message is on the form), 404 when the objective or ente is not one the
     * user may see, 422 for anything else refused.
     */
    public static void statoRifiuto(HttpServletRequest richiesta, HttpServletResponse risposta, Esito esito) {
        risposta.setStatus(richiesta.getHeader("HX-Request") != null ? 200 : esito.stato());
    }

    private static int stato(Throwable causa) {
        if (causa instanceof it.comuni.peg.api.comune.AccessoNegato) {
            return 403;
        }
        return causa instanceof it.comuni.peg.api.comune.NonTrovato ? 404 : 422;
    }

    /** {@code stato}: the HTTP status of a refusal (403, 404, 422), 0 when accepted. */
    public record Esito(Object risultato, Modulo rifiutato, int stato) {

        public boolean accettato() {
            return rifiutato == null;
        }

        /** The aggregate's version after the command, 0 when the handler answers none. */
        public long versione() {
            return risultato instanceof Number n ? n.longValue() : 0;
        }
    }
}
