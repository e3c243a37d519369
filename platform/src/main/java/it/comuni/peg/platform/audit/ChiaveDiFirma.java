package it.comuni.peg.platform.audit;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key that signs the checkpoints (the JDK's own {@code Signature "Ed25519"}), read from a
 * PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}, what {@code openssl genpkey -algorithm ed25519}
 * writes) that lives outside the database: whoever rewrites the database cannot sign. The public key is
 * derived from the private one (RFC 8032: the private key is a 32-byte seed), and is also written next
 * to a generated key as {@code <file>.pub.pem} for whoever verifies elsewhere.
 * <p>
 * {@link #impronta()} names the key in every receipt: the SHA-256, in hex, of its public key as
 * SubjectPublicKeyInfo DER.
 */
public final class ChiaveDiFirma {

    private static final String ALGORITMO = "Ed25519";
    // SubjectPublicKeyInfo of an Ed25519 key up to its 32 raw bytes (RFC 8410, section 4)
    private static final byte[] PREFISSO_SPKI = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private final PrivateKey privata;
    private final PublicKey pubblica;
    private final String impronta;

    private ChiaveDiFirma(PrivateKey privata, PublicKey pubblica) {
        this.privata = privata;
        this.pubblica = pubblica;
        this.impronta = improntaDi(pubblica);
    }

    /**
     * The key in {@code file}; if the file does not exist and {@code generaSeAssente}, a new key is
     * generated and written there first (owner-only permissions where the file system has them), with
     * its public key in {@code <file>.pub.pem}. Returns whether it was generated through {@link Caricata}.
     *
     * @throws IllegalStateException in Italian when the file is absent (and not to be generated) or is
     *                               not an Ed25519 PKCS#8 PEM key
     */
    public static Caricata carica(Path file, boolean generaSeAssente) {
        try {
            if (!Files.exists(file)) {
                if (!generaSeAssente) {
                    throw new IllegalStateException("La chiave di firma dei checkpoint " + file.toAbsolutePath() + " non esiste");
                }
                ChiaveDiFirma nuova = genera();
                nuova.scrivi(file);
                return new Caricata(nuova, true);
            }
            return new Caricata(daPem(Files.readString(file, StandardCharsets.US_ASCII), file), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Chiave di firma dei checkpoint non leggibile: " + file.toAbsolutePath(), e);
        }
    }

    /** The key read, and whether it was generated just now. */
    public record Caricata(ChiaveDiFirma chiave, boolean generata) {
    }

    static ChiaveDiFirma genera() {
        try {
            var coppia = KeyPairGenerator.getInstance(ALGORITMO).generateKeyPair();
            return new ChiaveDiFirma(coppia.getPrivate(), coppia.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChiaveDiFirma daPem(String testo, Path file) {
        Matcher m = PEM.matcher(testo);
        if (!m.find() || !"PRIVATE KEY".equals(m.group(1))) {
            throw new IllegalStateException("La chiave di firma " + file.toAbsolutePath()
                    + " non è una chiave privata PKCS#8 in PEM (-----BEGIN PRIVATE KEY-----)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2).strip());
            PrivateKey privata = KeyFactory.getInstance(ALGORITMO).generatePrivate(new PKCS8EncodedKeySpec(der));
            byte[] seme = ASN1OctetString.getInstance(PrivateKeyInfo.getInstance(der).parsePrivateKey()).getOctets();
            byte[] grezza = new Ed25519PrivateKeyParameters(seme, 0).generatePublicKey().getEncoded();
            return new ChiaveDiFirma(privata, pubblicaDaGrezza(grezza));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new IllegalStateException("La chiave di firma " + file.toAbsolutePath() + " non è una chiave Ed25519 valida", e);
        }
    }

    /**
     * A public key alone, from a PEM file ({@code -----BEGIN PUBLIC KEY-----}): what a verifier that
     * does not sign is given ({@code peg.audit.firma.chiave-pubblica}).
     */
    public static PublicKey pubblicaDa(Path file) {
        try {
            Matcher m = PEM.matcher(Files.readString(file, StandardCharsets.US_ASCII));
            if (!m.find() || !"PUBLIC KEY".equals(m.group(1))) {
                throw new IllegalStateException("Il file " + file.toAbsolutePath() + " non contiene una chiave pubblica in PEM");
            }
            return KeyFactory.getInstance(ALGORITMO).generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(2).strip())));
        } catch (IOException e) {
            throw new UncheckedIOException("Chiave pubblica non leggibile: " + file.toAbsolutePath(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Il file " + file.toAbsolutePath() + " non contiene una chiave pubblica Ed25519", e);
        }
    }

    private static PublicKey pubblicaDaGrezza(byte[] grezza) throws GeneralSecurityException {
        byte[] spki = new byte[PREFISSO_SPKI.length + grezza.length];
        System.arraycopy(PREFISSO_SPKI, 0, spki, 0, PREFISSO_SPKI.length);
        System.arraycopy(grezza, 0, spki, PREFISSO_SPKI.length, grezza.length);
        return KeyFactory.getInstance(ALGORITMO).generatePublic(new X509EncodedKeySpec(spki));
    }

    private void scrivi(Path file) throws IOException {
        Path cartella = file.toAbsolutePath().getParent();
        Files.createDirectories(cartella);
        Path provvisorio = Files.createTempFile(cartella, ".chiave", ".tmp");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(provvisorio, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(provvisorio, pem("PRIVATE KEY", privata.getEncoded()), StandardCharsets.US_ASCII);
        // never overwrite a key that appeared meanwhile (another process starting at once): it would orphan its
        // receipts; without REPLACE_EXISTING the move fails instead
        Files.move(provvisorio, file);
        Files.writeString(file.resolveSibling(file.getFileName() + ".pub.pem"), pem("PUBLIC KEY", pubblica.getEncoded()),
                StandardCharsets.US_ASCII);
    }

    private static String pem(String tipo, byte[] der) {
        return "-----BEGIN " + tipo + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + tipo + "-----\n";
    }

    /** The Ed25519 signature (64 bytes) of {@code messaggio}. */
    public byte[] firma(byte[] messaggio) {
        try {
            Signature s = Signature.getInstance(ALGORITMO);
            s.initSign(privata);
            s.update(messaggio);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code firma} is {@code pubblica}'s Ed25519 signature of {@code messaggio} (false on any malformed input). */
    public static boolean verifica(PublicKey pubblica, byte[] messaggio, byte[] firma) {
        try {
            Signature s = Signature.getInstance(ALGORITMO);
            s.initVerify(pubblica);
            s.update(messaggio);
            return s.verify(firma);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public PublicKey pubblica() {
        return pubblica;
    }

    /** SHA-256 (hex, 64 characters) of the public key's SubjectPublicKeyInfo DER. */
    public String impronta() {
        return impronta;
    }

    /** SHA-256 (hex) of a public key's SubjectPublicKeyInfo DER: the name a receipt gives its key. */
    public static String improntaDi(PublicKey pubblica) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pubblica.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
