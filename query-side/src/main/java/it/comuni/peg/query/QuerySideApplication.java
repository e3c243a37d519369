package it.comuni.peg.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The query side alone: projections fed by the event store and the query API. Several can run
 * against one MariaDB; they share the segments of each processor through the token store.
 */
@SpringBootApplication(scanBasePackages = {"it.comuni.peg.query", "it.comuni.peg.platform"})
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
