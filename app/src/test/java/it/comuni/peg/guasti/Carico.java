package it.comuni.peg.guasti;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A continuous load of commands, each unique (a new person assigned to an objective) and sent with
 * its own Idempotency-Key, so that each can be found in the store by its key and retried safely;
 * optionally beside it a load of reads (an objective's scheda and storico, in turn). Records what
 * every request got back and how long it took.
 */
final class Carico {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One command sent: its key, where, what came back (-1: no answer at all, and the problem if refused), when and how long. */
    record Invio(String chiave, String percorso, String corpo, int stato, String tipo, String riprova, long inizioMs, long durataMs,
                 String problema) {
        boolean accettato() {
            return stato >= 200 && stato < 300;
        }
    }

    /** One read: what came back (-1: no answer at all), when and how long. */
    record Lettura(String percorso, int stato, String tipo, String riprova, long inizioMs, long durataMs) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final IntSupplier porta;
    private final List<String> obiettivi;
    private final int anno;
    private final String prefisso;
    private final AtomicBoolean attivo = new AtomicBoolean();
    private final AtomicInteger progressivo = new AtomicInteger();
    private final List<Invio> invii = Collections.synchronizedList(new ArrayList<>());
    private final List<Lettura> letture = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> thread = new ArrayList<>();
    private final Map<String, Boolean> inVolo = new ConcurrentHashMap<>();

    Carico(IntSupplier porta, List<String> obiettivi, int anno, String prefisso) {
        this.porta = porta;
        this.obiettivi = obiettivi;
        this.anno = anno;
        this.prefisso = prefisso;
    }

    /** Starts {@code client} threads that send commands, each waiting for its answer before the next. */
    void avvia(int client) {
        avvia(client, this::ciclo, "carico-");
    }

    /** Adds {@code client} threads that read, each waiting for its answer before the next read. */
    void avviaLetture(int client) {
        avvia(client, this::cicloLetture, "letture-");
    }

    private void avvia(int client, Runnable ciclo, String nome) {
        attivo.set(true);
        for (int i = 0; i < client; i++) {
            Thread t = new Thread(ciclo, nome + prefisso + "-" + i);
            t.setDaemon(true);
            t.start();
            thread.add(t);
        }
    }

    /** Stops sending and waits for the requests in flight: each ends within the HTTP timeout. */
    void ferma() throws InterruptedException {
        attivo.set(false);
        for (Thread t : thread) {
            t.join(60_000);
        }
        thread.clear();
    }

    List<Invio> invii() {
        synchronized (invii) {
            return List.copyOf(invii);
        }
    }

    List<Lettura> letture() {
        synchronized (letture) {
            return List.copyOf(letture);
        }
    }

    private void cicloLetture() {
        int n = 0;
        while (attivo.get()) {
            n++;
            String obiettivo = obiettivi.get(n % obiettivi.size());
            letture.add(leggi("/api/obiettivi/" + obiettivo + (n % 2 == 0 ? "" : "/storico")));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Lettura leggi(String percorso) {
        long inizio = System.currentTimeMillis();
        HttpRequest richiesta = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + porta.getAsInt() + percorso))
                .timeout(Duration.ofSeconds(40))
                .header("Authorization", autorizzazione("nucleo"))
                .GET()
                .build();
        try {
            HttpResponse<String> r = http.send(richiesta, HttpResponse.BodyHandlers.ofString());
            return new Lettura(percorso, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Retry-After").orElse(null), inizio, System.currentTimeMillis() - inizio);
        } catch (IOException e) {
            return new Lettura(percorso, -1, e.toString(), null, inizio, System.currentTimeMillis() - inizio);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Lettura(percorso, -1, "interrotta", null, inizio, System.currentTimeMillis() - inizio);
        }
    }

    private void ciclo() {
        while (attivo.get()) {
            int n = progressivo.incrementAndGet();
            String obiettivo = obiettivi.get(n % obiettivi.size());
            String chiave = prefisso + "-" + n;
            String corpo = "{\"nome\":\"PERSONA " + chiave.toUpperCase() + "\",\"categoria\":\"C\",\"ruolo\":\"Tecnico\",\"inizio\":\""
                    + anno + "-01-01\",\"fine\":\"" + anno + "-12-31\"}";
            invii.add(invia(chiave, "/api/obiettivi/" + obiettivo + "/persone", corpo));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    Invio invia(String chiave, String percorso, String corpo) {
        long inizio = System.currentTimeMillis();
        HttpRequest richiesta = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + porta.getAsInt() + percorso))
                .timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/json")
                .header("Authorization", autorizzazione("controllo"))
                .header("Idempotency-Key", chiave)
                .POST(HttpRequest.BodyPublishers.ofString(corpo, StandardCharsets.UTF_8))
                .build();
        inVolo.put(chiave, true);
        try {
            HttpResponse<String> r = http.send(richiesta, HttpResponse.BodyHandlers.ofString());
            return new Invio(chiave, percorso, corpo, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Retry-After").orElse(null), inizio, System.currentTimeMillis() - inizio,
                    r.statusCode() >= 300 ? r.body() : null);
        } catch (IOException e) {
            return new Invio(chiave, percorso, corpo, -1, e.toString(), null, inizio, System.currentTimeMillis() - inizio, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Invio(chiave, percorso, corpo, -1, "interrotta", null, inizio, System.currentTimeMillis() - inizio, null);
        } finally {
            inVolo.remove(chiave);
        }
    }

    static String autorizzazione(String utente) {
        return "Basic " + Base64.getEncoder().encodeToString((utente + ":" + utente).getBytes(StandardCharsets.UTF_8));
    }

    /** The idempotency keys found in the store, with how many events carry each. */
    static Map<String, Integer> chiaviNelloStore(List<byte[]> metadati) throws IOException {
        Map<String, Integer> chiavi = new java.util.HashMap<>();
        for (byte[] m : metadati) {
            JsonNode meta = JSON.readTree(m);
            if (meta.hasNonNull("chiaveIdempotenza")) {
                chiavi.merge(meta.get("chiaveIdempotenza").asText(), 1, Integer::sum);
            }
        }
        return chiavi;
    }
}
