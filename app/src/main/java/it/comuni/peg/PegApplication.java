package it.comuni.peg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The composition root: command side and query side in one process, on the embedded MariaDB
 * unless SPRING_DATASOURCE_URL names an external one. Lives in the root package so that the
 * components and entities of both sides are found.
 */
@SpringBootApplication
public class PegApplication {

    public static void main(String[] args) {
        SpringApplication.run(PegApplication.class, args);
    }
}
