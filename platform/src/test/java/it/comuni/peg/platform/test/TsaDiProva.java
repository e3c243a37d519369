package it.comuni.peg.platform.test;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real RFC 3161 timestamping authority on loopback for the tests: BouncyCastle's
 * TimeStampTokenGenerator behind the JDK's HttpServer, signing with an RSA key and a self-signed
 * certificate (extended key usage timeStamping, critical, as RFC 3161 section 2.3 requires) generated
 * at start. {@link #url()} is what {@code peg.audit.tsa.url} takes; {@link #marcheRilasciate()} counts
 * the tokens issued.
 */
public final class TsaDiProva implements AutoCloseable {

    private final HttpServer server;
    private final X509Certificate certificato;
    private final AtomicInteger rilasciate = new AtomicInteger();

    private TsaDiProva(HttpServer server, X509Certificate certificato) {
        this.server = server;
        this.certificato = certificato;
    }

    /** Starts one on 127.0.0.1 at a free port. */
    public static TsaDiProva avvia() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPair chiavi = rsa.generateKeyPair();
            X500Name nome = new X500Name("CN=TSA di prova,O=PEG,C=IT");
            Instant adesso = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(nome, BigInteger.valueOf(adesso.toEpochMilli()),
                    Date.from(adesso.minus(Duration.ofDays(1))), Date.from(adesso.plus(Duration.ofDays(365))), nome, chiavi.getPublic());
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(chiavi.getPrivate()));
            X509Certificate certificato = new JcaX509CertificateConverter().getCertificate(holder);
            TimeStampTokenGenerator generatore = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", chiavi.getPrivate(), certificato),
                    new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)),
                    new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
            generatore.addCertificates(new JcaCertStore(List.of(certificato)));
            TimeStampResponseGenerator risposte = new TimeStampResponseGenerator(generatore, TSPAlgorithms.ALLOWED);
            AtomicLong seriale = new AtomicLong();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TsaDiProva tsa = new TsaDiProva(server, certificato);
            server.createContext("/tsa", scambio -> {
                try (InputStream in = scambio.getRequestBody()) {
                    TimeStampRequest richiesta = new TimeStampRequest(in.readAllBytes());
                    byte[] risposta = risposte.generate(richiesta, BigInteger.valueOf(seriale.incrementAndGet()), new Date()).getEncoded();
                    tsa.rilasciate.incrementAndGet();
                    scambio.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                    scambio.sendResponseHeaders(200, risposta.length);
                    try (OutputStream out = scambio.getResponseBody()) {
                        out.write(risposta);
                    }
                } catch (Exception e) {
                    scambio.sendResponseHeaders(400, -1);
                } finally {
                    scambio.close();
                }
            });
            server.start();
            return tsa;
        } catch (Exception e) {
            throw new IllegalStateException("TSA di prova non avviata: " + e.getMessage(), e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    public X509Certificate certificato() {
        return certificato;
    }

    public int marcheRilasciate() {
        return rilasciate.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
