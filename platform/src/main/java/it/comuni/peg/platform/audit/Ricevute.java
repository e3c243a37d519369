package it.comuni.peg.platform.audit;

import it.comuni.peg.api.comune.NonTrovato;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Optional;

/**
 * The receipts other code puts on documents: the one for "now" (a checkpoint covering every event
 * stored at the call) and the one for an act of the cycle (the first checkpoint covering its event).
 * Both wait for the sealer, at most {@link #ATTESA}: beyond it (a hole in the global index being
 * waited out) the receipt covers what is sealed, and says so by its index.
 */
@Service
public class Ricevute {

    static final Duration ATTESA = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final Checkpointer checkpointer;
    private final Firmatario firmatario;
    private final ObjectProvider<Sigillatore> sigillatore;

    public Ricevute(JdbcTemplate jdbc, Checkpointer checkpointer, Firmatario firmatario, ObjectProvider<Sigillatore> sigillatore) {
        this.jdbc = jdbc;
        this.checkpointer = checkpointer;
        this.firmatario = firmatario;
        this.sigillatore = sigillatore;
    }

    /** Whether receipts can be issued here (a signing key is configured). */
    public boolean disponibili() {
        return firmatario.chiave().isPresent();
    }

    /**
     * The receipt of the store as it is now: the last checkpoint if it already covers every stored
     * event, else a new one (motivo RICHIESTA). Empty when nothing is stored yet.
     *
     * @throws RicevuteNonDisponibili without a signing key
     */
    public Optional<Ricevuta> adesso() {
        richiediChiave();
        Long ultimo = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        if (ultimo == null) {
            return Optional.empty();
        }
        attendiSigillo(ultimo);
        Optional<Checkpointer.Checkpoint> coprente = checkpointer.ultimo().filter(c -> c.indice() >= testaSigillata());
        return coprente.or(() -> prendi(Checkpointer.Motivo.RICHIESTA)).map(Checkpointer.Checkpoint::ricevuta);
    }

    /**
     * The receipt of the act stored as event {@code eventIdentifier}: the first checkpoint covering it,
     * taken now if none has been yet.
     *
     * @throws NonTrovato             when no such event is stored
     * @throws RicevuteNonDisponibili without a signing key
     */
    public Optional<Ricevuta> perEvento(String eventIdentifier) {
        richiediChiave();
        Long indice = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class,
                eventIdentifier).stream().findFirst().orElseThrow(() -> new NonTrovato("Nessun evento " + eventIdentifier + " nell'archivio"));
        return perIndice(indice);
    }

    /** The receipt covering the event with global index {@code indice}: the first checkpoint at or after it. */
    public Optional<Ricevuta> perIndice(long indice) {
        richiediChiave();
        Optional<Checkpointer.Checkpoint> esistente = checkpointer.primoCheCopre(indice);
        if (esistente.isPresent()) {
            return esistente.map(Checkpointer.Checkpoint::ricevuta);
        }
        attendiSigillo(indice);
        return checkpointer.primoCheCopre(indice).or(() -> prendi(Checkpointer.Motivo.ATTO))
                .filter(c -> c.indice() >= indice).map(Checkpointer.Checkpoint::ricevuta);
    }

    private Optional<Checkpointer.Checkpoint> prendi(Checkpointer.Motivo motivo) {
        Optional<Checkpointer.Checkpoint> preso = checkpointer.prendi(motivo);
        // another process was taking one at this moment: its checkpoint is as good
        return preso.isPresent() ? preso : checkpointer.ultimo();
    }

    private void richiediChiave() {
        if (!disponibili()) {
            throw new RicevuteNonDisponibili(firmatario.assenza());
        }
    }

    private void attendiSigillo(long indice) {
        long limite = System.nanoTime() + ATTESA.toNanos();
        while (testaSigillata() < indice && System.nanoTime() < limite) {
            Sigillatore s = sigillatore.getIfAvailable();
            if (s == null || s.sigilla() == 0) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private long testaSigillata() {
        Long testa = jdbc.queryForObject("SELECT MAX(global_index) FROM sigillo_evento", Long.class);
        return testa == null ? 0 : testa;
    }
}
