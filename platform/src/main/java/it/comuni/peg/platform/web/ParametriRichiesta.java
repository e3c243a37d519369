package it.comuni.peg.platform.web;

import io.swagger.v3.oas.annotations.Parameter;
import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.platform.errori.Radice;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What is wrong with a parameter of a request (its address, its form), in Italian and naming it: one
 * wording for the API's problem+json ({@link ProblemHandler}) and for the pages' error page (web's
 * PagineErrore). Spring MVC finds these faults before any controller runs, in the English of its own
 * exceptions; they are the user's, so a 400.
 * <ul>
 * <li>a value not of the parameter's type: "Il parametro «anno» deve essere un numero intero: «abc» non lo
 *     è."; for an enum, the value and the accepted ones, each with its words ("IN_CORSO (in corso)");</li>
 * <li>a parameter missing: "Manca il parametro «a»: la data fino a cui confrontare.", the part after the
 *     colon being the parameter's OpenAPI description ({@link Parameter#description()}) when it has one.</li>
 * </ul>
 * What is quoted of the user's value is cut by {@link FormaItaliana#citazione(String)}.
 */
public final class ParametriRichiesta {

    private ParametriRichiesta() {
    }

    /**
     * The message for a fault of a request's parameter, or null when {@code e} is none: a value not of
     * its type ({@link TypeMismatchException}, whose {@link MethodArgumentTypeMismatchException} names
     * the parameter), a parameter or a multipart file missing.
     */
    public static String messaggio(Exception e) {
        if (e instanceof MissingServletRequestParameterException mancante) {
            return mancante(mancante.getParameterName(), mancante.getMethodParameter());
        }
        if (e instanceof MissingServletRequestPartException parte) {
            return "Manca il parametro «" + parte.getRequestPartName() + "» del modulo.";
        }
        if (e instanceof MethodArgumentTypeMismatchException tipo) {
            return tipoErrato(tipo.getName(), tipo.getValue(), tipo.getRequiredType(), e);
        }
        if (e instanceof TypeMismatchException tipo) {
            return tipoErrato(tipo.getPropertyName(), tipo.getValue(), tipo.getRequiredType(), e);
        }
        return null;
    }

    /** The parameter a fault of {@link #messaggio} is about, for a problem's {@code errori}; null when none. */
    public static String nome(Exception e) {
        if (e instanceof MissingServletRequestParameterException mancante) {
            return mancante.getParameterName();
        }
        if (e instanceof MissingServletRequestPartException parte) {
            return parte.getRequestPartName();
        }
        if (e instanceof MethodArgumentTypeMismatchException tipo) {
            return tipo.getName();
        }
        return e instanceof TypeMismatchException tipo ? tipo.getPropertyName() : null;
    }

    private static String mancante(String nome, MethodParameter parametro) {
        Parameter documentato = parametro == null ? null : parametro.getParameterAnnotation(Parameter.class);
        String descrizione = documentato == null ? "" : documentato.description().strip();
        if (descrizione.endsWith(".")) {
            descrizione = descrizione.substring(0, descrizione.length() - 1);
        }
        return "Manca il parametro «" + nome + "»" + (descrizione.isEmpty() ? "." : ": " + minuscola(descrizione) + ".");
    }

    /** "Codice IPA dell'ente" reads "codice IPA dell'ente" after a colon; "IPA dell'ente" stays as it is. */
    private static String minuscola(String testo) {
        boolean sigla = testo.length() > 1 && Character.isUpperCase(testo.charAt(1));
        return sigla ? testo : Character.toLowerCase(testo.charAt(0)) + testo.substring(1);
    }

    private static String tipoErrato(String nome, Object valore, Class<?> tipo, Exception e) {
        String citato = "«" + FormaItaliana.citazione(String.valueOf(valore)) + "»";
        if (tipo != null && tipo.isEnum()) {
            String ammessi = Arrays.stream(tipo.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .map(c -> c + " (" + c.toLowerCase(Locale.ITALIAN).replace('_', ' ') + ")")
                    .collect(Collectors.joining(", "));
            return "Il parametro «" + nome + "» vale " + citato + ", che non è uno dei valori noti: ammessi " + ammessi + ".";
        }
        String atteso = atteso(tipo);
        if (atteso != null) {
            return "Il parametro «" + nome + "» deve essere " + atteso + ": " + citato + " non lo è.";
        }
        if (Radice.di(e) instanceof ValoreNonValido valoreNonValido) {
            // a value type of ours refused it (an ObiettivoId with a space): its own words say why
            return "Il parametro «" + nome + "» non è valido: " + valoreNonValido.getMessage();
        }
        return "Il parametro «" + nome + "» non è valido: " + citato + ".";
    }

    private static String atteso(Class<?> tipo) {
        if (tipo == null) {
            return null;
        }
        if (tipo == int.class || tipo == Integer.class || tipo == long.class || tipo == Long.class || tipo == short.class
                || tipo == Short.class || tipo == BigInteger.class) {
            return "un numero intero";
        }
        if (tipo == double.class || tipo == Double.class || tipo == float.class || tipo == Float.class || tipo == BigDecimal.class) {
            return "un numero";
        }
        if (tipo == boolean.class || tipo == Boolean.class) {
            return "true o false";
        }
        if (tipo == LocalDate.class) {
            return "una data AAAA-MM-GG";
        }
        if (tipo == YearMonth.class) {
            return "un mese AAAA-MM";
        }
        if (tipo == Instant.class) {
            return "un istante ISO-8601 (AAAA-MM-GGThh:mm:ssZ)";
        }
        return null;
    }
}
