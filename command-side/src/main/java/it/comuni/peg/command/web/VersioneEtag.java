package it.comuni.peg.command.web;

import it.comuni.peg.api.comune.ValoreNonValido;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objective's version as an HTTP entity tag: {@code "7"}. If-Match takes one version: quoted
 * ({@code "7"}, as the ETag), bare ({@code 7}) or weak ({@code W/"7"}: a proxy that compresses
 * answers weakens the ETag it passes on, and the client only echoes it), or {@code *} (any version).
 * Anything else is refused with 400 naming If-Match, never taken as no precondition: an empty value,
 * a list of tags, a quote left open, a negative or non-numeric version. A client that sends If-Match
 * means to guard its write; ignoring what it sent would lose the guard silently.
 */
final class VersioneEtag {

    private static final String INTESTAZIONE = "If-Match";
    // at most 18 digits: any of them fits a long
    private static final Pattern VERSIONE = Pattern.compile("(?:W/)?\"(\\d{1,18})\"|(\\d{1,18})");

    private VersioneEtag() {
    }

    static String etag(long versione) {
        return "\"" + versione + "\"";
    }

    /** The version If-Match names; null when it is absent or {@code *}; {@link ValoreNonValido} when malformed. */
    static Long daIfMatch(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String valore = ifMatch.strip();
        if (valore.equals("*")) {
            return null;
        }
        Matcher versione = VERSIONE.matcher(valore);
        if (versione.matches()) {
            return Long.parseLong(versione.group(1) != null ? versione.group(1) : versione.group(2));
        }
        if (valore.isEmpty()) {
            throw new ValoreNonValido(INTESTAZIONE, "If-Match è vuoto: indicare la versione dell'obiettivo, ad esempio \"3\"");
        }
        if (valore.contains(",")) {
            throw new ValoreNonValido(INTESTAZIONE, "If-Match deve contenere una sola versione dell'obiettivo, ad esempio \"3\"");
        }
        throw new ValoreNonValido(INTESTAZIONE, "If-Match deve contenere la versione dell'obiettivo, ad esempio \"3\"");
    }
}
