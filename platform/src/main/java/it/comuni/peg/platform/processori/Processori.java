package it.comuni.peg.platform.processori;

import it.comuni.peg.api.comune.NonTrovato;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The event processors of this process, their state, and the ops actions on them. Positions, lag and
 * stalls come from the tables every node shares ({@link TokenCondivisi}, {@link SorveglianzaSegmenti}):
 * true whichever node asks, also for a segment held elsewhere or by nobody.
 */
@Component
public class Processori {

    private final EventProcessingConfiguration configurazione;
    private final JdbcTemplate jdbc;
    private final TokenCondivisi token;
    private final SorveglianzaSegmenti sorveglianza;
    private final Battiti battiti;

    public Processori(EventProcessingConfiguration configurazione, JdbcTemplate jdbc, TokenCondivisi token,
                      SorveglianzaSegmenti sorveglianza, Battiti battiti) {
        this.configurazione = configurazione;
        this.jdbc = jdbc;
        this.token = token;
        this.sorveglianza = sorveglianza;
        this.battiti = battiti;
    }

    public List<String> nomi() {
        return configurazione.eventProcessors().keySet().stream().sorted().toList();
    }

    /** Every processor of this process, by name ({@link StatoProcessore}); a database that is away fails the call. */
    public List<StatoProcessore> stati() {
        long testa = testa();
        Map<String, Long> parcheggiati = deadLetters();
        return nomi().stream().map(nome -> stato(processore(nome), testa, parcheggiati.getOrDefault(nome, 0L))).toList();
    }

    /** One processor of this process; {@link NonTrovato} (404) for a name this process does not run. */
    public StatoProcessore stato(String nome) {
        return stato(processore(nome), testa(), deadLetters(nome));
    }

    public StatoProcessore ferma(String nome) {
        processore(nome).shutDown();
        return stato(nome);
    }

    public StatoProcessore avvia(String nome) {
        processore(nome).start();
        return stato(nome);
    }

    public EventProcessor processore(String nome) {
        return configurazione.eventProcessor(nome)
                .orElseThrow(() -> new NonTrovato("Nessun processore di eventi di nome '" + nome + "'"));
    }

    /** The highest global index in the store: where every processor should be. */
    public long testa() {
        return token.testa();
    }

    /** The position of the slowest segment, read from the token store shared by every node. */
    public Long posizione(String nome) {
        return token.posizione(nome);
    }

    private StatoProcessore stato(EventProcessor processore, long testa, long parcheggiati) {
        String nome = processore.getName();
        Long posizione = posizione(nome);
        Long ritardo = posizione == null ? null : Math.max(0, testa - posizione);
        List<StatoSegmento> segmenti = sorveglianza.stati(nome, true);
        long fermoDaSecondi = StatoSegmento.stalloPiuLungo(segmenti);
        if (processore instanceof StreamingEventProcessor streaming) {
            return new StatoProcessore(nome, processore.isRunning(), processore.isError(), streaming.isReplaying(),
                    streaming.processingStatus().size(), segmenti.size(), posizione, testa, ritardo, parcheggiati,
                    fermoDaSecondi, segmenti, battiti.vivi(nome));
        }
        // a subscribing processor (the command side's organigrammi tables) handles each event in the unit of
        // work that publishes it: never behind the store, though it has no position in the token store
        return new StatoProcessore(nome, processore.isRunning(), processore.isError(), false, 0, 0, posizione, testa, 0L,
                parcheggiati, fermoDaSecondi, segmenti, battiti.vivi(nome));
    }

    /** How many events of {@code nome} are parked in its dead-letter queue. */
    public long deadLetters(String nome) {
        return deadLetters().getOrDefault(nome, 0L);
    }

    private Map<String, Long> deadLetters() {
        return jdbc.query("SELECT processing_group, COUNT(*) FROM dead_letter_entry GROUP BY processing_group",
                        (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
