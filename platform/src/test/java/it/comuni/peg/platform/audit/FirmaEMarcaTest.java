package it.comuni.peg.platform.audit;

import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.platform.test.TsaDiProva;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key outside the database (generated when absent, reused when present, compatible with what
 * openssl writes), the receipt's signed message, and a real RFC 3161 exchange with a timestamping
 * authority on loopback whose token verifies against the checkpoint it covers, and against no other.
 */
class FirmaEMarcaTest {

    @TempDir
    Path cartella;

    @Test
    void theKeyIsGeneratedWhenAbsentAndReusedWhenPresent() throws Exception {
        Path file = cartella.resolve("firma/chiave.pem");
        ChiaveDiFirma.Caricata prima = ChiaveDiFirma.carica(file, true);
        assertThat(prima.generata()).isTrue();
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2); // owner read and write only
        ChiaveDiFirma.Caricata dopo = ChiaveDiFirma.carica(file, true);
        assertThat(dopo.generata()).isFalse();
        assertThat(dopo.chiave().impronta()).isEqualTo(prima.chiave().impronta());
        // the public key written beside it is the same key, and verifies what the reloaded key signs
        var pubblica = ChiaveDiFirma.pubblicaDa(file.resolveSibling("chiave.pem.pub.pem"));
        byte[] messaggio = "prova".getBytes();
        assertThat(ChiaveDiFirma.verifica(pubblica, messaggio, dopo.chiave().firma(messaggio))).isTrue();
        assertThat(ChiaveDiFirma.verifica(pubblica, "altro".getBytes(), dopo.chiave().firma(messaggio))).isFalse();

        assertThatThrownBy(() -> ChiaveDiFirma.carica(cartella.resolve("assente.pem"), false))
                .hasMessageContaining("non esiste");
        Files.writeString(cartella.resolve("rotta.pem"), "non una chiave");
        assertThatThrownBy(() -> ChiaveDiFirma.carica(cartella.resolve("rotta.pem"), false))
                .hasMessageContaining("PKCS#8");
    }

    @Test
    void aKeyWrittenByOpensslIsRead() throws Exception {
        // RFC 8410's example Ed25519 private key (section 10.3), as openssl genpkey writes one
        Path file = cartella.resolve("openssl.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n");
        ChiaveDiFirma chiave = ChiaveDiFirma.carica(file, false).chiave();
        // its public key, as RFC 8410 section 10.1 gives it
        assertThat(Base64.getEncoder().encodeToString(chiave.pubblica().getEncoded()))
                .isEqualTo("MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=");
    }

    @Test
    void aReceiptIsSignedAndTimestampedByARealTsaAndTheTokenCoversItAlone() throws Exception {
        ChiaveDiFirma chiave = ChiaveDiFirma.genera();
        Instant adesso = Ricevuta.istante(Instant.now());
        String hash = "ab".repeat(32);
        byte[] messaggio = Ricevuta.messaggio(42, hash, adesso);
        try (TsaDiProva tsa = TsaDiProva.avvia()) {
            MarcaTemporale marcatore = new MarcaTemporale(tsa.url());
            byte[] token = marcatore.marca(messaggio);
            assertThat(tsa.marcheRilasciate()).isEqualTo(1);
            // the token's imprint is the checkpoint's message, and its signature is the TSA certificate's
            TimeStampToken letto = new TimeStampToken(new CMSSignedData(token));
            assertThat(letto.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(MarcaTemporale.sha256(messaggio));
            assertThat(letto.getSID().getSerialNumber()).isEqualTo(tsa.certificato().getSerialNumber());
            assertThat(MarcaTemporale.verifica(token, messaggio)).get()
                    .satisfies(t -> assertThat(Duration.between(adesso, t).abs()).isLessThan(Duration.ofMinutes(1)));
            assertThat(MarcaTemporale.verifica(token, Ricevuta.messaggio(43, hash, adesso))).isEmpty();
            byte[] alterato = token.clone();
            alterato[alterato.length - 10] ^= 1;
            assertThat(MarcaTemporale.verifica(alterato, messaggio)).isEmpty();

            Ricevuta ricevuta = new Ricevuta(null, 42, hash, adesso, Base64.getEncoder().encodeToString(chiave.firma(messaggio)),
                    chiave.impronta(), Base64.getEncoder().encodeToString(token));
            // the JSON block reads back to the same receipt, and the Italian text says the date as an Italian reads it
            assertThat(Ricevuta.daJson(ricevuta.json())).containsExactly(ricevuta);
            assertThat(Ricevuta.daJson("[" + ricevuta.json() + "," + ricevuta.json() + "]")).hasSize(2);
            assertThat(ricevuta.testo()).contains("indice globale 42").containsPattern("Il \\d{2}/\\d{2}/\\d{4} alle ore")
                    .contains("marca temporale RFC 3161");
        }
        assertThatThrownBy(() -> new MarcaTemporale("http://127.0.0.1:9/tsa").marca(messaggio))
                .hasMessageContaining("Marca temporale non ottenuta");
    }

    @Test
    void aMalformedReceiptIsRefusedInItalianNamingTheField() {
        assertThatThrownBy(() -> Ricevuta.daJson("{non json")).isInstanceOf(ValoreNonValido.class)
                .hasMessageContaining("non è una ricevuta");
        assertThatThrownBy(() -> Ricevuta.daJson("{\"indice\":1,\"hash\":\"xyz\",\"presaIl\":\"2026-01-01T00:00:00Z\","
                + "\"firma\":\"AAAA\",\"improntaChiave\":\"" + "0".repeat(64) + "\"}"))
                .isInstanceOf(ValoreNonValido.class).hasMessageContaining("64 cifre esadecimali");
    }
}
