package it.comuni.peg.query.smvp;

import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.support.EventiDiProva;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rimodulata phase explains its score with the plan it had, the new one, the day the rimodulazione was
 * recorded (in Italy) and its motivazione: from the objective's events through the scheda to the engine.
 */
class RimodulazioniSmvpTest {

    @Test
    void theExplanationOfARimodulataPhaseTellsBothPlansTheDayAndWhy() {
        // recorded at 23:30 UTC of 20 March: 21/03/2023 in Italy (UTC+1 before the end of March)
        EventiDiProva eventi = new EventiDiProva("ob-1")
                .definito("Comune di Capannori", 2023, "Digitalizzazione pratiche edilizie", "2023-01-10T09:00:00Z")
                .fase(1, "2023-01-01", "2023-03-31", "2023-01-10T09:02:00Z")
                .fase(2, "2023-04-01", "2023-06-30", "2023-01-10T09:03:00Z")
                .rimodulata(1, "2023-01-01", "2023-03-31", "2023-01-01", "2023-05-31", "2023-03-20T23:30:00Z")
                .rimodulata(1, "2023-01-01", "2023-05-31", "2023-02-01", "2023-06-30", "2023-05-02T08:00:00Z")
                .completata(1, "2023-06-20", "2023-06-21T10:00:00Z");
        Scheda scheda = eventi.scheda();
        LocalDate al = LocalDate.of(2023, 12, 31);

        DatiValutazione.Obiettivo dati = DatiDaScheda.obiettivo(scheda, ProvaSmvp.metodo(), al);
        Valutazione v = MotoreSmvp.valuta(ProvaSmvp.metodo(), new DatiValutazione(al, List.of(dati), null, null));

        Valutazione.Fase prima = v.obiettivo("ob-1").fasi().get(0);
        assertThat(prima.esito().passi()).containsSubsequence(
                "fase 1 «Fase 1», fine prevista 30/06/2023",
                "rimodulata il 21/03/2023: prevista dal 01/01/2023 al 31/03/2023, poi dal 01/01/2023 al 31/05/2023;"
                        + " motivazione: «Ritardo nell'affidamento»",
                "rimodulata il 02/05/2023: prevista dal 01/01/2023 al 31/05/2023, poi dal 01/02/2023 al 30/06/2023;"
                        + " motivazione: «Ritardo nell'affidamento»",
                "completata il 20/06/2023 entro la fine prevista 30/06/2023: 100");
        // a phase never rimodulata says nothing of rimodulazioni
        assertThat(v.obiettivo("ob-1").fasi().get(1).esito().passi()).noneMatch(p -> p.startsWith("rimodulata"));
    }
}
