package it.comuni.peg.web.peg;

import it.comuni.peg.query.smvp.Valutazione;
import it.comuni.peg.query.smvp.ValutazioneSmvpService;
import it.comuni.peg.query.valutazione.CicloAlIstante;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SMVP scores of a PEG's objectives on a day, by objective id, for "Il mio PEG": what the nucleo's
 * page shows, computed by the same service ({@link ValutazioneSmvpService#peg}) on the projection.
 */
@Component
public class PunteggiMiei {

    private final ValutazioneSmvpService smvp;
    private final CicloAlIstante cicli;
    private final Clock clock;

    public PunteggiMiei(ValutazioneSmvpService smvp, CicloAlIstante cicli, Clock clock) {
        this.smvp = smvp;
        this.cicli = cicli;
        this.clock = clock;
    }

    /** Each objective's scoring by id; empty when no version of the ente's SMVP is in force on {@code giorno}. */
    public Map<String, Valutazione.Obiettivo> di(String ente, int anno, LocalDate giorno) {
        if (cicli.ciclo(ente, anno, clock.instant()).smvpAl(giorno).isEmpty()) {
            return Map.of();
        }
        return smvp.peg(ente, anno, giorno, clock.instant(), true).esito().obiettivi().stream()
                .collect(Collectors.toMap(Valutazione.Obiettivo::obiettivo, Function.identity(), (a, b) -> a));
    }
}
