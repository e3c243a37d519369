package it.comuni.peg.benchmark;

/** One concurrency level of a load: how many went through per second, and how long each took. */
record EsitoLivello(int concorrenza, long riusciti, long falliti, double alSecondo, double p50Ms, double p99Ms,
                    double maxMs) {

    static EsitoLivello di(int concorrenza, long riusciti, long falliti, double secondi, Latenze latenze) {
        return new EsitoLivello(concorrenza, riusciti, falliti, Latenze.arrotonda(riusciti / secondi),
                latenze.percentileMs(50), latenze.percentileMs(99), latenze.percentileMs(100));
    }
}
