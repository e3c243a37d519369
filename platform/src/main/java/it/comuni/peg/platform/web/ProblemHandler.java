package it.comuni.peg.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.comune.ChiaveRiutilizzata;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.comune.ValoriNonValidi;
import it.comuni.peg.platform.transazioni.LimiteTransazioni;
import it.comuni.peg.platform.web.Problemi.ErroreCampo;
import it.comuni.peg.platform.errori.Radice;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import it.comuni.peg.api.comune.FormaItaliana;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import it.comuni.peg.platform.errori.Contesa;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every failure as RFC 9457 problem+json: what is wrong and where, in Italian. Client input never
 * gets a 500; an unexpected failure gets a 500 that says nothing of the internals.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final LimiteTransazioni limite;

    public ProblemHandler(LimiteTransazioni limite) {
        this.limite = limite;
    }

    @ExceptionHandler(ValoreNonValido.class)
    ProblemDetail valoreNonValido(ValoreNonValido e) {
        if (e instanceof ValoriNonValidi tutti) {
            return Problemi.inputNonValido(e.getMessage(),
                    tutti.errori().stream().map(v -> new ErroreCampo(v.campo(), v.messaggio())).toList());
        }
        return Problemi.inputNonValido(e.getMessage(), List.of(new ErroreCampo(e.campo(), e.getMessage())));
    }

    @ExceptionHandler({NonTrovato.class, AggregateNotFoundException.class})
    ProblemDetail nonTrovato(RuntimeException e) {
        // a missing objective and one of another ente answer in the same words (NonTrovato.obiettivo);
        // an aggregate missing from the store is named by its kind, whichever route sent the command
        String dettaglio = e instanceof AggregateNotFoundException a ? NonTrovato.aggregato(a.getAggregateIdentifier()).getMessage()
                : e.getMessage();
        return Problemi.problema(HttpStatus.NOT_FOUND, "non-trovato", "Non trovato", dettaglio);
    }

    @ExceptionHandler(AccessoNegato.class)
    ProblemDetail accessoNegato(AccessoNegato e) {
        return Problemi.problema(HttpStatus.FORBIDDEN, "non-autorizzato", "Operazione non consentita", e.getMessage());
    }

    @ExceptionHandler(RegolaViolata.class)
    ProblemDetail regolaViolata(RegolaViolata e) {
        return Problemi.problema(HttpStatus.CONFLICT, "regola-violata", "Regola violata", e.getMessage());
    }

    /** The Idempotency-Key of an earlier, different request: the client's bug, not a retry. */
    @ExceptionHandler(ChiaveRiutilizzata.class)
    ProblemDetail chiaveRiutilizzata(ChiaveRiutilizzata e) {
        return Problemi.problema(HttpStatus.UNPROCESSABLE_CONTENT, "chiave-riutilizzata", "Idempotency-Key già usata",
                e.getMessage());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail versioneSuperata(ConflictingAggregateVersionException e) {
        ProblemDetail problema = Problemi.problema(HttpStatus.PRECONDITION_FAILED, "versione-superata", "Versione superata",
                "L'obiettivo è alla versione " + e.getActualVersion() + ", non alla " + e.getExpectedVersion()
                        + " indicata in If-Match: rileggerlo prima di modificarlo");
        problema.setProperty("versioneAttuale", e.getActualVersion());
        return problema;
    }

    /** Two commands on one objective at once, from two processes: the loser may simply retry. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail conflitto(RuntimeException e) {
        String dettaglio = e instanceof AggregateStreamCreationException
                ? "Esiste già un obiettivo con questo identificativo"
                : "L'obiettivo è stato modificato contemporaneamente da un'altra richiesta: riprovare";
        return Problemi.problema(HttpStatus.CONFLICT, Problemi.CONFLITTO_CONCORRENTE, "Modifica concorrente", dettaglio);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail tipoErrato(MethodArgumentTypeMismatchException e) {
        return parametroNonValido(e);
    }

    /** A parameter missing or not of its type, in the words the pages use too ({@link ParametriRichiesta}). */
    private static ProblemDetail parametroNonValido(Exception e) {
        String messaggio = ParametriRichiesta.messaggio(e);
        return Problemi.inputNonValido(messaggio, List.of(new ErroreCampo(ParametriRichiesta.nome(e), messaggio)));
    }

    /**
     * The database is unreachable, overloaded, or too slow for the transaction to end within its
     * time: nothing was recorded, the client may retry.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class, EventStoreException.class, TransactionTimedOutException.class})
    ResponseEntity<ProblemDetail> databaseNonDisponibile(RuntimeException e) {
        if (Contesa.conflitto(e)) {
            return conflittoAllaConferma(e);
        }
        ProblemDetail problema = Problemi.guastoDelDatabase(e, limite.durataMassima());
        return nonDisponibile(e, problema != null ? problema : Problemi.servizioNonDisponibile());
    }

    /**
     * A deadlock, or on a Galera cluster a transaction that failed certification against one another
     * node committed first: rolled back whole, the same 409 as two commands on one objective, which
     * the client may retry (with its Idempotency-Key, it is still executed at most once).
     */
    private static ResponseEntity<ProblemDetail> conflittoAllaConferma(Throwable e) {
        log.info("Conflitto con un'altra transazione, annullata: {}", Radice.descrivi(e));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problemi.problema(HttpStatus.CONFLICT,
                Problemi.CONFLITTO_CONCORRENTE, "Modifica concorrente",
                "La richiesta è entrata in conflitto con un'altra modifica contemporanea e non è stata registrata: riprovare"));
    }

    /** A 503 with Retry-After, logged as a warning: a fault of the database, not a bug. */
    public static ResponseEntity<ProblemDetail> nonDisponibile(Throwable e, ProblemDetail problema) {
        log.warn("{}: {}", problema.getTitle(), e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Problemi.RIPROVA_TRA_SECONDI).body(problema);
    }

    /** Spring Security's firewall met a request it will not read (e.g. a parameter name of raw bytes). */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ProblemDetail richiestaRifiutata(RuntimeException e) {
        return Problemi.inputNonValido("La richiesta contiene caratteri non ammessi",
                List.of(new ErroreCampo("$", "Nome o valore di un parametro non ammesso")));
    }

    /**
     * A form-encoded body or a query string that is not valid UTF-8: Tomcat refuses to decode it when
     * Spring asks for the parameters (even to read a body it will then refuse as not JSON).
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ProblemDetail parametriIlleggibili(RuntimeException e) {
        return Problemi.inputNonValido("La richiesta contiene caratteri non validi",
                List.of(new ErroreCampo("$", "Parametri o corpo non leggibili come UTF-8")));
    }

    /** Left to Spring Security, which answers 401 or 403 as problem+json too. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void sicurezza(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> inatteso(Exception e) {
        if (Contesa.conflitto(e)) {
            return conflittoAllaConferma(e);
        }
        // a lost connection or a deadline reaches here wrapped by Hibernate or Axon (e.g. at commit): still a 503
        ProblemDetail guasto = Problemi.guastoDelDatabase(e, limite.durataMassima());
        if (guasto != null) {
            return nonDisponibile(e, guasto);
        }
        log.error("Errore inatteso", e);
        return ResponseEntity.internalServerError().body(Problemi.problema(HttpStatus.INTERNAL_SERVER_ERROR, "errore-interno",
                "Errore interno", "Si è verificato un errore inatteso; è stato registrato nei log del server"));
    }

    // ---- Spring MVC's own exceptions, with Italian messages and the fields named ----

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<ErroreCampo> errori = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ErroreCampo(f.getField(), messaggio(f)))
                .sorted(java.util.Comparator.comparing(ErroreCampo::campo))
                .toList();
        return ResponseEntity.badRequest().body(Problemi.inputNonValido(
                "Alcuni campi non sono validi: " + errori.stream().map(ErroreCampo::campo).distinct()
                        .collect(Collectors.joining(", ")), errori));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<ErroreCampo> errori = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new ErroreCampo(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problemi.inputNonValido("Alcuni parametri non sono validi", errori));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(corpoNonLeggibile(e.getCause()));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(parametroNonValido(e));
    }

    /** A body of a type the route does not read: the type sent and the ones it reads. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        String inviato = e.getContentType() == null ? "un corpo senza Content-Type" : "un corpo di tipo «" + e.getContentType() + "»";
        return handleExceptionInternal(e, Problemi.problema(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "tipo-non-accettato",
                "Tipo di contenuto non accettato", richiesta(request) + " non accetta " + inviato + ": tipi accettati "
                        + tipi(e.getSupportedMediaTypes()) + "."), headers, status, request);
    }

    /** A method the route does not answer: the method and the ones it does (also in Allow, as Spring sets it). */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        String ammessi = e.getSupportedMethods() == null ? "nessuno" : String.join(", ", e.getSupportedMethods());
        return handleExceptionInternal(e, Problemi.problema(HttpStatus.METHOD_NOT_ALLOWED, "metodo-non-consentito",
                "Metodo non consentito", "Il metodo «" + e.getMethod() + "» non è consentito su " + percorso(request)
                        + ": metodi ammessi " + ammessi + "."), headers, status, request);
    }

    /** No route and no static file at the address: the path asked for. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, Problemi.problema(HttpStatus.NOT_FOUND, "non-trovato", "Non trovato",
                "Nessuna risorsa all'indirizzo " + percorso(request) + "."), headers, status, request);
    }

    /** No format the client accepts: what it asked for (Accept) and the formats the route answers in. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e, HttpHeaders headers,
                                                                      HttpStatusCode status, WebRequest request) {
        String chiesto = request.getHeader(HttpHeaders.ACCEPT);
        return handleExceptionInternal(e, Problemi.problema(HttpStatus.NOT_ACCEPTABLE, "formato-non-disponibile",
                "Formato di risposta non disponibile", richiesta(request) + " non risponde nel formato chiesto (Accept: «"
                        + FormaItaliana.citazione(chiesto == null ? "" : chiesto) + "»): formati disponibili "
                        + tipi(e.getSupportedMediaTypes()) + "."), headers, status, request);
    }

    /**
     * Any other of Spring MVC's own refusals keeps its status and headers, in Italian: its default body
     * ({@code about:blank}, an English title and detail) becomes the same generic problem the container's
     * refusals get ({@link Problemi#rifiutata}).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        if (body == null || body instanceof ProblemDetail problema
                && (problema.getType() == null || "about:blank".equals(problema.getType().toString()))) {
            body = Problemi.rifiutata(status.value(), "Il server ha rifiutato la richiesta (HTTP " + status.value() + ")");
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /** "POST /api/obiettivi/…/fasi": the request's method and path, as a refusal names where it happened. */
    private static String richiesta(WebRequest request) {
        return (request instanceof ServletWebRequest servlet ? servlet.getRequest().getMethod() + " " : "") + percorso(request);
    }

    private static String percorso(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? FormaItaliana.citazione(servlet.getRequest().getRequestURI()) : request.getDescription(false);
    }

    private static String tipi(List<MediaType> tipi) {
        return tipi == null || tipi.isEmpty() ? "nessuno" : tipi.stream().map(MediaType::toString).collect(Collectors.joining(", "));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail intestazioneMancante(MissingRequestHeaderException e) {
        return Problemi.inputNonValido("Manca l'intestazione '" + e.getHeaderName() + "'",
                List.of(new ErroreCampo(e.getHeaderName(), "Intestazione obbligatoria")));
    }

    private static ProblemDetail corpoNonLeggibile(Throwable causa) {
        if (causa instanceof ValueInstantiationException vie && Radice.di(vie) instanceof ValoreNonValido vnv) {
            String campo = percorso(vie);
            // a value type that names its own field more precisely (Settore: settore.nome) is taken at its word
            if (vnv.campo() != null && vnv.campo().startsWith(campo + ".")) {
                campo = vnv.campo();
            }
            return Problemi.inputNonValido(vnv.getMessage(),
                    List.of(new ErroreCampo(campo.isEmpty() ? vnv.campo() : campo, vnv.getMessage())));
        }
        if (causa instanceof UnrecognizedPropertyException upe) {
            String campo = percorso(upe);
            return Problemi.inputNonValido("Campo sconosciuto: '" + campo + "'",
                    List.of(new ErroreCampo(campo, "Campo non previsto")));
        }
        if (causa instanceof InvalidFormatException ife) {
            String campo = percorso(ife);
            String messaggio = "Valore non valido: '" + ife.getValue() + "'" + atteso(ife.getTargetType());
            return Problemi.inputNonValido("Il campo '" + campo + "' non è valido", List.of(new ErroreCampo(campo, messaggio)));
        }
        if (causa instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            String campo = percorso(mie);
            String messaggio = "Tipo di valore non valido" + atteso(mie.getTargetType());
            return Problemi.inputNonValido("Il campo '" + campo + "' non è valido", List.of(new ErroreCampo(campo, messaggio)));
        }
        if (causa instanceof DatabindException jme && !jme.getPath().isEmpty()) {
            String campo = percorso(jme);
            Throwable radice = Radice.di(jme);
            String messaggio = radice instanceof ValoreNonValido || radice instanceof java.time.DateTimeException
                    ? radice.getMessage() : "Valore non valido";
            return Problemi.inputNonValido("Il campo '" + campo + "' non è valido", List.of(new ErroreCampo(campo, messaggio)));
        }
        if (causa instanceof JacksonException jpe && jpe.getLocation() != null) {
            String dove = "riga " + jpe.getLocation().getLineNr() + ", colonna " + jpe.getLocation().getColumnNr();
            return Problemi.inputNonValido("JSON non valido alla " + dove,
                    List.of(new ErroreCampo("$", "JSON non valido alla " + dove)));
        }
        return Problemi.inputNonValido("Il corpo della richiesta manca o non è JSON valido",
                List.of(new ErroreCampo("$", "Corpo mancante o illeggibile")));
    }

    private static String percorso(JacksonException e) {
        StringBuilder campo = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!campo.isEmpty()) {
                    campo.append('.');
                }
                campo.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                campo.append('[').append(ref.getIndex()).append(']');
            }
        }
        return campo.toString();
    }

    private static String atteso(Class<?> tipo) {
        if (tipo == null) {
            return "";
        }
        return switch (tipo.getSimpleName()) {
            case "LocalDate" -> " (attesa una data AAAA-MM-GG esistente)";
            case "YearMonth" -> " (atteso un mese AAAA-MM)";
            case "Integer", "int", "Long", "long" -> " (atteso un numero intero)";
            case "BigDecimal", "Peso" -> " (atteso un numero)";
            case "Boolean", "boolean" -> " (atteso true o false)";
            case "String" -> " (atteso un testo)";
            default -> tipo.isEnum() ? " (ammessi: " + java.util.Arrays.toString(tipo.getEnumConstants()) + ")" : "";
        };
    }

    private static String messaggio(FieldError errore) {
        return errore.getDefaultMessage() == null ? "Valore non valido" : errore.getDefaultMessage();
    }
}
