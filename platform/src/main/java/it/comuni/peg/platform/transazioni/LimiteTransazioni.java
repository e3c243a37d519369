package it.comuni.peg.platform.transazioni;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * How long a transaction that appends events may live, from its first command to its commit
 * ({@code peg.transazioni}). Why it must be bounded: a tracking processor that reads an event older
 * than the gap timeout forgets every hole below it, and the sealer seals past a hole older than the
 * gap timeout ({@code EventStoreConfig}, {@code Sigillatore}); an event whose transaction commits
 * later than that is then in no projection and in no seal, for good (AxonFramework issue 4829).
 * <p>
 * Two bounds make one: {@link #durataMassima()}, checked by the process itself on its queries and
 * before the commit (a busy or slow transaction); {@link #inattivitaMassima()},
 * enforced by MariaDB on every connection ({@code idle_transaction_timeout}), which rolls back a
 * transaction whose client stopped talking (a process frozen by {@code kill -STOP}, a GC pause, a
 * lost network) and closes its connection, so it cannot commit when the process resumes. A
 * transaction that took a global index therefore commits within {@link #limite()} of taking it,
 * or never.
 *
 * @param durataMassima      at most this long from the first command of a transaction to its commit;
 *                           default 30 s (a command takes milliseconds, one objective of an import a
 *                           few seconds at most on a healthy database)
 * @param inattivitaMassima  the server rolls back a transaction idle (no statement) this long, whole
 *                           seconds, at least 1; default 30 s
 */
@ConfigurationProperties("peg.transazioni")
public record LimiteTransazioni(@DefaultValue("30s") Duration durataMassima, @DefaultValue("30s") Duration inattivitaMassima) {

    /** How many times the bound fits in the gap timeout, at least: two transactions, twice over. */
    static final int QUOTE_DEL_GAP_TIMEOUT = 4;
    /** How many times the bound fits in the sealer's wait at a hole, at least: one transaction, twice over. */
    static final int QUOTE_DELL_ATTESA_DEI_SIGILLI = 2;

    public LimiteTransazioni {
        if (durataMassima.isNegative() || durataMassima.isZero()) {
            throw new IllegalArgumentException("peg.transazioni.durata-massima deve essere positiva: " + durataMassima);
        }
        if (inattivitaMassima.toMillis() % 1000 != 0 || inattivitaMassima.toSeconds() < 1) {
            // MariaDB's idle_transaction_timeout is whole seconds, and 0 would switch it off
            throw new IllegalArgumentException("peg.transazioni.inattivita-massima deve essere di secondi interi, almeno 1: "
                    + inattivitaMassima);
        }
    }

    /** The properties as bound from the environment, defaults included, before any bean exists. */
    public static LimiteTransazioni da(Environment ambiente) {
        return Binder.get(ambiente).bindOrCreate("peg.transazioni", LimiteTransazioni.class);
    }

    /** The longest a transaction can hold a global index before it commits or is rolled back. */
    public Duration limite() {
        return durataMassima.plus(inattivitaMassima);
    }

    /**
     * Refuses a bound that is not well below the gap timeout and the sealer's wait at a hole.
     * An event is skipped only if a processor reads, while it is still uncommitted, an event older
     * than the gap timeout: that one was written by a transaction that began before this one took
     * its index, so both together lasted longer than the gap timeout. Hence the bound must stay
     * under half of it, and under half of it again for the clocks of different processes (an event's
     * timestamp is its writer's, the threshold the reader's). The sealer waits at a hole from the
     * moment it sees it: one transaction, with the same margin.
     *
     * @throws IllegalStateException naming the properties and the values, in Italian
     */
    public void verificaRispetto(Duration gapTimeout, Duration attesaDeiSigilli) {
        if (limite().multipliedBy(QUOTE_DEL_GAP_TIMEOUT).compareTo(gapTimeout) > 0) {
            throw new IllegalStateException(("Limite delle transazioni troppo alto: peg.transazioni.durata-massima (%s) più"
                    + " peg.transazioni.inattivita-massima (%s) deve restare entro un quarto di peg.eventstore.gap-timeout (%s),"
                    + " altrimenti un evento confermato in ritardo può essere saltato per sempre da proiezioni e sigilli."
                    + " Ridurre i due limiti o aumentare il gap timeout.").formatted(durataMassima, inattivitaMassima, gapTimeout));
        }
        if (limite().multipliedBy(QUOTE_DELL_ATTESA_DEI_SIGILLI).compareTo(attesaDeiSigilli) > 0) {
            throw new IllegalStateException(("Limite delle transazioni troppo alto: peg.transazioni.durata-massima (%s) più"
                    + " peg.transazioni.inattivita-massima (%s) deve restare entro la metà di peg.audit.attesa-buchi (%s),"
                    + " altrimenti il sigillatore può sigillare oltre un evento non ancora confermato."
                    + " Ridurre i due limiti o aumentare l'attesa.").formatted(durataMassima, inattivitaMassima, attesaDeiSigilli));
        }
    }
}
