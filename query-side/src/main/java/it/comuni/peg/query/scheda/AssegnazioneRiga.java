package it.comuni.peg.query.scheda;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A period of assignment of a person to an objective: the index of the individual evaluation, by name
 * and by identificativo ({@code persona}, stored {@code ''} for a person known by name only: it is part
 * of the key, which two people with the same name share otherwise).
 */
@Entity
@Table(name = "assegnazione_persona")
@IdClass(AssegnazioneRiga.Chiave.class)
public class AssegnazioneRiga {

    public record Chiave(String obiettivoId, String nome, LocalDate inizio, String persona) implements Serializable {
        public Chiave() {
            this(null, null, null, null);
        }
    }

    @Id
    @Column(name = "obiettivo_id")
    private String obiettivoId;
    @Id
    private String nome;
    @Id
    private LocalDate inizio;
    @Id
    private String persona;
    private String ente;
    private int anno;
    private LocalDate fine;

    /** The row as a rebuild inserts it: see {@link #colonne()}. */
    static final String INSERISCI = "INSERT INTO assegnazione_persona (obiettivo_id, nome, inizio, persona, ente, anno, fine)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    /** The identificativo of a person known by name only. */
    static final String NESSUNA = "";

    protected AssegnazioneRiga() {
    }

    AssegnazioneRiga(String obiettivoId, String nome, String persona, LocalDate inizio, String ente, int anno, LocalDate fine) {
        this.obiettivoId = obiettivoId;
        this.nome = nome;
        this.persona = persona == null ? NESSUNA : persona;
        this.inizio = inizio;
        this.ente = ente;
        this.anno = anno;
        this.fine = fine;
    }

    public String obiettivoId() {
        return obiettivoId;
    }

    /** The values of {@link #INSERISCI}, in its order. */
    Object[] colonne() {
        return new Object[]{obiettivoId, nome, inizio, persona, ente, anno, fine};
    }

    Chiave chiave() {
        return new Chiave(obiettivoId, nome, inizio, persona);
    }

    LocalDate fine() {
        return fine;
    }

    /** The end of the period, as the scheda now says (an assignment ended early). */
    void termina(LocalDate nuovaFine) {
        this.fine = nuovaFine;
    }
}
