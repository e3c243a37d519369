package it.comuni.peg.platform.audit;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * RFC 3161 timestamps of the checkpoints from the ente's timestamping authority
 * ({@code peg.audit.tsa.url}; none when unset), through BouncyCastle's TSP support: the request
 * carries the SHA-256 of the checkpoint's signed message and a nonce, and asks for the TSA's
 * certificate in the token, so that the token verifies on its own later.
 */
@Component
public class MarcaTemporale {

    private static final Duration ATTESA = Duration.ofSeconds(10);
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ATTESA).build();
    private final SecureRandom caso = new SecureRandom();

    public MarcaTemporale(@Value("${peg.audit.tsa.url:}") String url) {
        this.url = url == null || url.isBlank() ? null : URI.create(url.strip());
    }

    /** Whether a timestamping authority is configured. */
    public boolean configurata() {
        return url != null;
    }

    /**
     * The DER timestamp token over SHA-256({@code messaggio}), checked against the request (imprint,
     * nonce) before it is returned.
     *
     * @throws IllegalStateException in Italian when the authority does not answer within 10 s or refuses
     */
    public byte[] marca(byte[] messaggio) {
        try {
            TimeStampRequestGenerator generatore = new TimeStampRequestGenerator();
            generatore.setCertReq(true);
            TimeStampRequest richiesta = generatore.generate(TSPAlgorithms.SHA256, sha256(messaggio), new BigInteger(64, caso));
            HttpResponse<byte[]> risposta = http.send(HttpRequest.newBuilder(url).timeout(ATTESA)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(richiesta.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (risposta.statusCode() != 200) {
                throw new IllegalStateException("L'autorità di marcatura temporale " + url + " ha risposto " + risposta.statusCode());
            }
            TimeStampResponse tsr = new TimeStampResponse(risposta.body());
            tsr.validate(richiesta);
            if (tsr.getTimeStampToken() == null) {
                throw new IllegalStateException("L'autorità di marcatura temporale " + url + " ha rifiutato la richiesta: "
                        + tsr.getStatusString());
            }
            return tsr.getTimeStampToken().getEncoded();
        } catch (IOException | TSPException e) {
            throw new IllegalStateException("Marca temporale non ottenuta da " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Marca temporale interrotta", e);
        }
    }

    /**
     * Checks a token against the message it should cover: its imprint is SHA-256({@code messaggio}) and
     * its signature verifies with the TSA certificate it carries. Returns the authority's time, or
     * empty with nothing else said when it does not hold. Whether that certificate is the ente's TSA is
     * the reader's to check (its subject and fingerprint are in the token).
     */
    public static Optional<Instant> verifica(byte[] token, byte[] messaggio) {
        try {
            TimeStampToken marca = new TimeStampToken(new CMSSignedData(token));
            if (!MessageDigest.isEqual(marca.getTimeStampInfo().getMessageImprintDigest(), sha256(messaggio))) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            var certificati = marca.getCertificates().getMatches(marca.getSID());
            if (certificati.isEmpty()) {
                return Optional.empty();
            }
            X509CertificateHolder certificato = (X509CertificateHolder) certificati.iterator().next();
            marca.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificato));
            return Optional.of(marca.getTimeStampInfo().getGenTime().toInstant());
        } catch (CMSException | TSPException | IOException | OperatorCreationException | CertificateException
                 | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    static byte[] sha256(byte[] dati) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(dati);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
