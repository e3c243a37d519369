package it.comuni.peg.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;

/**
 * On a MariaDB Galera cluster, every read of the application must see what the cluster acknowledged
 * before it: the events an aggregate is rebuilt from, the stored answer of an Idempotency-Key, the
 * processors' tokens. A node applies other nodes' write sets asynchronously after certifying them,
 * so right after a failover the new writer may not have applied the last ones yet; with bit 1 of
 * {@code wsrep_sync_wait} (READ) each read first waits for them (MariaDB, "wsrep_sync_wait").
 * The cluster's configuration sets it ({@code ops/galera/cluster.sh}, ops/README.md "Galera"); here the
 * application refuses to start, in Italian, on a cluster node whose sessions do not have it. On a
 * server that is not a cluster node nothing is asked.
 */
@Component
public class LettureCausali implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(LettureCausali.class);
    /** Bit of wsrep_sync_wait for READ statements (SELECT, SHOW, BEGIN/START TRANSACTION). */
    static final int LETTURE = 1;

    private final List<DataSource> dataSources;

    public LettureCausali(List<DataSource> dataSources) {
        this.dataSources = dataSources;
    }

    /** @throws IllegalStateException when a Galera node's sessions read without waiting for the cluster */
    @Override
    public void afterSingletonsInstantiated() {
        for (DataSource dataSource : dataSources) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            if (!"ON".equalsIgnoreCase(variabile(jdbc, "wsrep_on"))) {
                continue;
            }
            String attesa = variabile(jdbc, "wsrep_sync_wait");
            if (attesa == null || (Integer.parseInt(attesa) & LETTURE) == 0) {
                throw new IllegalStateException("Il database è un nodo di un cluster Galera con wsrep_sync_wait = " + attesa
                        + ": dopo un failover una lettura potrebbe non vedere quanto il cluster ha già confermato."
                        + " Impostare wsrep_sync_wait = 1 nella configurazione dei nodi (ops/README.md, \"Galera\").");
            }
            LOG.info("Nodo di un cluster Galera: letture causali (wsrep_sync_wait = {})", attesa);
        }
    }

    /** A session variable's value, or null where the server does not have it (a build without wsrep). */
    private static String variabile(JdbcTemplate jdbc, String nome) {
        return jdbc.query("SHOW SESSION VARIABLES LIKE ?", (rs, i) -> rs.getString(2), nome).stream().findFirst().orElse(null);
    }
}
