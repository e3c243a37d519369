package it.comuni.peg.query.relazione;

import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.asof.StoriaObiettivo;
import it.comuni.peg.query.organigramma.Enti;
import it.comuni.peg.query.organigramma.OrganigrammaQueries;
import it.comuni.peg.query.scheda.Scheda;
import it.comuni.peg.query.smvp.ValutazioneSmvp;
import it.comuni.peg.query.smvp.ValutazioneSmvpService;
import it.comuni.peg.query.valutazione.CicloAlIstante;
import it.comuni.peg.query.valutazione.CicloNoto;
import it.comuni.peg.query.valutazione.ValutazioneService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the annex of the Relazione sulla performance needs, each as known at the end of the day asked
 * (replaying the events, as every as-of read), and hands it to {@link ComposizioneAllegato}.
 *
 * <p>The day asked is the knowledge's; the scores refer to it, or to 31/12 of the year when it falls later:
 * the annex of 2023 written in April 2024 scores the year as closed, on everything recorded by April
 * (the late consuntivi of December among them).
 */
@Service
@Transactional(readOnly = true)
public class AllegatoObiettiviService {

    private final ValutazioneService valutazioni;
    private final ValutazioneSmvpService smvp;
    private final CicloAlIstante cicli;
    private final StoriaObiettivo storia;
    private final Enti enti;
    private final OrganigrammaQueries organigramma;
    private final Clock clock;
    private final int tolleranzaGiorni;

    public AllegatoObiettiviService(ValutazioneService valutazioni, ValutazioneSmvpService smvp, CicloAlIstante cicli,
                                    StoriaObiettivo storia, Enti enti, OrganigrammaQueries organigramma, Clock clock,
                                    @Value("${peg.consuntivo.tolleranza-giorni:10}") int tolleranzaGiorni) {
        this.valutazioni = valutazioni;
        this.smvp = smvp;
        this.cicli = cicli;
        this.storia = storia;
        this.enti = enti;
        this.organigramma = organigramma;
        this.clock = clock;
        this.tolleranzaGiorni = tolleranzaGiorni;
    }

    /**
     * @param ente codice IPA, already checked to be one the user reads
     * @param al   the day (null: today, so that a closed year is scored at its end on all that is known)
     * @throws ValoreNonValido naming {@code anno} or {@code al} for a day before the year or in the future
     * @throws NonTrovato      when the ente had no objective of that year by then
     */
    public AllegatoObiettivi allegato(String ente, int anno, LocalDate al) {
        LocalDate oggi = LocalDate.now(clock.withZone(Istanti.FUSO));
        if (anno < 2000 || anno > oggi.getYear()) {
            throw new ValoreNonValido("anno", "L'allegato si genera per un anno dal 2000 all'anno in corso (ricevuto " + anno + ")");
        }
        LocalDate giorno = al != null ? al : oggi;
        if (giorno.getYear() < anno) {
            throw new ValoreNonValido("al", "L'allegato del PEG " + anno + " si riferisce a una data dal 01/01/" + anno
                    + " (ricevuto " + FormaItaliana.data(giorno) + ")");
        }
        if (giorno.isAfter(oggi)) {
            throw new ValoreNonValido("al", "L'allegato non può riferirsi a una data futura (ricevuto " + FormaItaliana.data(giorno) + ")");
        }
        Instant adesso = clock.instant();
        Instant fine = Istanti.fineGiornata(giorno);
        Instant notoAl = fine.isAfter(adesso) ? adesso : fine;
        LocalDate punteggiAl = giorno.getYear() > anno ? LocalDate.of(anno, 12, 31) : giorno;

        List<Scheda> schede = valutazioni.schede(ente, anno, notoAl, false);
        if (schede.isEmpty()) {
            throw new NonTrovato("Nessun obiettivo del PEG " + anno + " dell'ente " + ente + " registrato al " + FormaItaliana.data(giorno));
        }
        Map<String, PrimeRegistrazioni> registrazioni = new HashMap<>();
        Set<String> strutture = new HashSet<>();
        for (Scheda s : schede) {
            PrimeRegistrazioni r = new PrimeRegistrazioni();
            storia.finoA(s.id(), notoAl, r::accetta);
            registrazioni.put(s.id(), r);
            strutture.add(s.settore().codice());
            if (s.ufficio() != null) {
                strutture.add(s.ufficio().codice());
            }
        }
        CicloNoto ciclo = cicli.ciclo(ente, anno, notoAl);
        Optional<ValutazioneSmvp> punteggi = ciclo.smvpAl(punteggiAl).isPresent()
                ? Optional.of(smvp.peg(ente, anno, punteggiAl, notoAl, false)) : Optional.empty();
        var intestazione = new ComposizioneAllegato.Intestazione(ente, enti.nome(ente).orElse(ente), anno, giorno, punteggiAl, notoAl,
                organigramma.nomiStrutture(ente, strutture), tolleranzaGiorni);
        return ComposizioneAllegato.componi(intestazione, schede, registrazioni, punteggi, ciclo.validazioni());
    }
}
