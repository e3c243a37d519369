package it.comuni.peg.query.storico;

import it.comuni.peg.platform.sicurezza.Provenienza;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/**
 * One change of an objective, in words, with who made it (user, role, persona as recorded on the event),
 * where the objective stood then (settore and ufficio codes) and the values before and after.
 */
@Entity
@Table(name = "storico_voce")
@IdClass(StoricoVoceRiga.Chiave.class)
public class StoricoVoceRiga {

    public record Chiave(String obiettivoId, long sequenza) implements Serializable {
        public Chiave() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "obiettivo_id")
    private String obiettivoId;
    @Id
    private long sequenza;
    private String ente;
    private int anno;
    private long posizione;
    @Column(name = "registrato_il")
    private Instant registratoIl;
    private String utente;
    private String ruolo;
    private String persona;
    private String settore;
    private String ufficio;
    private String autenticazione;
    private String emittente;
    @Column(name = "autenticato_il")
    private Instant autenticatoIl;
    private String tipo;
    @Column(columnDefinition = "TEXT")
    private String descrizione;
    @Column(columnDefinition = "TEXT")
    private String motivazione;
    @Lob
    @Column(columnDefinition = "LONGTEXT")
    private String prima;
    @Lob
    @Column(columnDefinition = "LONGTEXT")
    private String dopo;
    @Column(name = "registrato_in_ritardo")
    private boolean registratoInRitardo;
    @Column(name = "giorni_ritardo")
    private Integer giorniRitardo;

    /** The row as a rebuild inserts it: see {@link #colonne()}. */
    static final String INSERISCI = "INSERT INTO storico_voce (obiettivo_id, sequenza, ente, anno, posizione, registrato_il,"
            + " utente, ruolo, persona, settore, ufficio, autenticazione, emittente, autenticato_il, tipo, descrizione,"
            + " motivazione, prima, dopo, registrato_in_ritardo, giorni_ritardo)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    protected StoricoVoceRiga() {
    }

    StoricoVoceRiga(String obiettivoId, long sequenza, String ente, int anno, long posizione, Instant registratoIl,
                    String utente, String ruolo, String persona, String settore, String ufficio, Provenienza provenienza,
                    Descrizione d, String prima, String dopo) {
        this.obiettivoId = obiettivoId;
        this.sequenza = sequenza;
        this.ente = ente;
        this.anno = anno;
        this.posizione = posizione;
        this.registratoIl = registratoIl;
        this.utente = utente;
        this.ruolo = ruolo;
        this.persona = persona;
        this.settore = settore;
        this.ufficio = ufficio;
        this.autenticazione = provenienza.modo() == Provenienza.Modo.IGNOTO ? null : provenienza.modo().name();
        this.emittente = provenienza.emittente();
        this.autenticatoIl = provenienza.autenticatoIl();
        this.tipo = d.tipo();
        this.descrizione = d.frase();
        this.motivazione = d.motivazione();
        this.prima = prima;
        this.dopo = dopo;
        this.registratoInRitardo = d.giorniRitardo() != null;
        this.giorniRitardo = d.giorniRitardo();
    }

    /** The values of {@link #INSERISCI}, in its order. */
    Object[] colonne() {
        return new Object[]{obiettivoId, sequenza, ente, anno, posizione, registratoIl, utente, ruolo, persona, settore, ufficio,
                autenticazione, emittente, autenticatoIl, tipo, descrizione, motivazione, prima, dopo, registratoInRitardo, giorniRitardo};
    }

    public String obiettivoId() { return obiettivoId; }
    public long sequenza() { return sequenza; }
    public Instant registratoIl() { return registratoIl; }
    public String utente() { return utente; }
    public String ruolo() { return ruolo; }
    public String ente() { return ente; }
    /** The persona as recorded: an identificativo, or a name on events from before the organigramma; null when none. */
    public String persona() { return persona; }
    /** The objective's settore when the event was recorded; null on lines projected before it was kept. */
    public String settore() { return settore; }
    public String ufficio() { return ufficio; }
    /** How the author had signed in, as the event recorded it ({@link Provenienza#IGNOTA} on events that say nothing). */
    public Provenienza provenienza() {
        return new Provenienza(autenticazione == null ? null : Provenienza.Modo.valueOf(autenticazione), emittente, autenticatoIl);
    }
    public String tipo() { return tipo; }
    public String descrizione() { return descrizione; }
    public String motivazione() { return motivazione; }
    public String prima() { return prima; }
    public String dopo() { return dopo; }
    public boolean registratoInRitardo() { return registratoInRitardo; }
    public Integer giorniRitardo() { return giorniRitardo; }
}
