package it.comuni.peg.query.replay;

import it.comuni.peg.platform.processori.Battiti;
import it.comuni.peg.query.proiezione.Disponibilita;
import it.comuni.peg.query.proiezione.Proiezioni;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * How the processes that run the same projections on one database make way for a rebuild asked of
 * one of them (Axon's token reset needs every segment of the processor: AxonFramework issue 550).
 * <ol>
 * <li>The asking process writes a row per projection in {@code pausa_proiezione} ({@link #chiedi});
 * a row already there, live, of another process is a conflict (that process is rebuilding it).</li>
 * <li>Every process checks the rows every {@code peg.proiezioni.pausa.controllo} (1 s): while a live
 * row names another process, it stops its processor of that projection, which releases its segments,
 * and its reads of it answer 503 (the rows are being rewritten under them).</li>
 * <li>The asking process claims every segment, rebuilds, and renews its rows at each check meanwhile;
 * at the end it deletes them ({@link #rilascia}).</li>
 * <li>The others see the row gone, start their processor and answer again. If the asking process dies,
 * its rows expire after {@code peg.proiezioni.pausa.durata} (30 s) without renewal, and the others
 * resume all the same.</li>
 * </ol>
 * Expiry is set and compared with the database's UTC clock: neither the processes' zones nor their
 * clocks' drift play a part.
 */
@Component
public class Pause {

    private static final Logger log = LoggerFactory.getLogger(Pause.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transazione;
    private final EventProcessingConfiguration processori;
    private final Disponibilita disponibilita;
    private final long durataMicros;
    /** The projections whose rows this process holds (it is rebuilding them, or about to). */
    private final Set<String> mie = ConcurrentHashMap.newKeySet();
    /** The projections this process has paused for another's rebuild. */
    private final Set<String> sospese = ConcurrentHashMap.newKeySet();

    public Pause(JdbcTemplate jdbc, PlatformTransactionManager transazioni, EventProcessingConfiguration processori,
                 Disponibilita disponibilita, @Value("${peg.proiezioni.pausa.durata:PT30S}") Duration durata) {
        this.jdbc = jdbc;
        this.transazione = new TransactionTemplate(transazioni);
        this.processori = processori;
        this.disponibilita = disponibilita;
        this.durataMicros = durata.toNanos() / 1_000;
    }

    /**
     * Asks every other process to pause {@code proiezioni}: all of them or none. Throws
     * {@link RicostruzioneRifiutata} when another process holds a live row for one of them.
     */
    public void chiedi(List<String> proiezioni) {
        try {
            transazione.executeWithoutResult(s -> {
                for (String p : proiezioni) {
                    jdbc.update("DELETE FROM pausa_proiezione WHERE proiezione = ? AND (scade_il <= UTC_TIMESTAMP(6) OR richiedente = ?)",
                            p, Battiti.NODO);
                    jdbc.update("INSERT INTO pausa_proiezione (proiezione, richiedente, scade_il)"
                            + " VALUES (?, ?, UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND)", p, Battiti.NODO, durataMicros);
                }
            });
        } catch (DuplicateKeyException e) {
            Map<String, String> altrui = altrui();
            List<String> occupate = proiezioni.stream().filter(altrui::containsKey).toList();
            List<String> processi = occupate.stream().map(altrui::get).distinct().toList();
            throw new RicostruzioneRifiutata("La proiezione '" + String.join("', '", occupate) + "' è già in ricostruzione"
                    + " dal processo " + String.join(", ", processi) + ": riprovare al termine", occupate, processi);
        }
        mie.addAll(proiezioni);
    }

    /** The rebuild of {@code proiezione} is over (or abandoned): the other processes may resume it. */
    public void rilascia(String proiezione) {
        mie.remove(proiezione);
        try {
            jdbc.update("DELETE FROM pausa_proiezione WHERE proiezione = ? AND richiedente = ?", proiezione, Battiti.NODO);
        } catch (RuntimeException e) {
            // the database is away: the next check deletes it, or it expires
            log.warn("Pausa della proiezione {} non cancellata ({}): lo sarà al prossimo controllo", proiezione, e.toString());
        }
    }

    /** Renews this process's rows, and pauses or resumes its processors as the other processes' rows say. */
    @Scheduled(initialDelayString = "${peg.proiezioni.pausa.controllo:PT1S}", fixedDelayString = "${peg.proiezioni.pausa.controllo:PT1S}")
    public void controlla() {
        Map<String, String> altrui;
        try {
            for (String p : jdbc.queryForList("SELECT proiezione FROM pausa_proiezione WHERE richiedente = ?", String.class, Battiti.NODO)) {
                if (mie.contains(p)) {
                    jdbc.update("UPDATE pausa_proiezione SET scade_il = UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND"
                            + " WHERE proiezione = ? AND richiedente = ?", durataMicros, p, Battiti.NODO);
                } else {
                    jdbc.update("DELETE FROM pausa_proiezione WHERE proiezione = ? AND richiedente = ?", p, Battiti.NODO);
                }
            }
            altrui = altrui();
        } catch (RuntimeException e) {
            // the database is away: nobody can rebuild meanwhile, leave everything as it is
            log.debug("Controllo delle pause non riuscito: {}", e.toString());
            return;
        }
        for (String p : Proiezioni.TUTTE) {
            Optional<StreamingEventProcessor> processore = processori.eventProcessor(p, StreamingEventProcessor.class);
            if (processore.isEmpty()) {
                continue;
            }
            if (altrui.containsKey(p) && sospese.add(p)) {
                disponibilita.sospendi(p);
                log.info("Proiezione {} in ricostruzione dal processo {}: processore fermo, segmenti rilasciati", p, altrui.get(p));
                processore.get().shutDown();
            } else if (!altrui.containsKey(p) && sospese.remove(p)) {
                processore.get().start();
                disponibilita.riprendi(p);
                log.info("Proiezione {}: ricostruzione altrove terminata, processore riavviato", p);
            }
        }
    }

    /** The live rows of the other processes: projection → the process rebuilding it. */
    private Map<String, String> altrui() {
        return jdbc.query("SELECT proiezione, richiedente FROM pausa_proiezione WHERE scade_il > UTC_TIMESTAMP(6) AND richiedente <> ?",
                        (rs, i) -> Map.entry(rs.getString(1), rs.getString(2)), Battiti.NODO)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
