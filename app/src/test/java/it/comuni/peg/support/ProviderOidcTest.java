package it.comuni.peg.support;

import it.comuni.oidcprova.UtenteDiProva;
import it.comuni.oidcprova.UtentiDiProva;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ProviderOidc} starts the test provider's jar as a process of its own, whose discovery and tokens are what
 * the application will be configured with, and ends it on close.
 */
class ProviderOidcTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void avviaIlProviderNeDaITokenELoFermaAllaChiusura() throws Exception {
        int portaApplicazione = ProcessoFiglio.portaLibera();
        String issuer;
        try (ProviderOidc provider = ProviderOidc.perApplicazione(portaApplicazione)) {
            issuer = provider.issuer();
            assertThat(issuer).isEqualTo("http://127.0.0.1:" + provider.porta());

            HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(
                    URI.create(issuer + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(discovery.statusCode()).isEqualTo(200);
            JsonNode documento = new ObjectMapper().readTree(discovery.body());
            assertThat(documento.get("issuer").asString()).isEqualTo(issuer);
            assertThat(documento.get("end_session_endpoint").asString()).isEqualTo(issuer + "/connect/logout");

            // the users' list, read from this classpath, says what the provider's tokens carry
            UtenteDiProva gentili = UtentiDiProva.carica().trova("m.gentili").orElseThrow();
            JwtDecoder decodificatore = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            Jwt token = decodificatore.decode(provider.token("m.gentili"));
            assertThat(token.getClaimAsString("preferred_username")).isEqualTo("m.gentili");
            assertThat(token.getClaimAsString("matricola")).isEqualTo(gentili.matricola()).isEqualTo("M001");
            assertThat(token.getClaimAsStringList("peg_ruoli")).isEqualTo(gentili.pegRuoli()).containsExactly("c_prova:DIRIGENTE");
            assertThat(token.getAudience()).containsExactly("peg");

            String scaduto = provider.tokenScaduto("m.gentili");
            assertThatThrownBy(() -> decodificatore.decode(scaduto)).isInstanceOf(JwtValidationException.class)
                    .hasMessageContaining("expired");
            assertThatThrownBy(() -> provider.token("nessuno.qui")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("404");
        }
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .build(), HttpResponse.BodyHandlers.discarding())).isInstanceOf(ConnectException.class);
    }

    @Test
    void senzaIlJarFallisceDicendoDiCostruireIlModulo() {
        String jar = System.getProperty(ProviderOidc.PROPRIETA_JAR);
        System.setProperty(ProviderOidc.PROPRIETA_JAR, "target/non-esiste/oidc-prova-exec.jar");
        try {
            assertThatThrownBy(() -> ProviderOidc.avvia(List.of("http://127.0.0.1:9/r"), List.of("http://127.0.0.1:9/u"), List.of()))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("non-esiste/oidc-prova-exec.jar")
                    .hasMessageContaining("Costruire il modulo oidc-prova");
        } finally {
            if (jar == null) {
                System.clearProperty(ProviderOidc.PROPRIETA_JAR);
            } else {
                System.setProperty(ProviderOidc.PROPRIETA_JAR, jar);
            }
        }
    }
}
