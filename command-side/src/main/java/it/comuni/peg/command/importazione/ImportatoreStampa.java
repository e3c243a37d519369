package it.comuni.peg.command.importazione;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Lunghezze;
import it.comuni.peg.api.comune.NonTrovato;
import it.comuni.peg.api.comune.RegolaViolata;
import it.comuni.peg.api.comune.Testo;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.command.importazione.stampa.Avviso;
import it.comuni.peg.command.importazione.stampa.LettoreStampaPeg;
import it.comuni.peg.command.importazione.stampa.ObiettivoStampato;
import it.comuni.peg.command.importazione.stampa.StampaPeg;
import it.comuni.peg.command.importazione.stampa.TipoAvviso;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a print through the command gateway: the events are the only record, no view is written.
 * Ids are deterministic, so an objective already in the event store is counted and left alone, and
 * importing the same file again appends nothing.
 */
@Service
public class ImportatoreStampa {

    /** As the aggregate: years outside this range are typing errors. */
    private static final int PRIMO_ANNO = 2000;
    private static final int ULTIMO_ANNO = 2100;

    private static final Logger log = LoggerFactory.getLogger(ImportatoreStampa.class);

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final TransactionTemplate transazione;

    private final MeterRegistry registry;

    public ImportatoreStampa(CommandGateway commandGateway, EventStore eventStore, PlatformTransactionManager transactionManager,
                             MeterRegistry registry) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.transazione = new TransactionTemplate(transactionManager);
        this.registry = registry;
    }

    /**
     * Refuses bad parameters and a file that is no print ({@link it.comuni.peg.command.importazione.stampa.StampaNonLeggibile}).
     * Counted in {@code peg_import_total{esito}}: completata, con_rifiuti (some objective skipped),
     * rifiutata (the file or the parameters), errore.
     */
    public EsitoImportazione importa(byte[] contenuto, String ente, Integer anno) {
        return conteggiata(() -> esegui(contenuto, ente, anno));
    }

    /** Any import (the print, a CSV) counted in {@code peg_import_total{esito}} the same way. */
    EsitoImportazione conteggiata(java.util.function.Supplier<EsitoImportazione> importazione) {
        String esito = "errore";
        try {
            EsitoImportazione risultato = importazione.get();
            esito = risultato.avvisi().stream().anyMatch(a -> a.tipo() == TipoAvviso.OBIETTIVO_RIFIUTATO
                    || a.tipo() == TipoAvviso.OBIETTIVO_ILLEGGIBILE) ? "con_rifiuti" : "completata";
            return risultato;
        } catch (ValoreNonValido | it.comuni.peg.command.importazione.stampa.StampaNonLeggibile
                 | it.comuni.peg.api.csv.CsvNonValido e) {
            esito = "rifiutata";
            throw e;
        } finally {
            Counter.builder("peg_import").description("Imports of a PEG, by outcome").tag("esito", esito)
                    .register(registry).increment();
        }
    }

    /**
     * The plans a print turns into for an ente and year, in print order, without sending anything:
     * what the demo's simulated year builds on. Objectives that could not be imported are left out.
     */
    public List<PianoObiettivo> piani(byte[] contenuto, String ente, int anno) {
        richiediEnteEAnno(ente, anno);
        StampaPeg stampa = LettoreStampaPeg.leggi(contenuto);
        ComandiDaStampa comandi = new ComandiDaStampa(ente.strip(), anno);
        Map<String, Integer> occorrenze = new HashMap<>();
        List<PianoObiettivo> piani = new ArrayList<>();
        for (ObiettivoStampato obiettivo : stampa.obiettivi()) {
            int occorrenza = occorrenze.merge(ComandiDaStampa.chiave(obiettivo), 1, Integer::sum);
            comandi.prepara(obiettivo, occorrenza).piano().ifPresent(piani::add);
        }
        return piani;
    }

    /** The parameters every import needs, refused before the file is even read. */
    static void richiediEnteEAnno(String ente, Integer anno) {
        Testo.richiesto(ente, "ente");
        new Lunghezze().testo("ente", ente.strip(), Limite.ENTE).verifica();
        if (anno == null || anno < PRIMO_ANNO || anno > ULTIMO_ANNO) {
            throw new ValoreNonValido("anno", "L'anno deve essere compreso tra " + PRIMO_ANNO + " e " + ULTIMO_ANNO);
        }
    }

    private EsitoImportazione esegui(byte[] contenuto, String ente, Integer anno) {
        long inizio = System.nanoTime();
        richiediEnteEAnno(ente, anno);
        StampaPeg stampa = LettoreStampaPeg.leggi(contenuto);
        ComandiDaStampa comandi = new ComandiDaStampa(ente.strip(), anno);
        List<Avviso> avvisi = new ArrayList<>(stampa.avvisi());
        Map<String, Integer> occorrenze = new HashMap<>();
        int nuovi = 0;
        int giaPresenti = 0;
        for (ObiettivoStampato obiettivo : stampa.obiettivi()) {
            int occorrenza = occorrenze.merge(ComandiDaStampa.chiave(obiettivo), 1, Integer::sum);
            Preparazione preparazione = comandi.prepara(obiettivo, occorrenza);
            avvisi.addAll(preparazione.avvisi());
            if (preparazione.piano().isEmpty()) {
                continue;
            }
            switch (invia(preparazione.piano().get(), avvisi)) {
                case NUOVO -> nuovi++;
                case GIA_PRESENTE -> giaPresenti++;
                case RIFIUTATO -> { }
            }
        }
        avvisi.sort(Comparator.comparingInt(Avviso::riga));
        EsitoImportazione esito = new EsitoImportazione(stampa.obiettivi().size(), stampa.numeroFasi(),
                stampa.numeroAssegnazioni(), stampa.numeroPersone(), stampa.numeroSettori(), stampa.numeroUffici(),
                nuovi, giaPresenti, List.copyOf(avvisi));
        log.info("Importazione di {} {}: {} obiettivi, {} nuovi, {} già presenti, {} avvisi in {} ms", ente, anno,
                esito.obiettivi(), nuovi, giaPresenti, avvisi.size(), (System.nanoTime() - inizio) / 1_000_000);
        return esito;
    }

    enum Risultato { NUOVO, GIA_PRESENTE, RIFIUTATO }

    /**
     * All the commands of one objective in one transaction, which Axon joins: if the aggregate refuses
     * any of them, none of its events is committed, and the objective is not half-imported.
     */
    Risultato invia(PianoObiettivo piano, List<Avviso> avvisi) {
        if (eventStore.lastSequenceNumberFor(piano.id().valore()).isPresent()) {
            return Risultato.GIA_PRESENTE;
        }
        try {
            transazione.executeWithoutResult(stato -> piano.comandi().forEach(commandGateway::sendAndWait));
            return Risultato.NUOVO;
        } catch (AggregateStreamCreationException e) {
            // another import created it between the check and the send
            return Risultato.GIA_PRESENTE;
        } catch (RegolaViolata | ValoreNonValido | NonTrovato | CommandExecutionException e) {
            // the business refused it; anything else (the database away) stops the import and reaches the client
            log.warn("Obiettivo alla riga {} rifiutato: {}", piano.riga(), e.toString());
            avvisi.add(new Avviso(piano.riga(), TipoAvviso.OBIETTIVO_RIFIUTATO, "L'obiettivo \"" + piano.titolo()
                    + "\" non è importato, nulla ne è stato registrato: " + e.getMessage()));
            return Risultato.RIFIUTATO;
        }
    }
}
