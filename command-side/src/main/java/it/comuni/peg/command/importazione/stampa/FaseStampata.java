package it.comuni.peg.command.importazione.stampa;

import java.time.LocalDate;
import java.util.List;

/**
 * A row of the "Fase" table. {@code numero} is the number the phase will carry (always valid);
 * {@code numeroStampato} is the one printed, null when the title had none. {@code mesiMarcati} are
 * the months (1..12 of the PEG year) marked ■ in its Previsto row of the cronoprogramma.
 */
public record FaseStampata(int riga, int numero, Integer numeroStampato, String titolo, String descrizione,
                           LocalDate inizio, LocalDate fine, List<Integer> mesiMarcati) {
}
