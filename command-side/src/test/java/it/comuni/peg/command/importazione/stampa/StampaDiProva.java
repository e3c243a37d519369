package it.comuni.peg.command.importazione.stampa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real print, a public document, copied under src/test/resources so that tests need nothing else. */
public final class StampaDiProva {

    public static final String RISORSA = "/stampe/capannori-2023-obiettivi-peg-straordinari.txt";

    private StampaDiProva() {
    }

    public static byte[] contenuto() {
        try (InputStream in = StampaDiProva.class.getResourceAsStream(RISORSA)) {
            if (in == null) {
                throw new IllegalStateException("Manca la risorsa " + RISORSA);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
