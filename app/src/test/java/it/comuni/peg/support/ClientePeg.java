package it.comuni.peg.support;

import tools.jackson.databind.JsonNode;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands and queries over HTTP, as the users of the test profile. */
public class ClientePeg {

    private final TestRestTemplate rest;

    public ClientePeg(TestRestTemplate rest) {
        this.rest = rest;
    }

    public JsonNode invia(String utente, String percorso, Map<String, ?> corpo) {
        ResponseEntity<JsonNode> r = rest.withBasicAuth(utente, utente).postForEntity(percorso, corpo, JsonNode.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).as("POST %s: %s", percorso, r.getBody()).isTrue();
        return r.getBody();
    }

    public ResponseEntity<JsonNode> prova(String utente, String percorso, Map<String, ?> corpo) {
        return rest.withBasicAuth(utente, utente).postForEntity(percorso, corpo, JsonNode.class);
    }

    public JsonNode leggi(String percorso) {
        ResponseEntity<JsonNode> r = rest.withBasicAuth("nucleo", "nucleo").getForEntity(percorso, JsonNode.class);
        assertThat(r.getStatusCode()).as("GET %s: %s", percorso, r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    public ResponseEntity<JsonNode> get(String percorso) {
        return rest.withBasicAuth("nucleo", "nucleo").getForEntity(percorso, JsonNode.class);
    }

    /** Until the scheda projection shows the objective at that version (it is eventually consistent). */
    public void attendiVersione(String id, long versione) {
        long limite = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < limite) {
            ResponseEntity<JsonNode> r = get("/api/obiettivi/" + id);
            if (r.getStatusCode() == HttpStatus.OK && r.getBody().get("versione").asLong() >= versione) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("La scheda " + id + " non ha raggiunto la versione " + versione);
    }
}
