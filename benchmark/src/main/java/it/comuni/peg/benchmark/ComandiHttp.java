package it.comuni.peg.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * RegistraConsuntivo through the real HTTP API, as the dirigente of each objective (a JWT naming
 * their user, whose accesso in the ente makes them the persona that holds the settore's incarico:
 * every command reads both, as in production), spread over many objectives: request n goes to objective n mod T, so concurrent
 * requests never meet on one aggregate. Each records a back-dated month of the open phase with 0%
 * (nothing done yet), which keeps progress cumulative whatever month the store already holds.
 * {@link #soglia} sends the very same requests to {@link ComandoVuoto} instead (the floor).
 */
final class ComandiHttp {

    private static final String COMANDI = "/api/obiettivi";

    private final HttpClient http;
    private final String base;
    private final String prefisso;
    private final EmittenteToken token;
    private final List<ObiettivoSintetico> bersagli;
    private final YearMonth primoMese;
    private final AtomicLong progressivo = new AtomicLong();
    final AtomicLong accettati = new AtomicLong();
    final AtomicLong rifiutati = new AtomicLong();

    private ComandiHttp(HttpClient http, String base, String prefisso, EmittenteToken token,
                        List<ObiettivoSintetico> bersagli, int anno) {
        this.http = http;
        this.base = base;
        this.prefisso = prefisso;
        this.token = token;
        this.bersagli = bersagli;
        this.primoMese = YearMonth.of(anno - 1, 12);
    }

    /** RegistraConsuntivo, to {@code base}/api/obiettivi/{id}/fasi/{n}/consuntivi. */
    static ComandiHttp comandi(HttpClient http, String base, EmittenteToken token, List<ObiettivoSintetico> bersagli, int anno) {
        return new ComandiHttp(http, base, COMANDI, token, bersagli, anno);
    }

    /** The same requests (users, tokens, paths, bodies) to the floor, which only reads them. */
    static ComandiHttp soglia(HttpClient http, String base, EmittenteToken token, List<ObiettivoSintetico> bersagli, int anno) {
        return new ComandiHttp(http, base, ComandoVuoto.PERCORSO, token, bersagli, anno);
    }

    EsitoLivello misura(int concorrenza, Duration durata) throws InterruptedException {
        return Carico.esegui(concorrenza, durata, progressivo, this::invia);
    }

    private boolean invia(long n) throws Exception {
        ObiettivoSintetico o = bersagli.get((int) (n % bersagli.size()));
        YearMonth mese = primoMese.minusMonths(n / bersagli.size());
        HttpRequest richiesta = HttpRequest.newBuilder(URI.create(base + prefisso + "/" + o.id + "/fasi/" + o.faseAperta() + "/consuntivi"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", token.bearer(o.utenteDirigente))
                .POST(HttpRequest.BodyPublishers.ofString("{\"mese\":\"" + mese + "\",\"svolta\":false,\"percentuale\":0,"
                        + "\"note\":\"Consuntivo arretrato\"}"))
                .build();
        HttpResponse<String> risposta = http.send(richiesta, HttpResponse.BodyHandlers.ofString());
        if (risposta.statusCode() == 200) {
            accettati.incrementAndGet();
            return true;
        }
        rifiutati.incrementAndGet();
        return false;
    }
}
