package it.comuni.peg.platform.audit;

import it.comuni.peg.platform.database.SenzaDatabaseEsterno;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;

/**
 * Which key signs the checkpoints, and which public key receipts are verified against.
 * <ul>
 * <li>{@code peg.audit.firma.chiave=<file>}: that PKCS#8 PEM file; if it does not exist the start
 * fails, unless {@code peg.audit.firma.genera=true} asks to generate it there.</li>
 * <li>Unset, on the embedded database: {@code <peg.database.incorporato.cartella>/firma/chiave-checkpoint.pem}
 * (next to the database's files, not in the database), generated on first start with a WARN naming it.</li>
 * <li>Unset, on an external database: no checkpoints are signed (a WARN at every start; the receipts API
 * answers 503): a key generated silently beside an external database's application would be lost with
 * the container that made it, and every process of a split installation would sign with its own.</li>
 * </ul>
 * {@code peg.audit.firma.chiave-pubblica=<file>} (PEM) names the key receipts are verified against
 * when this process does not hold the private key (a verifier's copy); otherwise the held key's.
 */
@Component
public class Firmatario {

    private static final Logger LOG = LoggerFactory.getLogger(Firmatario.class);

    private final ChiaveDiFirma chiave;
    private final PublicKey pubblica;
    private final String assenza;

    public Firmatario(Environment ambiente) {
        String configurata = ambiente.getProperty("peg.audit.firma.chiave", "");
        boolean genera = ambiente.getProperty("peg.audit.firma.genera", Boolean.class, false);
        Path file = null;
        if (!configurata.isBlank()) {
            file = Path.of(configurata.strip());
        } else if (SenzaDatabaseEsterno.vale(ambiente)) {
            file = Path.of(ambiente.getProperty("peg.database.incorporato.cartella", "data"), "firma", "chiave-checkpoint.pem");
            genera = true;
        }
        if (file == null) {
            chiave = null;
            assenza = "Nessuna chiave di firma dei checkpoint configurata (peg.audit.firma.chiave) su un database esterno:"
                    + " checkpoint firmati e ricevute non sono disponibili";
            LOG.warn(assenza);
        } else {
            ChiaveDiFirma.Caricata caricata = ChiaveDiFirma.carica(file, genera);
            chiave = caricata.chiave();
            assenza = null;
            if (caricata.generata()) {
                LOG.warn("Generata una nuova chiave di firma dei checkpoint in {} (pubblica in {}.pub.pem, impronta {}):"
                        + " conservarne una copia fuori dal server, perché senza di essa non si firmano nuove ricevute",
                        file.toAbsolutePath(), file.toAbsolutePath(), chiave.impronta());
            } else {
                LOG.info("Chiave di firma dei checkpoint {} (impronta {})", file.toAbsolutePath(), chiave.impronta());
            }
        }
        String pubblicaConfigurata = ambiente.getProperty("peg.audit.firma.chiave-pubblica", "");
        pubblica = !pubblicaConfigurata.isBlank() ? ChiaveDiFirma.pubblicaDa(Path.of(pubblicaConfigurata.strip()))
                : chiave == null ? null : chiave.pubblica();
    }

    /** The signing key, absent on an external database with none configured. */
    public Optional<ChiaveDiFirma> chiave() {
        return Optional.ofNullable(chiave);
    }

    /** The key receipts are verified against, if any. */
    public Optional<PublicKey> pubblica() {
        return Optional.ofNullable(pubblica);
    }

    /** Why there is no signing key (Italian), or null when there is one. */
    public String assenza() {
        return assenza;
    }
}
