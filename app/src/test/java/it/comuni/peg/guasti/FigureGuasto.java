package it.comuni.peg.guasti;

import it.comuni.peg.guasti.Carico.Invio;
import it.comuni.peg.guasti.Carico.Lettura;

import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * What a fault of the database did to a load of commands and reads, in figures. Times are epoch
 * milliseconds; the fault lasted from {@code inizioMs} to {@code fineMs} (the database ready again).
 * The recovery ends with the last request not answered 2xx, or with the fault if there was none
 * after it. "Dopo" is what started after the recovery, until the load stopped at {@code caricoFermoMs}.
 *
 * @param comandi        commands sent (writes), each with its Idempotency-Key
 * @param comandiOk      of which answered 2xx
 * @param comandi503     of which answered 503 (to retry)
 * @param letture        reads (scheda, storico)
 * @param lettureOk      of which answered 2xx
 * @param letture503     of which answered 503
 * @param altre          requests answered anything else, or not at all (none is acceptable)
 * @param p99ComandiDuranteMs p99 of the commands started during the fault, ms
 * @param p99LettureDuranteMs p99 of the reads started during the fault, ms
 * @param attesaPoolMassima   most threads seen waiting for a connection, during the fault and the recovery
 * @param ripresaMs      from the end of the fault to the end of the recovery, ms
 * @param attesaPoolDopoMs    the longest stretch with threads waiting for a connection after the recovery, ms
 * @param dopo           requests started after the recovery
 * @param dopoNonOk      of which not answered 2xx (none is acceptable)
 * @param p99DopoMs      p99 of the requests started after the recovery, ms
 * @param massimoDopoMs  the slowest of them, ms
 */
record FigureGuasto(long comandi, long comandiOk, long comandi503, long letture, long lettureOk, long letture503, long altre,
                    long p99ComandiDuranteMs, long p99LettureDuranteMs, int attesaPoolMassima, long ripresaMs,
                    long attesaPoolDopoMs, long dopo, long dopoNonOk, long p99DopoMs, long massimoDopoMs) {

    static FigureGuasto di(Carico carico, OsservatorePool pool, long inizioMs, long fineMs, long caricoFermoMs) {
        List<Invio> invii = carico.invii();
        List<Lettura> letture = carico.letture();
        long ultimoErrore = Stream.concat(
                        invii.stream().filter(i -> !ok(i.stato())).map(i -> i.inizioMs() + i.durataMs()),
                        letture.stream().filter(l -> !ok(l.stato())).map(l -> l.inizioMs() + l.durataMs()))
                .mapToLong(Long::longValue).max().orElse(0);
        long ripresoIl = Math.max(fineMs, ultimoErrore);
        List<Long> dopo = Stream.concat(
                invii.stream().filter(i -> i.inizioMs() > ripresoIl).map(i -> ok(i.stato()) ? i.durataMs() : -1),
                letture.stream().filter(l -> l.inizioMs() > ripresoIl).map(l -> ok(l.stato()) ? l.durataMs() : -1)).toList();
        return new FigureGuasto(invii.size(), invii.stream().filter(i -> ok(i.stato())).count(),
                invii.stream().filter(i -> i.stato() == 503).count(),
                letture.size(), letture.stream().filter(l -> ok(l.stato())).count(), letture.stream().filter(l -> l.stato() == 503).count(),
                invii.stream().filter(i -> !ok(i.stato()) && i.stato() != 503).count()
                        + letture.stream().filter(l -> !ok(l.stato()) && l.stato() != 503).count(),
                p99(invii.stream().filter(i -> i.inizioMs() >= inizioMs && i.inizioMs() <= fineMs).toList(), Invio::durataMs),
                p99(letture.stream().filter(l -> l.inizioMs() >= inizioMs && l.inizioMs() <= fineMs).toList(), Lettura::durataMs),
                pool.massimoInAttesa(inizioMs, ripresoIl), ripresoIl - fineMs, pool.attesaContinuaPiuLungaMs(ripresoIl, caricoFermoMs),
                dopo.size(), dopo.stream().filter(d -> d < 0).count(),
                p99(dopo, Long::longValue), dopo.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    private static boolean ok(int stato) {
        return stato >= 200 && stato < 300;
    }

    /** The 99th percentile (nearest rank) of the values, 0 for none. */
    private static <T> long p99(List<T> voci, ToLongFunction<T> valore) {
        long[] ordinati = voci.stream().mapToLong(valore).sorted().toArray();
        return ordinati.length == 0 ? 0 : ordinati[(int) Math.ceil(ordinati.length * 0.99) - 1];
    }

    /** One line for the log and the ops script: every figure, with its unit. */
    String riga(String guasto) {
        return ("%s: comandi %d (ok %d, 503 %d), letture %d (ok %d, 503 %d), altre risposte %d; p99 durante il guasto:"
                + " comandi %d ms, letture %d ms; connessioni attese da %d thread al massimo; ripresa %d ms dopo la fine del guasto;"
                + " dopo la ripresa %d richieste, %d non riuscite, p99 %d ms, massimo %d ms, attesa di connessioni continua al"
                + " massimo %d ms").formatted(guasto, comandi, comandiOk, comandi503, letture, lettureOk, letture503, altre,
                p99ComandiDuranteMs, p99LettureDuranteMs, attesaPoolMassima, ripresaMs, dopo, dopoNonOk, p99DopoMs, massimoDopoMs,
                attesaPoolDopoMs);
    }
}
