package it.comuni.peg.api.smvp;

import it.comuni.peg.api.comune.FormaItaliana;
import com.networknt.schema.Error;
import it.comuni.peg.api.comune.ValoriNonValidi;
import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A schema error as the nucleo reads it: the path of the field it is about (for a missing or unknown
 * field, the field's own path rather than its parent's) and an Italian sentence. The keywords the
 * method's schema uses get sentences of their own; any other keeps the validator's Italian message.
 */
final class MessaggiSchema {

    private static final Map<String, String> TIPI = Map.of(
            "string", "un testo",
            "number", "un numero",
            "integer", "un numero intero",
            "boolean", "vero o falso (true/false)",
            "object", "un oggetto",
            "array", "un elenco",
            "null", "un valore vuoto");

    private MessaggiSchema() {
    }

    static ValoriNonValidi.Errore errore(Error e) {
        String percorso = e.getInstanceLocation().toString();
        Object[] arg = e.getArguments() == null ? new Object[0] : e.getArguments();
        return switch (e.getKeyword()) {
            case "required" -> new ValoriNonValidi.Errore(campo(percorso, e.getProperty()), "Campo obbligatorio mancante");
            case "dependentRequired" -> new ValoriNonValidi.Errore(campo(percorso, String.valueOf(arg[0])),
                    "Campo obbligatorio quando c'è '" + arg[1] + "'");
            case "additionalProperties" -> new ValoriNonValidi.Errore(campo(percorso, e.getProperty()),
                    "Campo sconosciuto: lo schema del metodo non lo prevede");
            case "propertyNames" -> new ValoriNonValidi.Errore(campo(percorso, e.getProperty()),
                    "Chiave non ammessa: '" + e.getProperty() + "'");
            case "false" -> new ValoriNonValidi.Errore(percorso, "Campo non previsto per questo tipo");
            case "type" -> new ValoriNonValidi.Errore(percorso, "Deve essere " + tipo(arg.length > 1 ? arg[1] : null)
                    + ", trovato " + tipo(arg.length > 0 ? arg[0] : null));
            case "enum" -> new ValoriNonValidi.Errore(percorso, "Valore non ammesso: " + valore(e.getInstanceNode())
                    + "; ammessi: " + String.valueOf(arg[0]).replaceAll("[\\[\\]\"]", ""));
            case "const" -> new ValoriNonValidi.Errore(percorso, "Deve valere " + numero(arg[0]) + ", trovato "
                    + valore(e.getInstanceNode()));
            case "minimum" -> new ValoriNonValidi.Errore(percorso, "Deve essere almeno " + numero(arg[0]) + ", trovato "
                    + valore(e.getInstanceNode()));
            case "maximum" -> new ValoriNonValidi.Errore(percorso, "Deve essere al più " + numero(arg[0]) + ", trovato "
                    + valore(e.getInstanceNode()));
            case "multipleOf" -> new ValoriNonValidi.Errore(percorso, "Deve essere multiplo di " + numero(arg[0])
                    + " (al più " + decimali(arg[0]) + " decimali), trovato " + valore(e.getInstanceNode()));
            case "minItems" -> new ValoriNonValidi.Errore(percorso, "Deve contenere almeno " + arg[0] + " elementi");
            case "minLength" -> new ValoriNonValidi.Errore(percorso, "Non può essere vuoto");
            case "maxLength" -> new ValoriNonValidi.Errore(percorso, "Testo troppo lungo: al massimo " + arg[0] + " caratteri");
            case "pattern" -> new ValoriNonValidi.Errore(percorso, "Formato non valido: " + valore(e.getInstanceNode())
                    + " (ammessi lettere, cifre e i segni - _ .; per l'ente il codice IPA in minuscolo)");
            default -> new ValoriNonValidi.Errore(percorso, e.getMessage());
        };
    }

    private static String campo(String percorso, String nome) {
        if (nome == null) {
            return percorso;
        }
        return nome.matches("[A-Za-z_][A-Za-z0-9_]*") ? percorso + "." + nome : percorso + "['" + nome + "']";
    }

    private static String tipo(Object nome) {
        return nome == null ? "altro" : TIPI.getOrDefault(String.valueOf(nome).toLowerCase(java.util.Locale.ROOT), String.valueOf(nome));
    }

    private static String valore(JsonNode nodo) {
        if (nodo == null) {
            return "nulla";
        }
        if (nodo.isNumber()) {
            return FormaItaliana.numero(nodo.decimalValue());
        }
        return nodo.isString() ? "'" + nodo.asString() + "'" : nodo.toString();
    }

    private static String numero(Object argomento) {
        return String.valueOf(argomento).replace('.', ',');
    }

    private static int decimali(Object argomento) {
        String s = String.valueOf(argomento);
        return s.contains(".") ? s.length() - s.indexOf('.') - 1 : 0;
    }
}
