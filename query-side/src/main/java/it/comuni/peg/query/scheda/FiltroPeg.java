package it.comuni.peg.query.scheda;

/** The filters of the PEG list; all but ente and anno optional. */
public record FiltroPeg(String ente, int anno, String settore, String ufficio, String responsabile, Stato stato,
                        String testo) {
}
