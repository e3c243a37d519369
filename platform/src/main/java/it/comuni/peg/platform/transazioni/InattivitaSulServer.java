package it.comuni.peg.platform.transazioni;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

/**
 * MariaDB's {@code idle_transaction_timeout} on every connection of the pool: the server rolls back
 * a transaction that has sent no statement for {@link LimiteTransazioni#inattivitaMassima()} and
 * closes its connection, so a process frozen mid-transaction (kill -STOP, a long GC pause, a network
 * that stopped delivering) can never commit late when it resumes. The driver sets it when it opens
 * each connection (Connector/J's {@code sessionVariables}, which leaves {@code connection-init-sql}
 * free for other uses); before the application starts, one connection of the pool is asked for its
 * value, and a server that does not apply it (an old MariaDB, a proxy that drops session variables,
 * a configuration that overrides it) stops the start with an Italian message.
 */
public class InattivitaSulServer implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware {

    static final String VARIABILE = "idle_transaction_timeout";
    private static final String PROPRIETA_DEL_DRIVER = "sessionVariables";

    private final LimiteTransazioni limite;
    private BeanFactory beanFactory;

    InattivitaSulServer(LimiteTransazioni limite) {
        this.limite = limite;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /** Adds the variable to the driver's session variables of every Hikari pool, before the pool opens. */
    @Override
    public Object postProcessAfterInitialization(Object bean, String nome) throws BeansException {
        if (bean instanceof HikariDataSource pool) {
            String impostazione = VARIABILE + "=" + limite.inattivitaMassima().toSeconds();
            String altre = pool.getDataSourceProperties().getProperty(PROPRIETA_DEL_DRIVER);
            pool.addDataSourceProperty(PROPRIETA_DEL_DRIVER, altre == null || altre.isBlank() ? impostazione : altre + "," + impostazione);
        }
        return bean;
    }

    /**
     * Asks a connection of each pool what the server applies.
     *
     * @throws IllegalStateException when it is not the configured number of seconds
     */
    @Override
    public void afterSingletonsInstantiated() {
        List<DataSource> pool = beanFactory.getBeanProvider(DataSource.class).orderedStream().toList();
        for (DataSource dataSource : pool) {
            Long applicato = new JdbcTemplate(dataSource).queryForObject("SELECT @@SESSION." + VARIABILE, Long.class);
            long atteso = limite.inattivitaMassima().toSeconds();
            if (applicato == null || applicato != atteso) {
                throw new IllegalStateException(("Il database non applica " + VARIABILE + " = %d alle connessioni dell'applicazione"
                        + " (ne applica %s): una transazione rimasta aperta da un processo fermo potrebbe confermare eventi in"
                        + " ritardo, che proiezioni e sigilli salterebbero. Serve MariaDB 10.3 o successivo, senza"
                        + " configurazioni che sovrascrivano la variabile di sessione.").formatted(atteso, applicato));
            }
        }
    }
}
