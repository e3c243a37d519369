package it.comuni.peg.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

/**
 * The scheda of one objective as known at random instants of its year, through the HTTP API as
 * the nucleo reads it (GET /api/obiettivi/{id}?asOf=, as {@link StoreSintetico#NUCLEO}, NUCLEO in the
 * objective's ente), one request at a time.
 */
final class AsOfHttp {

    private AsOfHttp() {
    }

    static Latenze misura(HttpClient http, String base, EmittenteToken token, String id, int anno, int letture,
                          long seme) throws Exception {
        Random caso = new Random(seme);
        String bearer = token.bearer(StoreSintetico.NUCLEO);
        Instant inizio = LocalDate.of(anno, 1, 28).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        long arco = Duration.ofDays(370).toSeconds();
        long[] tempi = new long[letture];
        for (int i = -letture / 10; i < letture; i++) {
            Instant istante = inizio.plusSeconds((long) (caso.nextDouble() * arco));
            HttpRequest richiesta = HttpRequest.newBuilder(URI.create(base + "/api/obiettivi/" + id + "?asOf=" + istante))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", bearer)
                    .GET().build();
            long t0 = System.nanoTime();
            HttpResponse<String> risposta = http.send(richiesta, HttpResponse.BodyHandlers.ofString());
            long durata = System.nanoTime() - t0;
            if (risposta.statusCode() != 200) {
                throw new IllegalStateException("Lettura as-of fallita: " + risposta.statusCode() + " " + risposta.body());
            }
            if (i >= 0) {
                tempi[i] = durata;
            }
        }
        return new Latenze(tempi);
    }
}
