package it.comuni.peg.api.organigramma;

import it.comuni.peg.api.comune.Testo;
import it.comuni.peg.api.comune.ValoreNonValido;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identifiers of the organigramma, normalised where every command of it is built, so that one
 * ente, persona or incarico has one spelling in every event:
 * <ul>
 *   <li>ente: its codice IPA ({@code c_b648} for the Comune di Capannori, as the IPA index lists it),
 *       {@code [a-z0-9_]}, 2 to {@value #ENTE} characters, stored lower case;</li>
 *   <li>persona: matricola or codice fiscale, {@code [A-Z0-9]}, 1 to {@value #PERSONA} characters,
 *       stored upper case;</li>
 *   <li>incarico: an id the API makes up (a UUID) or the client chooses, {@code [A-Za-z0-9_-]},
 *       1 to {@value #INCARICO} characters.</li>
 * </ul>
 * These lengths bound every event of the organigramma ever recorded: never lowered, and the
 * columns that store them hold this many.
 */
public final class Codici {

    /** Longest codice IPA accepted (the index's codes are 5 to 10 characters: {@code c_b648}, {@code r_toscan}). */
    public static final int ENTE = 20;
    /** Longest matricola or codice fiscale (a codice fiscale is 16; a matricola is shorter). */
    public static final int PERSONA = 32;
    /** Longest id of an incarico (a UUID is 36). */
    public static final int INCARICO = 64;
    /** How much of a long name a provisional identificativo keeps before its 8 hexadecimal digits. */
    private static final int TAGLIO = PERSONA - 8;

    private static final Pattern CODICE_IPA = Pattern.compile("[a-z0-9_]{2," + ENTE + "}");
    private static final Pattern IDENTIFICATIVO = Pattern.compile("[A-Z0-9]{1," + PERSONA + "}");
    private static final Pattern ID_INCARICO = Pattern.compile("[A-Za-z0-9_-]{1," + INCARICO + "}");
    private static final Pattern ISTAT = Pattern.compile("[0-9]{6}");

    private Codici() {
    }

    /**
     * The codice IPA, stripped and lower case.
     *
     * @throws ValoreNonValido (field {@code ente}) when absent or not a codice IPA
     */
    public static String ente(String valore) {
        String codice = Testo.richiesto(valore, "ente").strip().toLowerCase(Locale.ROOT);
        if (!CODICE_IPA.matcher(codice).matches()) {
            throw new ValoreNonValido("ente", "Il codice IPA dell'ente ('" + abbrevia(valore) + "') deve avere da 2 a " + ENTE
                    + " caratteri tra lettere minuscole, cifre e _ (es. c_b648)");
        }
        return codice;
    }

    /** {@code true} when the value is a codice IPA as {@link #ente} stores it (lower case, no spaces). */
    public static boolean eCodiceEnte(String valore) {
        return valore != null && CODICE_IPA.matcher(valore).matches();
    }

    /**
     * A matricola or codice fiscale, stripped and upper case; {@code null} stays {@code null} (whether it is
     * required is the aggregate's business).
     *
     * @throws ValoreNonValido (field {@code campo}) when it has other characters or is too long
     */
    public static String persona(String valore, String campo) {
        if (valore == null) {
            return null;
        }
        String codice = valore.strip().toUpperCase(Locale.ROOT);
        if (!IDENTIFICATIVO.matcher(codice).matches()) {
            throw new ValoreNonValido(campo, "L'identificativo della persona (matricola o codice fiscale, '" + abbrevia(valore)
                    + "') deve avere da 1 a " + PERSONA + " lettere o cifre");
        }
        return codice;
    }

    /**
     * The id of an incarico, stripped; {@code null} stays {@code null}.
     *
     * @throws ValoreNonValido (field {@code incarico}) when it has other characters or is too long
     */
    public static String incarico(String valore) {
        if (valore == null) {
            return null;
        }
        String id = valore.strip();
        if (!ID_INCARICO.matcher(id).matches()) {
            throw new ValoreNonValido("incarico", "L'identificativo dell'incarico ('" + abbrevia(valore) + "') deve avere da 1 a "
                    + INCARICO + " caratteri tra lettere, cifre, - e _");
        }
        return id;
    }

    /**
     * The codice ISTAT of a comune, six digits ({@code 046007}); {@code null} or blank is {@code null}.
     *
     * @throws ValoreNonValido (field {@code codiceIstat}) when it is not six digits
     */
    public static String istat(String valore) {
        if (valore == null || valore.isBlank()) {
            return null;
        }
        String codice = valore.strip();
        if (!ISTAT.matcher(codice).matches()) {
            throw new ValoreNonValido("codiceIstat", "Il codice ISTAT ('" + abbrevia(valore) + "') è di 6 cifre");
        }
        return codice;
    }

    /**
     * A persona's name as the PEG prints it and the organigramma keeps it: spaces collapsed, upper
     * case ("Gentili  Luca" is "GENTILI LUCA"); {@code null} stays {@code null}.
     */
    public static String nomePersona(String valore) {
        return valore == null ? null : valore.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ITALIAN);
    }

    /**
     * The identificativo an import gives a persona the print names without matricola or codice fiscale:
     * the letters and digits of the name, upper case and without accents ("Gentili Luca" and
     * "GENTILI  LUCA" are {@code GENTILILUCA}, "D'Olivo Dania" and "D OLIVO DANIA" are {@code DOLIVODANIA}).
     * A name that yields more than {@value #PERSONA} characters (or none) becomes its first
     * 24 characters followed by the first 8 hexadecimal digits of the SHA-256 of all of them
     * (UTF-8), so it fits {@link #persona} and two long names that start alike stay apart. A name with
     * characters beyond A–Z and 0–9 other than those separators (a letter of another script, a symbol)
     * gets the same shape with the digest of the whole normalised name, so that two names differing only
     * there ("Ελένη" and "Μαρία", or two names ending in different symbols) stay two people.
     * Deterministic: the same name, however spelled in spaces, case, accents and apostrophes, always
     * gives the same identificativo, which is how the import, the demo and the ops scripts find it again.
     * It is provisional: the controllo di gestione replaces it with the matricola.
     *
     * @throws ValoreNonValido (field {@code nome}) when the name is absent or blank
     */
    public static String identificativoProvvisorio(String nome) {
        String normalizzato = java.text.Normalizer.normalize(Testo.richiesto(nome, "nome"), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        String lettere = normalizzato.replaceAll("[^A-Z0-9]", "");
        // only spaces, apostrophes, hyphens and dots dropped: the same name spelled otherwise. Anything else
        // dropped (a letter of another script, a symbol) tells two names apart: the digest then covers it
        boolean soloSeparatori = normalizzato.replaceAll("[A-Z0-9]", "").matches("[ '\u2019.\\-]*");
        if (soloSeparatori && !lettere.isEmpty() && lettere.length() <= PERSONA) {
            return lettere;
        }
        String base = soloSeparatori ? lettere : normalizzato;
        try {
            byte[] impronta = java.security.MessageDigest.getInstance("SHA-256").digest(base.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String esadecimale = java.util.HexFormat.of().withUpperCase().formatHex(impronta, 0, 4);
            return lettere.substring(0, Math.min(TAGLIO, lettere.length())) + esadecimale;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** What a refusal quotes of a value: never a whole page of it. */
    private static String abbrevia(String valore) {
        return it.comuni.peg.api.comune.FormaItaliana.citazione(valore, 40);
    }
}
