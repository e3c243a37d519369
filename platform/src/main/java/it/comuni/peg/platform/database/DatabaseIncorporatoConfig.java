package it.comuni.peg.platform.database;

import ch.vorburger.exec.ManagedProcessException;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default: a real MariaDB started by the application itself, its data kept in a
 * folder between runs. Skipped as soon as {@code SPRING_DATASOURCE_URL} names an external one.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SenzaDatabaseEsterno.class)
@EnableConfigurationProperties(DatabaseIncorporatoProperties.class)
public class DatabaseIncorporatoConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseIncorporatoConfig.class);

    @Bean(destroyMethod = "stop")
    public MariaDbIncorporato mariaDbIncorporato(DatabaseIncorporatoProperties proprieta) throws Exception {
        long inizio = System.nanoTime();
        Path cartella = proprieta.cartella().toAbsolutePath();
        Files.createDirectories(cartella);
        List<String> argomenti = new ArrayList<>(List.of("--innodb-flush-log-at-trx-commit=1"));
        argomenti.addAll(proprieta.argomenti());
        MariaDbIncorporato db = MariaDbIncorporato.avvia(cartella, proprieta.porta(), argomenti.toArray(String[]::new));
        creaDatabase(db.getConfiguration().getPort(), proprieta.nome());
        log.info("MariaDB incorporato avviato in {} ms sulla porta {}, dati in {}",
                (System.nanoTime() - inizio) / 1_000_000, db.getConfiguration().getPort(), cartella);
        return db;
    }

    /** The DataSource depends on the database bean, so Spring closes the pool before stopping it. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(MariaDbIncorporato db, DatabaseIncorporatoProperties proprieta) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.mariadb.jdbc.Driver")
                .url(url(db.getConfiguration().getPort(), proprieta.nome()))
                .username("root")
                .password("")
                .build();
    }

    /** Over JDBC, not through the bundled mariadb client, which needs libncurses.so.5. */
    private static void creaDatabase(int porta, String nome) throws SQLException, ManagedProcessException {
        if (!nome.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Nome di database non valido: " + nome);
        }
        try (Connection connessione = DriverManager.getConnection(url(porta, ""), "root", "");
             Statement statement = connessione.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + nome
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private static String url(int porta, String database) {
        return "jdbc:mariadb://127.0.0.1:" + porta + "/" + database;
    }
}
