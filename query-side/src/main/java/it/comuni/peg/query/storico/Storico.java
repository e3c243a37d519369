package it.comuni.peg.query.storico;

import java.time.Instant;
import java.util.List;

/**
 * The changes of one objective or of a whole PEG in recording order; for differenze, those
 * recorded after {@code da} and up to {@code a}.
 */
public record Storico(String obiettivoId, String ente, Integer anno, Instant da, Instant a, int totale,
                      List<VoceStorico> voci) {
}
