package it.comuni.peg.benchmark;

import java.util.Arrays;

/** Latencies in nanoseconds, read as percentiles in milliseconds (nearest rank). */
final class Latenze {

    private final long[] ordinate;

    Latenze(long[] nanos) {
        this.ordinate = nanos.clone();
        Arrays.sort(ordinate);
    }

    int quante() {
        return ordinate.length;
    }

    double percentileMs(double p) {
        if (ordinate.length == 0) {
            return 0;
        }
        int rango = (int) Math.ceil(p / 100.0 * ordinate.length);
        return arrotonda(ordinate[Math.max(0, Math.min(ordinate.length - 1, rango - 1))] / 1e6);
    }

    static double arrotonda(double valore) {
        return Math.round(valore * 100) / 100.0;
    }
}
