package it.comuni.peg.api.comune;

/**
 * The longest text each field of a command may carry, in characters, and why: the one place where
 * these limits live. Characters are Unicode code points, what a MariaDB {@code utf8mb4} column counts:
 * "𝔄" or an emoji is one character, as "a" is (Java's {@code String.length()} would count them twice).
 * <p>
 * Commands check their fields against these limits when they are built ({@link Lunghezze}), whichever
 * way they come (the API, the web forms, the CSV and print imports, the demo), so a command that
 * exists fits. The projections' columns are checked against {@link #capienzaEventi()} by the query
 * side's {@code ColonneProiezioniTest}, which reads the Flyway schema.
 * <p>
 * Events are never rewritten: an event recorded before these limits may hold more than a command may
 * carry today, up to what the write side accepted then ({@link Testo}: 1,000 characters for a short
 * text, 200,000 for a long one). That bound is {@link #capienzaEventi()}; it never decreases, and every
 * projection column that stores the field holds it.
 */
public enum Limite {

    /**
     * The ente's official name ("Comune di San Valentino in Abruzzo Citeriore", an unione di comuni).
     * It also names the stream of the evaluation cycle, {@code valutazione:<ente>:<anno>}, which must
     * fit the event store's 255-character aggregate identifier (and the dead-letter queue's sequence).
     */
    ENTE(150, Testo.LUNGHEZZA_MASSIMA_BREVE),
    /** Title of an objective or a phase: one or two sentences (the real print's longest is 202). */
    TITOLO(500, Testo.LUNGHEZZA_MASSIMA_BREVE),
    /**
     * Description of an objective or a phase, an HTML fragment as in the print (its longest is 8,838).
     * At this size a command still fits the API's 2 MB body when every character is a 4-byte one
     * written as a JSON escape pair (12 bytes), and the largest event, an ObiettivoModificato (the
     * description before and after: 2.4 MB, since Axon's Jackson writes such a character as an escape
     * pair too), stays well within MariaDB's 16 MB packet.
     */
    DESCRIZIONE(100_000, Testo.LUNGHEZZA_MASSIMA_LUNGA),
    /**
     * Code of a settore, an ufficio, a DUP objective or an indicator ("SASTER", "5.3.02"): an identifier
     * typed in filters and shown in table columns. The print's own codes are at most 20 characters
     * (the headings LettoreStampaPeg reads).
     */
    CODICE(20, Testo.LUNGHEZZA_MASSIMA_BREVE),
    /** Name of a settore or an ufficio (the print's longest is 100). */
    NOME_STRUTTURA(200, Testo.LUNGHEZZA_MASSIMA_BREVE),
    /** Title of a DUP objective, strategic or operational (the print's longest is 187). */
    TITOLO_DUP(500, Testo.LUNGHEZZA_MASSIMA_BREVE),
    /**
     * A person's full name, as assigned or as responsabile: surnames and given names, several of each,
     * stay well within it. Stored upper case, which may lengthen a few letters ("ß" becomes "SS").
     */
    PERSONA(100, Testo.LUNGHEZZA_MASSIMA_BREVE),
    /** A person's categoria ("Categoria D (Posizione Organizzativa)"). */
    CATEGORIA(100, Testo.LUNGHEZZA_MASSIMA_BREVE),
    /** A person's role on the objective; the print import joins two roles of one person with " / ". */
    RUOLO(200, Testo.LUNGHEZZA_MASSIMA_BREVE),
    /** The act that proves a consuntivo or a completion ("Determinazione n. 123 del 12/03/2023"). */
    ATTO(500, Testo.LUNGHEZZA_MASSIMA_BREVE),
    /** Notes of a consuntivo, of an indicator's value, of a monitoraggio: a few paragraphs. */
    NOTE(10_000, Testo.LUNGHEZZA_MASSIMA_LUNGA),
    /** Unit of an indicator ("giorni", "%", "pratiche/mese"). */
    UNITA(50, Testo.LUNGHEZZA_MASSIMA_BREVE),
    /** Why a plan or a value changed, or why the nucleo judged as it did: what is read afterwards. */
    MOTIVAZIONE(1_000, Testo.LUNGHEZZA_MASSIMA_BREVE);

    /**
     * Digits before the point of an indicator's value or target: counts, days, euros, percentages;
     * 15 digits exceed any comune's budget in cents. The scheda, the storico's sentence and the CSV
     * write the number out in full.
     */
    public static final int CIFRE_INTERE = 15;
    /** Digits after the point of an indicator's value or target. */
    public static final int DECIMALI = 6;

    private final int massimo;
    private final int capienzaEventi;

    Limite(int massimo, int capienzaEventi) {
        if (massimo > capienzaEventi) {
            // a command could record more than the projections are sized for
            throw new IllegalStateException(name() + ": " + massimo + " oltre la capienza degli eventi " + capienzaEventi);
        }
        this.massimo = massimo;
        this.capienzaEventi = capienzaEventi;
    }

    /** The most characters a command may carry in this field. */
    public int massimo() {
        return massimo;
    }

    /**
     * The most characters an event may hold in this field: what the write side has ever accepted.
     * Never lower than {@link #massimo()}; a projection column that stores the field holds this many.
     */
    public int capienzaEventi() {
        return capienzaEventi;
    }

    /** Characters as MariaDB's utf8mb4 counts them: code points, a 4-byte character being one. */
    public static int caratteri(String testo) {
        return testo.codePointCount(0, testo.length());
    }
}
