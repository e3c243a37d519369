package it.comuni.peg.platform.sicurezza;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider's claims read as this system's identity, under the default names and under configured ones. */
class RivendicazioniTest {

    private final Rivendicazioni predefinite = new Rivendicazioni(new ClaimProperties(null, null, null, null));
    private final Rivendicazioni configurate = new Rivendicazioni(new ClaimProperties("preferred_username", "ruolo", "matricola", "peg_ruoli"));

    @Test
    void theUserIsTheConfiguredClaimAndItsAbsenceNamesTheClaim() {
        assertThat(predefinite.utente(Map.of("preferred_username", " m.gentili ", "sub", "x"))).isEqualTo("m.gentili");
        assertThatThrownBy(() -> predefinite.utente(Map.of("sub", "abc")))
                .isInstanceOf(Rivendicazioni.ClaimNonValido.class)
                .hasMessage("Nel token manca il claim «preferred_username», che porta il nome dell'utente")
                .extracting(e -> ((Rivendicazioni.ClaimNonValido) e).claim()).isEqualTo("preferred_username");
        assertThatThrownBy(() -> predefinite.utente(Map.of("preferred_username", "  "))).isInstanceOf(Rivendicazioni.ClaimNonValido.class);
        assertThatThrownBy(() -> predefinite.utente(Map.of("preferred_username", "u".repeat(256))))
                .hasMessageContaining("supera 255 caratteri");
        assertThat(new Rivendicazioni(new ClaimProperties("oid", null, null, null)).utente(Map.of("oid", "5f1c-9a")))
                .isEqualTo("5f1c-9a");
    }

    @Test
    void withoutTheAccessiClaimConfiguredOrEmittedTheTableApplies() {
        assertThat(predefinite.accessi(Map.of("peg_ruoli", List.of("c_prova:DIRIGENTE")))).isEmpty();
        assertThat(configurate.accessi(Map.of("preferred_username", "r.senzaruoli"))).isEmpty();
    }

    @Test
    void enteRolesComeFromTheClaimWithThePersonsIdentifier() {
        Accessi accessi = configurate.accessi(Map.of("matricola", "m001", "peg_ruoli",
                List.of("c_prova:DIRIGENTE", "c_altro.NUCLEO", "OPS", "c_terzo:OPS", "NON UN ENTE:DIRIGENTE", "c_x:SINDACO",
                        "c_prova:NUCLEO"))).orElseThrow();
        assertThat(accessi.perEnte()).containsOnlyKeys("c_prova", "c_altro");
        assertThat(accessi.in("c_prova")).contains(new Accesso("c_prova", Ruolo.DIRIGENTE, "M001"));
        assertThat(accessi.in("c_altro")).contains(new Accesso("c_altro", Ruolo.NUCLEO, "M001"));
        // signed in, but the provider names nothing here: no standing at all, and the table is not read
        assertThat(configurate.accessi(Map.of("peg_ruoli", List.of()))).contains(Accessi.NESSUNO);
        // a string claim, as some providers emit a multi-valued attribute
        assertThat(configurate.accessi(Map.of("peg_ruoli", "c_prova:RESPONSABILE_UFFICIO, c_altro:CONTROLLO_GESTIONE"))
                .orElseThrow().enti()).containsExactlyInAnyOrder("c_prova", "c_altro");
    }

    @Test
    void aPersonsClaimThatIsNoIdentifierIsRefusedNamingIt() {
        assertThatThrownBy(() -> configurate.accessi(Map.of("matricola", "M|001;", "peg_ruoli", List.of("c_prova:DIRIGENTE"))))
                .isInstanceOf(Rivendicazioni.ClaimNonValido.class)
                .hasMessageContaining("«matricola»");
    }

    @Test
    void onlyTheInstallationsRolesComeFromTheRoleClaim() {
        assertThat(predefinite.installazione(Map.of("ruolo", "AMMINISTRATORE"))).containsExactly(Ruolo.AMMINISTRATORE);
        assertThat(predefinite.installazione(Map.of("ruolo", List.of("NUCLEO", "OPS")))).containsExactly(Ruolo.OPS);
        assertThat(configurate.installazione(Map.of("peg_ruoli", List.of("OPS", "c_prova:DIRIGENTE")))).isEqualTo(Set.of(Ruolo.OPS));
        assertThat(predefinite.installazione(Map.of())).isEmpty();
    }

    @Test
    void howThePersonSignedInComesFromIssuerAndAuthTime() {
        Instant auth = Instant.parse("2024-07-01T07:12:00Z");
        Provenienza p = Rivendicazioni.provenienza(Provenienza.Modo.OPENID_CONNECT,
                Map.of("iss", "https://id.comune.example/realms/ente", "auth_time", auth, "iat", Instant.parse("2024-07-01T08:00:00Z")));
        assertThat(p).isEqualTo(new Provenienza(Provenienza.Modo.OPENID_CONNECT, "https://id.comune.example/realms/ente", auth));
        assertThat(Rivendicazioni.provenienza(Provenienza.Modo.TOKEN, Map.of("iat", 1719817920L)).autenticatoIl())
                .isEqualTo(Instant.ofEpochSecond(1719817920L));
        assertThat(new Provenienza(Provenienza.Modo.TOKEN, "h".repeat(1200), null).emittente()).hasSize(1000);
    }
}
