package it.comuni.peg;

import it.comuni.peg.platform.test.MariaDbDiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The application refuses to start when the bound on transactions that append events is not well
 * below the gap timeout (here the default bound, 30 s + 30 s, against a gap timeout of 2 minutes):
 * before anything runs (not even the schema's migrations), saying which properties and why.
 */
class LimiteTransazioniAllAvvioTest {

    @Test
    void aGapTimeoutTooShortForTheBoundStopsTheStartWithAClearMessage() {
        String url = MariaDbDiTest.nuovoDatabase();
        Throwable rifiuto = catchThrowable(() -> {
            ConfigurableApplicationContext avviata = new SpringApplicationBuilder(PegApplication.class).profiles("test").run(
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + MariaDbDiTest.utente(),
                    "--spring.datasource.password=" + MariaDbDiTest.password(),
                    "--server.port=0",
                    "--peg.eventstore.gap-timeout=2m");
            avviata.close();
        });
        assertThat(rifiuto).as("avvio rifiutato").isNotNull();
        Throwable causa = rifiuto;
        while (causa.getCause() != null && !(causa instanceof IllegalStateException)) {
            causa = causa.getCause();
        }
        assertThat(causa).isInstanceOf(IllegalStateException.class);
        assertThat(causa.getMessage()).contains("peg.transazioni.durata-massima (PT30S)", "peg.transazioni.inattivita-massima (PT30S)",
                "un quarto di peg.eventstore.gap-timeout (PT2M)", "saltato per sempre");
        // refused before anything ran: not even the schema's migrations
        Long tabelle = new JdbcTemplate(new DriverManagerDataSource(url, MariaDbDiTest.utente(), MariaDbDiTest.password()))
                .queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()", Long.class);
        assertThat(tabelle).as("tabelle create").isZero();
    }
}
