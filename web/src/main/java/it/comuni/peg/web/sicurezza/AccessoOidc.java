package it.comuni.peg.web.sicurezza;

import it.comuni.peg.platform.sicurezza.Rivendicazioni;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pieces of the pages' sign-in at the ente's identity provider (OpenID Connect Core 1.0, authorization
 * code flow), each Spring Security's own, configured: the authorization request with PKCE (RFC 7636, S256)
 * even for a confidential client; the user read from the ID token's claims as {@link Rivendicazioni} says;
 * a failed sign-in sent back to the sign-in page with a reason the page words in Italian; logout that ends
 * the provider's session too (OpenID Connect RP-Initiated Logout 1.0).
 */
final class AccessoOidc {

    private static final Logger log = LoggerFactory.getLogger(AccessoOidc.class);

    /** Spring Security's base path of the authorization requests: {@code /oauth2/authorization/{registrationId}}. */
    static final String AUTORIZZAZIONE = "/oauth2/authorization";

    /** The OAuth2Error code of a sign-in refused for a claim this system needs. */
    static final String CLAIM_NON_VALIDO = "claim_non_valido";

    private AccessoOidc() {
    }

    /** The client registrations (providers) configured, in configuration order; empty when none is. */
    static List<ClientRegistration> registrazioni(ClientRegistrationRepository repository) {
        List<ClientRegistration> tutte = new ArrayList<>();
        if (repository instanceof Iterable<?> iterabile) {
            iterabile.forEach(r -> tutte.add((ClientRegistration) r));
        }
        return tutte;
    }

    /**
     * The origins ({@code scheme://host[:port]}) of the providers' authorization and end-session endpoints,
     * distinct, in configuration order: where the pages' forms may lead (CSP {@code form-action}).
     */
    static List<String> originiDeiFornitori(List<ClientRegistration> registrazioni) {
        java.util.LinkedHashSet<String> origini = new java.util.LinkedHashSet<>();
        for (ClientRegistration r : registrazioni) {
            origine(r.getProviderDetails().getAuthorizationUri()).ifPresent(origini::add);
            Object fine = r.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
            origine(fine == null ? null : fine.toString()).ifPresent(origini::add);
        }
        return List.copyOf(origini);
    }

    private static java.util.Optional<String> origine(String url) {
        if (url == null || url.isBlank()) {
            return java.util.Optional.empty();
        }
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() == null || uri.getHost() == null ? java.util.Optional.empty()
                : java.util.Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }

    /** Authorization requests with a PKCE code challenge (S256), whatever the client's authentication method. */
    static OAuth2AuthorizationRequestResolver richiesteConPkce(ClientRegistrationRepository repository) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(repository, AUTORIZZAZIONE);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /**
     * The user of an ID token: named by the claim {@code peg.sicurezza.claim.utente}, with the installation's
     * roles its claims give. A claim missing or unusable fails the sign-in with {@link #CLAIM_NON_VALIDO},
     * its description naming the claim.
     */
    static OAuth2UserService<OidcUserRequest, OidcUser> utenti(Rivendicazioni rivendicazioni) {
        OidcUserService delegato = new OidcUserService();
        return richiesta -> {
            OidcUser letto = delegato.loadUser(richiesta);
            try {
                rivendicazioni.utente(letto.getClaims());
                rivendicazioni.accessi(letto.getClaims());
            } catch (Rivendicazioni.ClaimNonValido e) {
                throw new OAuth2AuthenticationException(new OAuth2Error(CLAIM_NON_VALIDO, e.claim(), null), e.getMessage());
            }
            Set<GrantedAuthority> autorita = new HashSet<>(letto.getAuthorities());
            rivendicazioni.installazione(letto.getClaims()).forEach(r -> autorita.add(new SimpleGrantedAuthority(r.autorita())));
            return new DefaultOidcUser(autorita, letto.getIdToken(), letto.getUserInfo(), rivendicazioni.proprieta().utente());
        };
    }

    /**
     * Back to the sign-in page with {@code errore} = {@code stato} (the callback's state matches no
     * sign-in begun here: a forged or replayed callback, or one from another browser), {@code nonce}
     * (the ID token answers another request), {@code claim} (with {@code claim} = its name),
     * {@code annullato} (the person declined at the provider) or {@code fornitore} (anything else: the
     * provider's answer could not be used). Nothing is recorded by a failed sign-in.
     */
    static AuthenticationFailureHandler fallimento() {
        return (request, response, eccezione) -> {
            String codice = eccezione instanceof OAuth2AuthenticationException e ? e.getError().getErrorCode() : "";
            log.warn("Accesso OpenID Connect non riuscito: {} ({})", codice, eccezione.getMessage());
            UriComponentsBuilder url = UriComponentsBuilder.fromPath(request.getContextPath() + "/accesso");
            switch (codice) {
                case "authorization_request_not_found", "invalid_state_parameter" -> url.queryParam("errore", "stato");
                case "invalid_nonce" -> url.queryParam("errore", "nonce");
                case "access_denied" -> url.queryParam("errore", "annullato");
                case CLAIM_NON_VALIDO -> url.queryParam("errore", "claim")
                        .queryParam("claim", ((OAuth2AuthenticationException) eccezione).getError().getDescription());
                default -> url.queryParam("errore", "fornitore");
            }
            response.sendRedirect(url.encode().build().toUriString());
        };
    }

    /**
     * Logout that ends the provider's session as well (its {@code end_session_endpoint}, with the ID token
     * as hint) and comes back to the sign-in page; a password user's logout just comes back.
     */
    static LogoutSuccessHandler uscita(ClientRegistrationRepository repository, String dopo) {
        OidcClientInitiatedLogoutSuccessHandler uscita = new OidcClientInitiatedLogoutSuccessHandler(repository);
        uscita.setPostLogoutRedirectUri("{baseUrl}" + dopo);
        uscita.setDefaultTargetUrl(dopo);
        return uscita;
    }
}
