package it.comuni.peg.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.List;

/**
 * The embedded MariaDB: its data folder (kept between runs, wherever it is), port, database name
 * and extra mariadbd options.
 */
@ConfigurationProperties(prefix = "peg.database.incorporato")
public record DatabaseIncorporatoProperties(Path cartella, Integer porta, String nome, List<String> argomenti) {

    public DatabaseIncorporatoProperties {
        cartella = cartella == null ? Path.of("data") : cartella;
        porta = porta == null ? 3307 : porta;
        nome = nome == null ? "peg" : nome;
        // extra mariadbd options, e.g. a buffer pool sized for a national store (the benchmark)
        argomenti = argomenti == null ? List.of() : List.copyOf(argomenti);
    }
}
