package it.comuni.peg.query.support;

import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.api.consuntivo.ConsuntivoRettificato;
import it.comuni.peg.api.consuntivo.Rilevazione;
import it.comuni.peg.api.fase.FaseCompletata;
import it.comuni.peg.api.fase.FasePianificata;
import it.comuni.peg.api.fase.FaseRimodulata;
import it.comuni.peg.api.fase.Pianificazione;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.indicatore.IndicatoreDefinito;
import it.comuni.peg.api.indicatore.ValoreIndicatoreRegistrato;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.persona.PersonaAssegnata;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.scheda.SchedaReducer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The events of one objective, written as the aggregate would, with the recording instants chosen. */
public class EventiDiProva {

    private final ObiettivoId id;
    private final List<DomainEventMessage<?>> eventi = new ArrayList<>();
    private Map<String, Object> metadati = Map.of("utente", "dirigente", "ruolo", "DIRIGENTE");

    public EventiDiProva(String id) {
        this.id = ObiettivoId.di(id);
    }

    public ObiettivoId id() {
        return id;
    }

    public List<DomainEventMessage<?>> eventi() {
        return eventi;
    }

    /** The scheda these events fold to. */
    public Scheda scheda() {
        return piega(eventi);
    }

    /** The scheda {@code eventi} fold to ({@link SchedaReducer}, each with its sequence and timestamp). */
    public static Scheda piega(List<DomainEventMessage<?>> eventi) {
        Scheda s = null;
        for (DomainEventMessage<?> e : eventi) {
            s = SchedaReducer.applica(s, e.getPayload(), e.getSequenceNumber(), e.getTimestamp());
        }
        return s;
    }

    public EventiDiProva evento(Object payload, String quando) {
        eventi.add(new GenericDomainEventMessage<>("Obiettivo", id.valore(), eventi.size(), payload,
                metadati, UUID.randomUUID().toString(), Instant.parse(quando)));
        return this;
    }

    /**
     * The events that follow are recorded by {@code utente} as {@code ruolo} in {@code ente}, being
     * {@code persona} (an identificativo, or a name as before the organigramma; null: none), as the
     * command side stamps them.
     */
    public EventiDiProva come(String utente, String ente, String ruolo, String persona) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("utente", utente, "ente", ente, "ruolo", ruolo));
        if (persona != null) {
            m.put("persona", persona);
        }
        metadati = Map.copyOf(m);
        return this;
    }

    public EventiDiProva definito(String ente, int anno, String titolo, String quando) {
        return evento(new ObiettivoDefinito(id, ente, anno, titolo, "<p>Descrizione</p>",
                new Settore("SASTER", "Settore assetto del territorio", "ROSSI MARIO"),
                new Ufficio("UEDPRI", "Edilizia privata", "BIANCHI ANNA"), Peso.di(50.0), Peso.di(50.0),
                new RiferimentoDup("5.3", "Territorio"), new RiferimentoDup("5.3.01", "Edilizia")), quando);
    }

    public EventiDiProva persona(String nome, String inizio, String fine, String quando) {
        return evento(new PersonaAssegnata(id, nome, "Categoria C", "Istruttore", LocalDate.parse(inizio),
                LocalDate.parse(fine)), quando);
    }

    /** A person assigned by identificativo, with the name the organigramma gave. */
    public EventiDiProva persona(String nome, String persona, String inizio, String fine, String quando) {
        return evento(new PersonaAssegnata(id, nome, persona, "Categoria C", "Istruttore", LocalDate.parse(inizio),
                LocalDate.parse(fine)), quando);
    }

    public EventiDiProva fase(int numero, String inizio, String fine, String quando) {
        LocalDate i = LocalDate.parse(inizio);
        LocalDate f = LocalDate.parse(fine);
        return evento(new FasePianificata(id, numero, "Fase " + numero, null, i, f,
                new it.comuni.peg.api.comune.Periodo(i, f).mesi(), false), quando);
    }

    public EventiDiProva rimodulata(int numero, String inizioPrima, String finePrima, String inizio, String fine, String quando) {
        var prima = new it.comuni.peg.api.comune.Periodo(LocalDate.parse(inizioPrima), LocalDate.parse(finePrima));
        var dopo = new it.comuni.peg.api.comune.Periodo(LocalDate.parse(inizio), LocalDate.parse(fine));
        return evento(new FaseRimodulata(id, numero, new Pianificazione(prima.inizio(), prima.fine(), prima.mesi()),
                new Pianificazione(dopo.inizio(), dopo.fine(), dopo.mesi()), Motivazione.di("Ritardo nell'affidamento")), quando);
    }

    public EventiDiProva consuntivo(int fase, String mese, int percentuale, String quando) {
        return evento(new ConsuntivoRegistrato(id, fase, YearMonth.parse(mese), true, Percentuale.di(percentuale),
                null, null), quando);
    }

    public EventiDiProva rettifica(int fase, String mese, int prima, int dopo, String quando) {
        return evento(new ConsuntivoRettificato(id, fase, YearMonth.parse(mese),
                new Rilevazione(true, Percentuale.di(prima), null, null),
                new Rilevazione(true, Percentuale.di(dopo), null, null), Motivazione.di("Errore di battitura")), quando);
    }

    public EventiDiProva completata(int fase, String data, String quando) {
        return evento(new FaseCompletata(id, fase, LocalDate.parse(data), "Determina 12/2023"), quando);
    }

    public EventiDiProva indicatore(String codice, String atteso, Direzione direzione, double peso, String quando) {
        return evento(new IndicatoreDefinito(id, codice, "Indicatore " + codice, "n.", new BigDecimal(atteso), direzione,
                Peso.di(peso)), quando);
    }

    public EventiDiProva valore(String codice, String valore, String data, String quando) {
        return evento(new ValoreIndicatoreRegistrato(id, codice, new BigDecimal(valore), LocalDate.parse(data), null), quando);
    }
}
