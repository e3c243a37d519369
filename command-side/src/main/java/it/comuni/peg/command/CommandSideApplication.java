package it.comuni.peg.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side alone: accepts commands over HTTP and appends events. Several of these can
 * run against one MariaDB beside any number of query-side processes (the scaled-out topology).
 */
@SpringBootApplication(scanBasePackages = {"it.comuni.peg.command", "it.comuni.peg.platform"})
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
