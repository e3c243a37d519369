package it.comuni.peg.platform.processori;

import it.comuni.peg.api.comune.NonTrovato;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** The event processors of this process, their state, and the ops actions on them. */
@Component
public class Processori {

    private final EventProcessingConfiguration configurazione;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Battiti battiti;

    public Processori(EventProcessingConfiguration configurazione, JdbcTemplate jdbc, Serializer serializer, Battiti battiti) {
        this.configurazione = configurazione;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.battiti = battiti;
    }

    public List<String> nomi() {
        return configurazione.eventProcessors().keySet().stream().sorted().toList();
    }

    public List<StatoProcessore> stati() {
        long testa = testa();
        Map<String, Long> parcheggiati = deadLetters();
        return nomi().stream().map(nome -> stato(processore(nome), testa, parcheggiati.getOrDefault(nome, 0L))).toList();
    }

    public StatoProcessore stato(String nome) {
        return stato(processore(nome), testa(), deadLetters().getOrDefault(nome, 0L));
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
        Long testa = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
        return testa == null ? -1 : testa;
    }

    /** The position of the slowest segment, read from the token store shared by every node. */
    public Long posizione(String nome) {
        List<Long> posizioni = jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, i) -> {
                    byte[] token = rs.getBytes(1);
                    String tipo = rs.getString(2);
                    if (token == null || tipo == null) {
                        return -1L;
                    }
                    TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tipo, null));
                    OptionalLong posizione = tracking.position();
                    return posizione.isPresent() ? posizione.getAsLong() : -1L;
                }, nome);
        return posizioni.isEmpty() ? null : posizioni.stream().min(Comparator.naturalOrder()).orElse(null);
    }

    private StatoProcessore stato(EventProcessor processore, long testa, long parcheggiati) {
        String nome = processore.getName();
        Long posizione = posizione(nome);
        Long ritardo = posizione == null ? null : Math.max(0, testa - posizione);
        if (processore instanceof StreamingEventProcessor streaming) {
            Integer totali = jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = ?", Integer.class, nome);
            return new StatoProcessore(nome, processore.isRunning(), processore.isError(), streaming.isReplaying(),
                    streaming.processingStatus().size(), totali == null ? 0 : totali, posizione, testa, ritardo, parcheggiati,
                    battiti.vivi(nome));
        }
        return new StatoProcessore(nome, processore.isRunning(), processore.isError(), false, 0, 0, posizione, testa, ritardo,
                parcheggiati, battiti.vivi(nome));
    }

    private Map<String, Long> deadLetters() {
        return jdbc.query("SELECT processing_group, COUNT(*) FROM dead_letter_entry GROUP BY processing_group",
                        (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
