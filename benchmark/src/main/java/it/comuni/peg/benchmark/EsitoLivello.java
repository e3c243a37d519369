package it.comuni.peg.benchmark;

/**
 * One concurrency level of a load: how many went through per second, how long each took (ms), and
 * the CPU milliseconds the JVM and MariaDB spent per successful request during the level (the JVM's
 * share includes the in-process clients and, for commands, the processors handling the new events).
 */
record EsitoLivello(int concorrenza, long riusciti, long falliti, double alSecondo, double p50Ms, double p99Ms,
                    double maxMs, double cpuMsApp, double cpuMsDb) {

    static EsitoLivello di(int concorrenza, long riusciti, long falliti, double secondi, Latenze latenze, double[] cpu) {
        return new EsitoLivello(concorrenza, riusciti, falliti, Latenze.arrotonda(riusciti / secondi),
                latenze.percentileMs(50), latenze.percentileMs(99), latenze.percentileMs(100), cpu[0], cpu[1]);
    }

    /** JVM + MariaDB CPU per successful request, in ms. */
    double cpuMs() {
        return Latenze.arrotonda(cpuMsApp + cpuMsDb);
    }
}
