package it.comuni.peg.web.scheda;

import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.web.grafico.Grafico;
import org.springframework.stereotype.Component;

/**
 * The scheda's charts for templates that have a scheda and its grid but no chart in their model (the
 * prints): {@code ${@grafici.obiettivo(scheda, griglia)}}, the same {@link Avanzamento} the page draws.
 */
@Component("grafici")
public class GraficiScheda {

    /** The objective's planned-against-actual chart over the grid's months. */
    public Grafico obiettivo(Scheda scheda, Cronoprogramma griglia) {
        return Avanzamento.obiettivo(scheda, griglia.mesi());
    }
}
