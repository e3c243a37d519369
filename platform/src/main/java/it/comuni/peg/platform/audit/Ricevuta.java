package it.comuni.peg.platform.audit;

import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.comune.ValoreNonValido;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The receipt of a signed checkpoint: at {@code presaIl} the hash chain of the event store ended at
 * the event with global index {@code indice} with hash {@code hash} (SHA-256, hex), and the key whose
 * public key has SHA-256 {@code improntaChiave} signed exactly {@link #messaggio()} with Ed25519
 * ({@code firma}, base64 of 64 bytes). {@code marcaTemporale}, when the ente has a timestamping
 * authority, is the RFC 3161 token (base64 DER) over the SHA-256 of the same message.
 * <p>
 * Rendered three ways without any template: the record itself, {@link #json()} (the machine-readable
 * block that documents carry and that {@code POST /api/audit/ricevute/verifica} and
 * {@code --verifica-ricevute} read back) and {@link #testo()} (Italian, for a reader).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ricevuta(String versione, long indice, String hash, Instant presaIl, String firma, String improntaChiave,
                       String marcaTemporale) {

    /** The only format so far; part of the signed message, so a later format cannot be confused with it. */
    public static final String VERSIONE = "peg-ricevuta-1";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * Checks the shape (not the signature: that is {@link VerificaRicevute}'s).
     *
     * @throws ValoreNonValido naming the field, in Italian
     */
    public Ricevuta {
        if (versione == null) {
            versione = VERSIONE;
        }
        if (!VERSIONE.equals(versione)) {
            throw new ValoreNonValido("versione", "Versione della ricevuta non riconosciuta: " + versione + " (attesa " + VERSIONE + ")");
        }
        if (indice < 1) {
            throw new ValoreNonValido("indice", "L'indice della ricevuta deve essere un numero positivo");
        }
        if (hash == null || !HEX64.matcher(hash).matches()) {
            throw new ValoreNonValido("hash", "L'hash della ricevuta deve essere di 64 cifre esadecimali minuscole");
        }
        if (presaIl == null) {
            throw new ValoreNonValido("presaIl", "Manca l'istante della ricevuta");
        }
        if (improntaChiave == null || !HEX64.matcher(improntaChiave).matches()) {
            throw new ValoreNonValido("improntaChiave", "L'impronta della chiave deve essere di 64 cifre esadecimali minuscole");
        }
        if (firma == null || base64(firma, "firma").length != 64) {
            throw new ValoreNonValido("firma", "La firma deve essere una firma Ed25519 (64 byte) in base64");
        }
        if (marcaTemporale != null) {
            base64(marcaTemporale, "marcaTemporale");
        }
    }

    /** The checkpoint's time as signed: milliseconds, so the text form round-trips exactly. */
    static Instant istante(Instant adesso) {
        return adesso.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The bytes the key signs and the timestamp covers: {@code peg-ricevuta-1|<indice>|<hash>|<presaIl ISO-8601 UTC>}
     * in ASCII. The key's identity is not signed: a signature only verifies with its own key anyway.
     */
    public byte[] messaggio() {
        return messaggio(indice, hash, presaIl);
    }

    static byte[] messaggio(long indice, String hash, Instant presaIl) {
        return (VERSIONE + "|" + indice + "|" + hash + "|" + DateTimeFormatter.ISO_INSTANT.format(presaIl))
                .getBytes(StandardCharsets.US_ASCII);
    }

    byte[] firmaInByte() {
        return base64(firma, "firma");
    }

    byte[] marcaInByte() {
        return marcaTemporale == null ? null : base64(marcaTemporale, "marcaTemporale");
    }

    /** The machine-readable block: one JSON object, the fields of this record. */
    public String json() {
        return JSON.writeValueAsString(this);
    }

    /**
     * Reads one receipt, or an array of them, from JSON.
     *
     * @throws ValoreNonValido in Italian when the text is not JSON or not receipts
     */
    public static java.util.List<Ricevuta> daJson(String testo) {
        try {
            var albero = JSON.readTree(testo);
            if (albero.isArray()) {
                return JSON.readerForListOf(Ricevuta.class).readValue(albero);
            }
            return java.util.List.of(JSON.treeToValue(albero, Ricevuta.class));
        } catch (tools.jackson.core.JacksonException e) {
            if (e.getCause() instanceof ValoreNonValido v) {
                throw v;
            }
            throw new ValoreNonValido("ricevute", "Il testo non è una ricevuta in JSON (né un elenco di ricevute): "
                    + e.getOriginalMessage());
        }
    }

    /** The receipt in Italian words, dates as dd/mm/yyyy in Italian time. */
    public String testo() {
        var quando = presaIl.atZone(ROMA);
        return "Ricevuta di integrità dell'archivio degli eventi. Il " + FormaItaliana.data(quando.toLocalDate())
                + " alle ore " + quando.format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ITALIAN))
                + " (ora italiana) la catena dei sigilli terminava con l'evento di indice globale " + indice
                + ", con impronta SHA-256 " + hash + ". Questo stato è firmato (Ed25519) con la chiave di impronta "
                + improntaChiave + "; firma: " + firma + ". "
                + (marcaTemporale == null ? "Senza marca temporale."
                : "Con marca temporale RFC 3161 di un'autorità di marcatura temporale.")
                + " Chiunque può verificare in seguito che gli eventi fino a quell'indice non sono cambiati"
                + " (POST /api/audit/ricevute/verifica, oppure java -jar app.jar --verifica-ricevute=<file>).";
    }

    private static byte[] base64(String valore, String campo) {
        try {
            return Base64.getDecoder().decode(valore);
        } catch (IllegalArgumentException e) {
            throw new ValoreNonValido(campo, "Il campo " + campo + " non è in base64");
        }
    }
}
