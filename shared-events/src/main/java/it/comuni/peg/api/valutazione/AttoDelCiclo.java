package it.comuni.peg.api.valutazione;

/**
 * An act of the performance cycle the nucleo di valutazione closes and may have to prove later
 * (D.Lgs. 150/2009, art. 14): the chiusura del monitoraggio, a valutazione finale, the validazione
 * della Relazione. An event implementing it makes the platform take a signed checkpoint of the
 * audit chain that covers it; its receipt is what the act's documents carry.
 */
public interface AttoDelCiclo {

    /** The ente (codice IPA) whose cycle the act belongs to. */
    String ente();

    /** The year of the cycle. */
    int anno();
}
