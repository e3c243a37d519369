package it.comuni.peg.command.obiettivo;

import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.consuntivo.Rilevazione;
import it.comuni.peg.api.fase.Pianificazione;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A phase as the aggregate needs it to decide: its plan, the consuntivi by month, completion. */
class Fase {

    private final int numero;
    private Pianificazione pianificazione;
    private final TreeMap<YearMonth, Rilevazione> consuntivi = new TreeMap<>();
    private LocalDate completataIl;

    Fase(int numero, Pianificazione pianificazione) {
        this.numero = numero;
        this.pianificazione = pianificazione;
    }

    Pianificazione pianificazione() {
        return pianificazione;
    }

    boolean completata() {
        return completataIl != null;
    }

    boolean haConsuntivo(YearMonth mese) {
        return consuntivi.containsKey(mese);
    }

    Optional<Rilevazione> consuntivo(YearMonth mese) {
        return Optional.ofNullable(consuntivi.get(mese));
    }

    void richiediNonCompletata(String azione) {
        if (completata()) {
            throw new RegolaViolata("La fase " + numero + " è completata dal " + FormaItaliana.data(completataIl) + " e non può " + azione);
        }
    }

    /**
     * Progress is cumulative: a month cannot show less than an earlier month nor more than a later
     * one. A lower figure is a correction of the past and needs a rettifica of that month instead.
     */
    void richiediCumulativa(YearMonth mese, Percentuale percentuale) {
        Map.Entry<YearMonth, Rilevazione> prima = consuntivi.lowerEntry(mese);
        if (prima != null && percentuale.compareTo(prima.getValue().percentuale()) < 0) {
            throw new RegolaViolata("La percentuale è cumulativa: " + percentuale.valore() + "% a " + FormaItaliana.mese(mese)
                    + " è inferiore al " + prima.getValue().percentuale().valore() + "% già registrato a "
                    + FormaItaliana.mese(prima.getKey()));
        }
        Map.Entry<YearMonth, Rilevazione> dopo = consuntivi.higherEntry(mese);
        if (dopo != null && percentuale.compareTo(dopo.getValue().percentuale()) > 0) {
            throw new RegolaViolata("La percentuale è cumulativa: " + percentuale.valore() + "% a " + FormaItaliana.mese(mese)
                    + " supera il " + dopo.getValue().percentuale().valore() + "% già registrato a "
                    + FormaItaliana.mese(dopo.getKey()));
        }
    }

    /** A phase cannot be completed before a month in which work on it was recorded. */
    void richiediCompletabileIl(LocalDate data) {
        if (!consuntivi.isEmpty() && YearMonth.from(data).isBefore(consuntivi.lastKey())) {
            throw new RegolaViolata("La fase " + numero + " non può essere completata il " + FormaItaliana.data(data)
                    + ": ha un consuntivo di " + FormaItaliana.mese(consuntivi.lastKey()));
        }
    }

    void rimodula(Pianificazione nuova) {
        pianificazione = nuova;
    }

    void registra(YearMonth mese, Rilevazione rilevazione) {
        consuntivi.put(mese, rilevazione);
    }

    void completa(LocalDate data) {
        completataIl = data;
    }

    /** Value equality: lets the test fixture verify that replaying the events rebuilds the same state. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Fase altra && numero == altra.numero && pianificazione.equals(altra.pianificazione)
                && consuntivi.equals(altra.consuntivi) && java.util.Objects.equals(completataIl, altra.completataIl);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(numero, pianificazione, consuntivi, completataIl);
    }
}
