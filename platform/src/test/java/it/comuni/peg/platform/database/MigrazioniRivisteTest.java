package it.comuni.peg.platform.database;

import it.comuni.peg.platform.test.MariaDbDiTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database that applied a migration before its revision validates and migrates after it; one
 * whose history differs in any other way still fails Flyway's validation.
 */
class MigrazioniRivisteTest {

    @Test
    void theListedChecksumsAreThoseFlywayComputesForTheFilesAsShipped() throws IOException {
        for (MigrazioniRiviste.Revisione r : MigrazioniRiviste.REVISIONI) {
            var file = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V" + r.versione() + "__*.sql");
            assertThat(file).hasSize(1);
            int calcolato = ChecksumCalculator.calculate(new ClassPathResource(Location.fromPath("classpath:", "db/migration"),
                    "db/migration/" + file[0].getFilename(), getClass().getClassLoader(), StandardCharsets.UTF_8));
            assertThat(calcolato).as("checksum di V%s", r.versione()).isEqualTo(r.checksumDopo());
        }
    }

    @Test
    void aDatabaseThatRanTheOldTextValidatesAndNothingElseIsForgiven() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(MariaDbDiTest.nuovoDatabase(), MariaDbDiTest.utente(),
                MariaDbDiTest.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        MigrazioniRiviste.Revisione v1 = MigrazioniRiviste.REVISIONI.get(0);
        jdbc.update("UPDATE flyway_schema_history SET checksum = ? WHERE version = ?", v1.checksumPrima(), v1.versione());

        // without the reconciliation Flyway refuses the revised file: what the callback is for
        assertThatThrownBy(() -> Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().validate())
                .isInstanceOf(FlywayException.class);

        Flyway conRevisioni = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .callbacks(new MigrazioniRiviste()).load();
        conRevisioni.validate();
        assertThat(conRevisioni.migrate().migrationsExecuted).isZero();
        assertThat(jdbc.queryForObject("SELECT checksum FROM flyway_schema_history WHERE version = ?", Integer.class, v1.versione()))
                .isEqualTo(v1.checksumDopo());

        jdbc.update("UPDATE flyway_schema_history SET checksum = ? WHERE version = ?", 12345, v1.versione());
        assertThatThrownBy(conRevisioni::validate).isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch");
    }
}
