package it.comuni.peg.query.organigramma;

import it.comuni.peg.api.organigramma.DenominazioneRegistrata;
import it.comuni.peg.api.organigramma.EnteRegistrato;
import it.comuni.peg.api.organigramma.IncaricoConferito;
import it.comuni.peg.api.organigramma.IncaricoCorretto;
import it.comuni.peg.api.organigramma.IncaricoTerminato;
import it.comuni.peg.api.organigramma.PersonaCorretta;
import it.comuni.peg.api.organigramma.PersonaRegistrata;
import it.comuni.peg.api.organigramma.StrutturaChiusa;
import it.comuni.peg.api.organigramma.StrutturaIstituita;
import it.comuni.peg.api.organigramma.StrutturaRinominata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One ente's organigramma as the read side keeps it, folded from its events: the rows of the
 * {@code organigramma_*} tables (Flyway V27), each a record, so that the rows a batch changed are the
 * ones that differ from those it read ({@link #cambiate}). The only fold of the projection: live
 * batches and rebuilds both run it.
 */
final class Pianta {

    private static final Set<Class<?>> EVENTI = Set.of(EnteRegistrato.class, DenominazioneRegistrata.class,
            StrutturaIstituita.class, StrutturaRinominata.class, StrutturaChiusa.class, PersonaRegistrata.class,
            PersonaCorretta.class, IncaricoConferito.class, IncaricoTerminato.class, IncaricoCorretto.class);

    /** A row and the upsert that writes it (by primary key: idempotent, and an insert on an empty table). */
    interface Riga {
        String scrittura();

        Object[] valori();
    }

    record EnteRiga(String ente, String nome, String codiceIstat, long versione) implements Riga {
        static final String SCRIVI = "INSERT INTO organigramma_ente (ente, nome, codice_istat, versione) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE nome = VALUE(nome), codice_istat = VALUE(codice_istat), versione = VALUE(versione)";

        public String scrittura() {
            return SCRIVI;
        }

        public Object[] valori() {
            return new Object[]{ente, nome, codiceIstat, versione};
        }
    }

    record DenominazioneRiga(String denominazione, String ente) implements Riga {
        static final String SCRIVI = "INSERT INTO organigramma_denominazione (denominazione, ente) VALUES (?, ?)"
                + " ON DUPLICATE KEY UPDATE ente = VALUE(ente)";

        public String scrittura() {
            return SCRIVI;
        }

        public Object[] valori() {
            return new Object[]{denominazione, ente};
        }
    }

    record StrutturaRiga(String ente, String codice, String nome, String tipo, String settore, LocalDate dal, LocalDate al)
            implements Riga {
        static final String SCRIVI = "INSERT INTO organigramma_struttura (ente, codice, nome, tipo, settore, dal, al)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE nome = VALUE(nome), tipo = VALUE(tipo),"
                + " settore = VALUE(settore), dal = VALUE(dal), al = VALUE(al)";

        public String scrittura() {
            return SCRIVI;
        }

        public Object[] valori() {
            return new Object[]{ente, codice, nome, tipo, settore, dal, al};
        }
    }

    record PersonaRiga(String ente, String identificativo, String nome) implements Riga {
        static final String SCRIVI = "INSERT INTO organigramma_persona (ente, identificativo, nome) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE nome = VALUE(nome)";

        public String scrittura() {
            return SCRIVI;
        }

        public Object[] valori() {
            return new Object[]{ente, identificativo, nome};
        }
    }

    record IncaricoRiga(String ente, String incarico, String struttura, String persona, String tipo, LocalDate dal,
                        LocalDate al, String atto) implements Riga {
        static final String SCRIVI = "INSERT INTO organigramma_incarico (ente, incarico, struttura, persona, tipo, dal, al, atto)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE struttura = VALUE(struttura), persona = VALUE(persona),"
                + " tipo = VALUE(tipo), dal = VALUE(dal), al = VALUE(al), atto = VALUE(atto)";

        public String scrittura() {
            return SCRIVI;
        }

        public Object[] valori() {
            return new Object[]{ente, incarico, struttura, persona, tipo, dal, al, atto};
        }
    }

    private EnteRiga ente;
    private final Map<String, Riga> righe = new LinkedHashMap<>();

    /** An organigramma not yet registered: its first event is EnteRegistrato. */
    Pianta() {
    }

    /** The organigramma as its rows hold it ({@code ente} {@code null}: none yet). */
    Pianta(EnteRiga ente, List<? extends Riga> righe) {
        this.ente = ente;
        righe.forEach(r -> this.righe.put(chiave(r), r));
    }

    static boolean riguarda(Object evento) {
        return EVENTI.contains(evento.getClass());
    }

    /** The sequence number of the last event folded in; -1 before the first. */
    long versione() {
        return ente == null ? -1 : ente.versione();
    }

    /** Folds one event of the ente's stream, {@code sequenza} being its sequence number. */
    void applica(Object evento, long sequenza) {
        if (evento instanceof EnteRegistrato e) {
            ente = new EnteRiga(e.ente(), e.nome(), e.codiceIstat(), sequenza);
            e.denominazioniPrecedenti().forEach(d -> metti(new DenominazioneRiga(d, e.ente())));
        } else if (evento instanceof DenominazioneRegistrata e) {
            metti(new DenominazioneRiga(e.denominazione(), e.ente()));
        } else if (evento instanceof StrutturaIstituita e) {
            metti(new StrutturaRiga(e.ente(), e.codice(), e.nome(), e.tipo().name(), e.settore(), e.dal(), e.al()));
        } else if (evento instanceof StrutturaRinominata e) {
            cambia(StrutturaRiga.class, chiave("S", e.codice()),
                    s -> new StrutturaRiga(s.ente(), s.codice(), e.nome(), s.tipo(), s.settore(), s.dal(), s.al()));
        } else if (evento instanceof StrutturaChiusa e) {
            cambia(StrutturaRiga.class, chiave("S", e.codice()),
                    s -> new StrutturaRiga(s.ente(), s.codice(), s.nome(), s.tipo(), s.settore(), s.dal(), e.al()));
        } else if (evento instanceof PersonaRegistrata e) {
            metti(new PersonaRiga(e.ente(), e.identificativo(), e.nome()));
        } else if (evento instanceof PersonaCorretta e) {
            metti(new PersonaRiga(e.ente(), e.identificativo(), e.nome()));
        } else if (evento instanceof IncaricoConferito e) {
            metti(new IncaricoRiga(e.ente(), e.incarico(), e.struttura(), e.persona(), e.tipo().name(), e.dal(), e.al(), e.atto()));
        } else if (evento instanceof IncaricoTerminato e) {
            cambia(IncaricoRiga.class, chiave("I", e.incarico()),
                    r -> new IncaricoRiga(r.ente(), r.incarico(), r.struttura(), r.persona(), r.tipo(), r.dal(), e.al(), r.atto()));
        } else if (evento instanceof IncaricoCorretto e) {
            cambia(IncaricoRiga.class, chiave("I", e.incarico()),
                    r -> new IncaricoRiga(r.ente(), r.incarico(), r.struttura(), e.dopo().persona(), r.tipo(), e.dopo().dal(),
                            e.dopo().al(), e.dopo().atto()));
        } else {
            return;
        }
        if (ente != null) {
            ente = new EnteRiga(ente.ente(), ente.nome(), ente.codiceIstat(), sequenza);
        }
    }

    /** Every row, the ente's first. */
    List<Riga> tutte() {
        List<Riga> tutte = new ArrayList<>();
        if (ente != null) {
            tutte.add(ente);
        }
        tutte.addAll(righe.values());
        return tutte;
    }

    /** The rows that differ from {@code prima}'s (rows are never removed: a struttura closes, an incarico ends). */
    List<Riga> cambiate(Pianta prima) {
        List<Riga> cambiate = new ArrayList<>();
        if (ente != null && !ente.equals(prima.ente)) {
            cambiate.add(ente);
        }
        righe.forEach((k, r) -> {
            if (!Objects.equals(prima.righe.get(k), r)) {
                cambiate.add(r);
            }
        });
        return cambiate;
    }

    /** A copy to compare with after a batch. */
    Pianta copia() {
        return new Pianta(ente, new ArrayList<>(righe.values()));
    }

    private void metti(Riga riga) {
        righe.put(chiave(riga), riga);
    }

    private <R extends Riga> void cambia(Class<R> tipo, String chiave, java.util.function.UnaryOperator<R> cambio) {
        Riga riga = righe.get(chiave);
        if (tipo.isInstance(riga)) {
            righe.put(chiave, cambio.apply(tipo.cast(riga)));
        }
    }

    private static String chiave(Riga riga) {
        if (riga instanceof DenominazioneRiga d) {
            return chiave("D", d.denominazione());
        }
        if (riga instanceof StrutturaRiga r) {
            return chiave("S", r.codice());
        }
        if (riga instanceof PersonaRiga r) {
            return chiave("P", r.identificativo());
        }
        if (riga instanceof IncaricoRiga r) {
            return chiave("I", r.incarico());
        }
        throw new IllegalArgumentException(String.valueOf(riga));
    }

    private static String chiave(String tipo, String codice) {
        return tipo + ":" + codice;
    }
}
