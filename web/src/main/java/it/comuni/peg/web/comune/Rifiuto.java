package it.comuni.peg.web.comune;

import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.comune.ValoriNonValidi;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A refusal of the system as a form shows it: the API's own Italian message, next to the field it
 * concerns. A {@link ValoreNonValido} names its field; a broken rule is placed by what it speaks of
 * (the month, the percentage, a date); what concerns no field (the user may not act on this
 * objective) stands at the head of the form.
 */
public record Rifiuto(Map<String, String> campi, String generale) {

    public static Optional<Rifiuto> di(Throwable errore, Set<String> campiDelModulo) {
        Throwable e = radice(errore);
        String messaggio = e.getMessage();
        if (e instanceof ValoriNonValidi tutti) {
            // every field beyond its limit at its place; one the form does not have at the head
            Map<String, String> campi = new LinkedHashMap<>();
            String generale = null;
            for (ValoriNonValidi.Errore voce : tutti.errori()) {
                if (campiDelModulo.contains(voce.campo())) {
                    campi.putIfAbsent(voce.campo(), voce.messaggio());
                } else if (generale == null) {
                    generale = voce.campo() + ": " + voce.messaggio();
                }
            }
            return Optional.of(new Rifiuto(campi, generale));
        }
        if (e instanceof ValoreNonValido v) {
            return Optional.of(campo(v.campo(), messaggio, campiDelModulo));
        }
        if (e instanceof RegolaViolata || e instanceof NonTrovato) {
            return Optional.of(campo(campoDi(messaggio, campiDelModulo), messaggio, campiDelModulo));
        }
        if (e instanceof AccessoNegato) {
            return Optional.of(new Rifiuto(Map.of(), messaggio));
        }
        if (e instanceof ConcurrencyException) {
            return Optional.of(new Rifiuto(Map.of(),
                    "L'obiettivo è stato modificato contemporaneamente da un'altra richiesta: riprovare"));
        }
        return Optional.empty();
    }

    public static Rifiuto campo(String campo, String messaggio, Set<String> campiDelModulo) {
        if (campo != null && campiDelModulo.contains(campo)) {
            Map<String, String> campi = new LinkedHashMap<>();
            campi.put(campo, messaggio);
            return new Rifiuto(campi, null);
        }
        return new Rifiuto(Map.of(), messaggio);
    }

    /** The field a rule's message is about, among those of the form. */
    static String campoDi(String messaggio, Set<String> campi) {
        String m = messaggio == null ? "" : messaggio.toLowerCase(Formato.ITALIANO);
        if (m.contains("peso indicatori e peso fasi") && campi.contains("pesoIndicatori")) {
            return "pesoIndicatori";
        }
        if (m.contains("pesi degli indicatori") && campi.contains("peso")) {
            return "peso";
        }
        if (m.contains("esiste già")) {
            return campi.contains("numero") ? "numero" : campi.contains("codice") ? "codice" : null;
        }
        if (m.contains("mesi previsti") && campi.contains("mesiPrevisti")) {
            return "mesiPrevisti";
        }
        if ((m.contains("già assegnato") || m.contains("non ha un'assegnazione")) && campi.contains("nome")) {
            return campi.contains("inizio") ? "inizio" : "nome";
        }
        if (m.contains("termina già") && campi.contains("fine")) {
            return "fine";
        }
        if (m.contains("monitoraggio") && campi.contains("data")) {
            return "data";
        }
        if (m.contains("valutazione") && !m.contains("già registrata") && campi.contains("al")) {
            return "al";
        }
        if (m.contains("percentuale") && campi.contains("percentuale")) {
            return "percentuale";
        }
        if (m.contains("data di riferimento") && campi.contains("dataRiferimento")) {
            return "dataRiferimento";
        }
        if ((m.contains("completamento") || m.contains("completata il")) && campi.contains("data")) {
            return "data";
        }
        if ((m.contains("mese") || m.contains("consuntivo di")) && campi.contains("mese")) {
            return "mese";
        }
        if ((m.contains("periodo") || m.contains("rimodulazione") || m.contains("mesi previsti")) && campi.contains("inizio")) {
            return "inizio";
        }
        if (m.contains("indicatore") && campi.contains("indicatore")) {
            return "indicatore";
        }
        if (m.contains("fase") && campi.contains("fase")) {
            return "fase";
        }
        return null;
    }

    static Throwable radice(Throwable e) {
        Throwable t = e;
        while (!(t instanceof ValoreNonValido || t instanceof RegolaViolata || t instanceof NonTrovato
                || t instanceof AccessoNegato || t instanceof ConcurrencyException)
                && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
