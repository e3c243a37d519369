package it.comuni.peg.query.storico;

/**
 * What an event means to a reader: its kind, an Italian sentence, the motivazione, the values
 * before and after (for rimodulazioni, rettifiche, modifiche), and the delay of a late consuntivo.
 */
public record Descrizione(String tipo, String frase, String motivazione, Object prima, Object dopo, Integer giorniRitardo) {

    public static Descrizione di(String tipo, String frase) {
        return new Descrizione(tipo, frase, null, null, null, null);
    }
}
