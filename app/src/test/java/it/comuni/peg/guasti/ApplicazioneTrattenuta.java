package it.comuni.peg.guasti;

import it.comuni.peg.PegApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The application with {@link Trattenimento}, for a child JVM: a command marked by its X-Request-Id
 * keeps its transaction open after inserting its events, so that the test can freeze the process
 * (kill -STOP) while the transaction holds its global index.
 */
public final class ApplicazioneTrattenuta {

    private ApplicazioneTrattenuta() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(PegApplication.class, Trattenimento.class).run(args);
    }
}
