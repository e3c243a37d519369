package it.comuni.peg;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A plain HTTP client for the tests: what a real client sends, nothing Spring-specific. */
public final class ClienteHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ClienteHttp(int porta) {
        this.base = "http://127.0.0.1:" + porta;
    }

    public Risposta post(String utente, String percorso, String corpo) {
        return post(utente, percorso, corpo, Map.of());
    }

    public Risposta post(String utente, String percorso, String corpo, Map<String, String> intestazioni) {
        HttpRequest.Builder richiesta = HttpRequest.newBuilder(URI.create(base + percorso))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(corpo, StandardCharsets.UTF_8));
        return invia(utente, richiesta, intestazioni);
    }

    public Risposta postByte(String utente, String percorso, byte[] corpo, String tipo) {
        return postByte(utente, percorso, corpo, tipo, Map.of());
    }

    public Risposta postByte(String utente, String percorso, byte[] corpo, String tipo, Map<String, String> intestazioni) {
        HttpRequest.Builder richiesta = HttpRequest.newBuilder(URI.create(base + percorso))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", tipo)
                .POST(HttpRequest.BodyPublishers.ofByteArray(corpo));
        return invia(utente, richiesta, intestazioni);
    }

    /** A file as the import forms send it: multipart/form-data, in the part named "file". */
    public Risposta postFile(String utente, String percorso, String nomeFile, String tipoFile, byte[] contenuto,
                             Map<String, String> intestazioni) {
        String confine = "----peg" + System.nanoTime();
        java.io.ByteArrayOutputStream corpo = new java.io.ByteArrayOutputStream();
        corpo.writeBytes(("--" + confine + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + nomeFile + "\"\r\n"
                + "Content-Type: " + tipoFile + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        corpo.writeBytes(contenuto);
        corpo.writeBytes(("\r\n--" + confine + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return postByte(utente, percorso, corpo.toByteArray(), "multipart/form-data; boundary=" + confine, intestazioni);
    }

    public Risposta get(String utente, String percorso) {
        return get(utente, percorso, Map.of());
    }

    /** Any method with a JSON body (or none, when {@code corpo} is null). */
    public Risposta invia(String utente, String metodo, String percorso, String corpo) {
        HttpRequest.Builder richiesta = HttpRequest.newBuilder(URI.create(base + percorso)).timeout(Duration.ofSeconds(30))
                .method(metodo, corpo == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(corpo, StandardCharsets.UTF_8));
        if (corpo != null) {
            richiesta.header("Content-Type", "application/json");
        }
        return invia(utente, richiesta, Map.of());
    }

    /** A PUT of {@code corpo} as {@code tipo} (a document in YAML, say). */
    public Risposta put(String utente, String percorso, String corpo, String tipo) {
        HttpRequest.Builder richiesta = HttpRequest.newBuilder(URI.create(base + percorso)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", tipo)
                .PUT(HttpRequest.BodyPublishers.ofString(corpo, StandardCharsets.UTF_8));
        return invia(utente, richiesta, Map.of());
    }

    public Risposta get(String utente, String percorso, Map<String, String> intestazioni) {
        return invia(utente, HttpRequest.newBuilder(URI.create(base + percorso)).timeout(Duration.ofSeconds(30)).GET(), intestazioni);
    }

    /**
     * Waits, 30 seconds at most, until the objective's scheda read as {@code utente} holds {@code versione}
     * (the projections follow the commands asynchronously).
     *
     * @return false when it never did
     */
    public boolean schedaAllaVersione(String utente, String id, long versione) throws InterruptedException {
        return it.comuni.peg.support.Attesa.entro(Duration.ofSeconds(30), () -> {
            Risposta scheda = get(utente, "/api/obiettivi/" + id);
            return scheda.stato() == 200 && scheda.json().get("versione").asLong() == versione;
        });
    }

    /** A GET whose body is a file (a PDF, a DOCX): its bytes as sent. */
    public HttpResponse<byte[]> scarica(String utente, String percorso) {
        return manda(utente, HttpRequest.newBuilder(URI.create(base + percorso)).timeout(Duration.ofSeconds(60)).GET(), Map.of(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private Risposta invia(String utente, HttpRequest.Builder richiesta, Map<String, String> intestazioni) {
        HttpResponse<String> risposta = manda(utente, richiesta, intestazioni, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Risposta(risposta.statusCode(), risposta.body(), risposta.headers().map());
    }

    private <T> HttpResponse<T> manda(String utente, HttpRequest.Builder richiesta, Map<String, String> intestazioni,
                                      HttpResponse.BodyHandler<T> corpo) {
        if (utente != null) {
            // the test users' password is their name
            String credenziali = utente + ":" + utente;
            richiesta.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credenziali.getBytes(StandardCharsets.UTF_8)));
        }
        intestazioni.forEach(richiesta::header);
        try {
            return http.send(richiesta.build(), corpo);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Risposta(int stato, String corpo, Map<String, java.util.List<String>> intestazioni) {

        public JsonNode json() {
            try {
                return JSON.readTree(corpo);
            } catch (JacksonException e) {
                throw new IllegalStateException("Non JSON: " + corpo, e);
            }
        }

        public String intestazione(String nome) {
            return intestazioni.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(nome))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return stato + " " + corpo;
        }
    }
}
