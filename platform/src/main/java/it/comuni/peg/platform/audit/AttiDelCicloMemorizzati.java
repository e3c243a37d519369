package it.comuni.peg.platform.audit;

import it.comuni.peg.api.valutazione.AttoDelCiclo;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;

/**
 * Finds the stored events that are acts of the cycle ({@link AttoDelCiclo}) by their payload type,
 * as the store holds it (the class name: the events are serialized by Jackson, which names the class),
 * without deserializing anything. The event classes implementing the interface are found once, on
 * the classpath under {@code it.comuni.peg}: a new act only has to implement it.
 */
@Component
public class AttiDelCicloMemorizzati {

    private final JdbcTemplate jdbc;
    private final List<String> tipi;

    public AttiDelCicloMemorizzati(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        var scansione = new ClassPathScanningCandidateComponentProvider(false);
        scansione.addIncludeFilter(new AssignableTypeFilter(AttoDelCiclo.class));
        this.tipi = scansione.findCandidateComponents("it.comuni.peg").stream().map(BeanDefinition::getBeanClassName)
                .filter(Objects::nonNull).sorted().toList();
    }

    /** The payload types that are acts (class names). */
    public List<String> tipi() {
        return tipi;
    }

    /** The global index of the first act in ({@code dopo}, {@code fino}], if any. */
    Long primoTra(long dopo, long fino) {
        if (tipi.isEmpty() || fino <= dopo) {
            return null;
        }
        String segnaposto = String.join(",", java.util.Collections.nCopies(tipi.size(), "?"));
        Object[] parametri = new Object[tipi.size() + 2];
        parametri[0] = dopo;
        parametri[1] = fino;
        for (int i = 0; i < tipi.size(); i++) {
            parametri[i + 2] = tipi.get(i);
        }
        return jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index > ? AND global_index <= ?"
                + " AND payload_type IN (" + segnaposto + ") ORDER BY global_index LIMIT 1", Long.class, parametri)
                .stream().findFirst().orElse(null);
    }
}
