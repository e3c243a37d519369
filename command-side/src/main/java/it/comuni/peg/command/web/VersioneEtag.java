package it.comuni.peg.command.web;

import it.comuni.peg.api.comune.ValoreNonValido;

/** The objective's version as an HTTP entity tag: {@code "7"}; If-Match accepts it weak or bare too. */
final class VersioneEtag {

    private VersioneEtag() {
    }

    static String etag(long versione) {
        return "\"" + versione + "\"";
    }

    static Long daIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String valore = ifMatch.strip();
        if (valore.startsWith("W/")) {
            valore = valore.substring(2);
        }
        valore = valore.replace("\"", "");
        try {
            long versione = Long.parseLong(valore);
            if (versione < 0) {
                throw new NumberFormatException();
            }
            return versione;
        } catch (NumberFormatException e) {
            throw new ValoreNonValido("If-Match", "If-Match deve contenere la versione dell'obiettivo, ad esempio \"3\"");
        }
    }
}
