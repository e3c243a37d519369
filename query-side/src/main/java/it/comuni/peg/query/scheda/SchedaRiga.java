package it.comuni.peg.query.scheda;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A row of scheda_obiettivo: the scheda as JSON plus the columns the PEG list filters on. */
@Entity
@Table(name = "scheda_obiettivo")
public class SchedaRiga {

    @Id
    @Column(name = "obiettivo_id")
    private String obiettivoId;
    private String ente;
    private int anno;
    private String settore;
    private String ufficio;
    @Column(name = "responsabile_settore")
    private String responsabileSettore;
    @Column(name = "responsabile_ufficio")
    private String responsabileUfficio;
    private String titolo;
    private boolean completato;
    private boolean avviato;
    @Column(name = "scadenza_aperta")
    private LocalDate scadenzaAperta;
    private long versione;
    @Column(name = "definito_il")
    private Instant definitoIl;
    @Lob
    @Column(columnDefinition = "LONGTEXT")
    private String documento;

    /** The row as a rebuild inserts it, outside the persistence context: see {@link #colonne()}. */
    static final String INSERISCI = "INSERT INTO scheda_obiettivo (obiettivo_id, ente, anno, settore, ufficio,"
            + " responsabile_settore, responsabile_ufficio, titolo, completato, avviato, scadenza_aperta, versione,"
            + " definito_il, documento) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    protected SchedaRiga() {
    }

    SchedaRiga(String obiettivoId) {
        this.obiettivoId = obiettivoId;
    }

    void aggiorna(Scheda s, String json) {
        ente = s.ente();
        anno = s.anno();
        settore = s.settore().codice();
        ufficio = s.ufficio() == null ? null : s.ufficio().codice();
        responsabileSettore = s.settore().responsabile();
        responsabileUfficio = s.ufficio() == null ? null : s.ufficio().responsabile();
        titolo = s.titolo();
        completato = StatoAlGiorno.completato(s);
        avviato = StatoAlGiorno.avviato(s);
        scadenzaAperta = StatoAlGiorno.scadenzaAperta(s);
        versione = s.versione();
        definitoIl = s.definitoIl();
        documento = json;
    }

    /** The values of {@link #INSERISCI}, in its order. */
    Object[] colonne() {
        return new Object[]{obiettivoId, ente, anno, settore, ufficio, responsabileSettore, responsabileUfficio, titolo,
                completato, avviato, scadenzaAperta, versione, definitoIl, documento};
    }

    public String obiettivoId() {
        return obiettivoId;
    }

    public long versione() {
        return versione;
    }

    public String documento() {
        return documento;
    }
}
