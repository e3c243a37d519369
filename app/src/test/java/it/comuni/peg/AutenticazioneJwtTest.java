package it.comuni.peg;

import it.comuni.peg.platform.sicurezza.AccessiUtenti;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.support.EntiDiProva;
import tools.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import it.comuni.peg.ClienteHttp.Risposta;
import it.comuni.peg.platform.test.MariaDbDiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production authentication: JWTs of the ente's identity provider, checked against a JWKS that
 * the test itself generates and serves; the user name and an installation role come from the token's
 * claims, the user's enti, roles and person from the table accesso.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PegApplication.class)
@ActiveProfiles("test")
class AutenticazioneJwtTest {

    private static final RSAKey CHIAVE = genera("ente");
    private static final RSAKey ALTRA_CHIAVE = genera("intruso");
    private static final HttpServer JWKS = avviaJwks();

    @DynamicPropertySource
    static void proprieta(DynamicPropertyRegistry registry) {
        MariaDbDiTest.registra(registry);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void fermaJwks() {
        JWKS.stop(0);
    }

    @LocalServerPort
    int porta;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccessiUtenti accessi;

    @Test
    void aDirigenteAuthenticatedByTheEntesProviderRecordsProgressOnTheirObjectives() throws Exception {
        ClienteHttp http = new ClienteHttp(porta);
        // who the provider's users are in the ente is the installation's data, not the token's claims
        accessi.concedi("m.gentili", new Accesso(EntiDiProva.PROVA, Ruolo.DIRIGENTE, "M001"), "test");
        accessi.concedi("a.bianchi", new Accesso(EntiDiProva.PROVA, Ruolo.DIRIGENTE, "M002"), "test");
        accessi.concedi("nucleo1", new Accesso(EntiDiProva.PROVA, Ruolo.NUCLEO, null), "test");
        String id = http.post("controllo", "/api/obiettivi", ComandiHttpTest.OBIETTIVO.formatted(YearMonth.now().getYear()))
                .json().get("id").asText();
        http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Fase\"}");
        String consuntivo = "{\"mese\":\"" + YearMonth.now() + "\",\"svolta\":true,\"percentuale\":10}";
        String percorso = "/api/obiettivi/" + id + "/fasi/1/consuntivi";

        // a role or person claimed by the token counts for nothing: "NUCLEO" here, yet m.gentili records as dirigente
        Risposta accettato = http.post(null, percorso, consuntivo,
                bearer(token(CHIAVE, "m.gentili", "NUCLEO", "QUALCUN ALTRO", Instant.now().plusSeconds(300))));
        assertThat(accettato.stato()).as(accettato.toString()).isEqualTo(200);
        byte[] metadati = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 2", byte[].class, id);
        var letti = new ObjectMapper().readTree(metadati);
        assertThat(letti.get("utente").asText()).isEqualTo("m.gentili");
        assertThat(letti.get("ente").asText()).isEqualTo(EntiDiProva.PROVA);
        assertThat(letti.get("ruolo").asText()).isEqualTo("DIRIGENTE");
        assertThat(letti.get("persona").asText()).isEqualTo("M001");

        String altroMese = "{\"mese\":\"" + YearMonth.now().minusMonths(1) + "\",\"svolta\":true,\"percentuale\":5}";
        assertThat(http.post(null, percorso, altroMese,
                bearer(token(CHIAVE, "a.bianchi", "DIRIGENTE", "GENTILI LUCA", Instant.now().plusSeconds(300)))).stato())
                .as("a dirigente of another settore, whatever name the token claims").isEqualTo(403);
        assertThat(http.post(null, percorso, altroMese,
                bearer(token(CHIAVE, "nucleo1", "DIRIGENTE", null, Instant.now().plusSeconds(300)))).stato()).isEqualTo(403);
        assertThat(http.post(null, percorso, altroMese,
                bearer(token(CHIAVE, "m.gentili", "DIRIGENTE", null, Instant.now().plusSeconds(300)))).stato())
                .isEqualTo(200);
        assertThat(http.post(null, percorso, altroMese,
                bearer(token(ALTRA_CHIAVE, "m.gentili", null, null, Instant.now().plusSeconds(300)))).stato())
                .as("signed by a key the provider does not publish").isEqualTo(401);
        assertThat(http.post(null, percorso, altroMese,
                bearer(token(CHIAVE, "m.gentili", null, null, Instant.now().minusSeconds(300)))).stato())
                .as("expired").isEqualTo(401);
        assertThat(http.post(null, percorso, altroMese,
                bearer(token(CHIAVE, "sconosciuto", "DIRIGENTE", null, Instant.now().plusSeconds(300)))).stato())
                .as("a user of no ente: the objective is not theirs to see").isEqualTo(404);
        // the installation's roles do come from the token
        assertThat(http.get(null, "/api/admin/processori", bearer(token(CHIAVE, "admin1", "AMMINISTRATORE", null,
                Instant.now().plusSeconds(300)))).stato()).isEqualTo(200);
        assertThat(http.get(null, "/api/admin/processori", bearer(token(CHIAVE, "m.gentili", null, null,
                Instant.now().plusSeconds(300)))).stato()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id))
                .isEqualTo(4);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static String token(RSAKey chiave, String utente, String ruolo, String persona, Instant scadenza) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("sub-" + utente).issuer("https://idp.ente.example")
                .claim("preferred_username", utente)
                .issueTime(Date.from(Instant.now().minusSeconds(600))).expirationTime(Date.from(scadenza));
        if (ruolo != null) {
            claims.claim("ruolo", ruolo);
        }
        if (persona != null) {
            claims.claim("persona", persona);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(chiave.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(chiave));
        return jwt.serialize();
    }

    private static RSAKey genera(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer avviaJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(CHIAVE.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", scambio -> {
                scambio.getResponseHeaders().add("Content-Type", "application/json");
                scambio.sendResponseHeaders(200, jwks.length);
                scambio.getResponseBody().write(jwks);
                scambio.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
