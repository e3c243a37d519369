package it.comuni.peg.platform.web;

import tools.jackson.databind.ObjectMapper;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tomcat's own refusals as the same Italian problem+json as any other bad input. Some requests
 * never reach the application: a header with a control character in its value (an Idempotency-Key
 * or an If-Match with a NUL, an ESC, a DEL), a malformed request line. Tomcat refuses them while
 * it parses them, and its error report valve would answer with an English HTML page. This puts a
 * valve of ours in that valve's place on the host: 400 {@code input-non-valido} naming the header
 * when Tomcat's message names its line. It writes only when nothing else has (every error of the
 * application is already problem+json, written by the application).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
public class ProblemiDiTomcat {

    /**
     * Replaces the host's error report valve (Spring Boot's, added by a customizer that runs before
     * this one, or the one Tomcat would add at start) with {@link Valvola}.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemiDiTomcatSulServer(ObjectMapper objectMapper) {
        return fabbrica -> fabbrica.addContextCustomizers(contesto -> {
            Pipeline pipeline = contesto.getParent().getPipeline();
            for (Valve valvola : pipeline.getValves()) {
                if (valvola instanceof ErrorReportValve && !(valvola instanceof Valvola)) {
                    pipeline.removeValve(valvola);
                }
            }
            pipeline.addValve(new Valvola(objectMapper));
            if (contesto.getParent() instanceof StandardHost host) {
                // the host adds a valve of this class at start unless it finds one: it finds ours
                host.setErrorReportValveClass(Valvola.class.getName());
            }
        });
    }

    /** The error report valve that writes RFC 9457 problems in Italian. */
    static final class Valvola extends ErrorReportValve {

        // Tomcat's message for a header it rejects: "The HTTP header line [Name: value] does not conform ..."
        private static final Pattern RIGA_DI_INTESTAZIONE = Pattern.compile("\\[([!#$%&'*+.^_`|~0-9A-Za-z-]+):");

        private final ObjectMapper objectMapper;

        Valvola(ObjectMapper objectMapper) {
            this.objectMapper = objectMapper;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int stato = response.getStatus();
            if (stato < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioPossibile = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioPossibile);
            if (!ioPossibile.get()) {
                return;
            }
            try {
                String json = objectMapper.writeValueAsString(problema(stato, throwable));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is no longer writable: nothing more to say
            }
        }

        /**
         * A header name as it is usually written ("idempotency-key" → "Idempotency-Key"): Tomcat
         * lower-cases the names it has parsed, and a client looks for the header it sent.
         */
        static String nomeConvenzionale(String nome) {
            StringBuilder convenzionale = new StringBuilder(nome.length());
            boolean inizioParola = true;
            for (char c : nome.toCharArray()) {
                convenzionale.append(inizioParola ? Character.toUpperCase(c) : Character.toLowerCase(c));
                inizioParola = c == '-';
            }
            return convenzionale.toString();
        }

        static ProblemDetail problema(int stato, Throwable causa) {
            if (stato == HttpStatus.BAD_REQUEST.value()) {
                Matcher riga = causa == null || causa.getMessage() == null ? null : RIGA_DI_INTESTAZIONE.matcher(causa.getMessage());
                if (riga != null && riga.find()) {
                    String intestazione = nomeConvenzionale(riga.group(1));
                    String messaggio = "L'intestazione " + intestazione + " contiene caratteri non ammessi (caratteri di controllo)";
                    return Problemi.inputNonValido(messaggio, List.of(new Problemi.ErroreCampo(intestazione, messaggio)));
                }
                return Problemi.inputNonValido("La richiesta non è HTTP valido e non è stata letta",
                        List.of(new Problemi.ErroreCampo("$", "Richiesta HTTP non valida")));
            }
            return Problemi.rifiutata(stato, "Il server ha rifiutato la richiesta prima di leggerla (HTTP " + stato + ")");
        }
    }
}
