package it.comuni.peg.query.storico;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the storico must know of an objective to file its other events: its PEG and title. */
@Entity
@Table(name = "storico_obiettivo")
public class StoricoObiettivoRiga {

    @Id
    @Column(name = "obiettivo_id")
    private String obiettivoId;
    private String ente;
    private int anno;
    private String titolo;
    @Column(name = "ultima_sequenza")
    private long ultimaSequenza;

    /** The row as a rebuild inserts it: see {@link #colonne()}. */
    static final String INSERISCI = "INSERT INTO storico_obiettivo (obiettivo_id, ente, anno, titolo, ultima_sequenza)"
            + " VALUES (?, ?, ?, ?, ?)";

    protected StoricoObiettivoRiga() {
    }

    StoricoObiettivoRiga(String obiettivoId, String ente, int anno, String titolo, long sequenza) {
        this.obiettivoId = obiettivoId;
        this.ente = ente;
        this.anno = anno;
        this.titolo = titolo;
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
        return new Object[]{obiettivoId, ente, anno, titolo, ultimaSequenza};
    }

    long ultimaSequenza() {
        return ultimaSequenza;
    }

    /** The event at {@code sequenza} is in the storico; a new titolo becomes the objective's. */
    void applicata(long sequenza, Object evento) {
        ultimaSequenza = sequenza;
        if (evento instanceof it.comuni.peg.api.obiettivo.ObiettivoRinominato r) {
            titolo = r.titoloDopo();
        }
    }
}
