package it.comuni.peg.query.storico;

import it.comuni.peg.api.obiettivo.ObiettivoRinominato;
import it.comuni.peg.api.obiettivo.ObiettivoSpostato;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What the storico must know of an objective to file its other events: its PEG, title and current
 * settore and ufficio (codes; null on a row projected before they were kept, until the next move).
 */
@Entity
@Table(name = "storico_obiettivo")
public class StoricoObiettivoRiga {

    @Id
    @Column(name = "obiettivo_id")
    private String obiettivoId;
    private String ente;
    private int anno;
    private String titolo;
    private String settore;
    private String ufficio;
    @Column(name = "ultima_sequenza")
    private long ultimaSequenza;

    /** The row as a rebuild inserts it: see {@link #colonne()}. */
    static final String INSERISCI = "INSERT INTO storico_obiettivo (obiettivo_id, ente, anno, titolo, settore, ufficio,"
            + " ultima_sequenza) VALUES (?, ?, ?, ?, ?, ?, ?)";

    protected StoricoObiettivoRiga() {
    }

    StoricoObiettivoRiga(String obiettivoId, String ente, int anno, String titolo, String settore, String ufficio, long sequenza) {
        this.obiettivoId = obiettivoId;
        this.ente = ente;
        this.anno = anno;
        this.titolo = titolo;
        this.settore = settore;
        this.ufficio = ufficio;
        this.ultimaSequenza = sequenza;
    }

    public String obiettivoId() {
        return obiettivoId;
    }

    public String ente() {
        return ente;
    }

    public int anno() {
        return anno;
    }

    public String titolo() {
        return titolo;
    }

    /** The values of {@link #INSERISCI}, in its order. */
    Object[] colonne() {
        return new Object[]{obiettivoId, ente, anno, titolo, settore, ufficio, ultimaSequenza};
    }

    /** The code of the objective's settore now (as of the last event applied). */
    String settore() {
        return settore;
    }

    /** The code of the objective's ufficio now, null when it has none. */
    String ufficio() {
        return ufficio;
    }

    long ultimaSequenza() {
        return ultimaSequenza;
    }

    /** The event at {@code sequenza} is in the storico; a new titolo, settore or ufficio becomes the objective's. */
    void applicata(long sequenza, Object evento) {
        ultimaSequenza = sequenza;
        if (evento instanceof ObiettivoRinominato r) {
            titolo = r.titoloDopo();
        }
        if (evento instanceof ObiettivoSpostato s) {
            settore = s.settoreDopo().codice();
            ufficio = s.ufficioDopo() == null ? null : s.ufficioDopo().codice();
        }
    }
}
