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
import it.comuni.peg.api.organigramma.Codici;
import it.comuni.peg.api.organigramma.ConferisciIncarico;
import it.comuni.peg.api.organigramma.IstituisciStruttura;
import it.comuni.peg.api.organigramma.RegistraPersona;
import it.comuni.peg.command.organigramma.Organigrammi;
import it.comuni.peg.command.perimetro.PerimetroComandi;
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
 * Imports a print into a registered ente (codice IPA) through the command gateway: the events are the
 * only record, no view is written. First the organigramma: what the print shows of it and the ente's
 * lacks ({@link PianoOrganigramma}); then the objectives, on those settori and uffici, their people by
 * identificativo. Ids are deterministic and the organigramma is completed, never duplicated, so
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
    private final Organigrammi organigrammi;

    public ImportatoreStampa(CommandGateway commandGateway, EventStore eventStore, PlatformTransactionManager transactionManager,
                             MeterRegistry registry, Organigrammi organigrammi) {
        this.organigrammi = organigrammi;
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.transazione = new TransactionTemplate(transactionManager);
        this.registry = registry;
    }

    /**
     * Refuses bad parameters, an ente that is not registered ({@link NonTrovato} "Ente X non trovato",
     * before anything is written) and a file that is no print ({@link it.comuni.peg.command.importazione.stampa.StampaNonLeggibile}).
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
        } catch (ValoreNonValido | NonTrovato | it.comuni.peg.command.importazione.stampa.StampaNonLeggibile
                 | it.comuni.peg.api.csv.CsvNonValido e) {
            esito = "rifiutata";
            throw e;
        } finally {
            Counter.builder("peg_import").description("Imports of a PEG, by outcome").tag("esito", esito)
                    .register(registry).increment();
        }
    }

    /**
     * The plans a print turns into for an ente (codice IPA) and year, in print order, without sending
     * anything: what the demo's simulated year builds on. Objectives that could not be imported are left
     * out; people are assigned by name (the import gives them their identificativo).
     */
    public List<PianoObiettivo> piani(byte[] contenuto, String ente, int anno) {
        richiediEnteEAnno(ente, anno);
        return preparazioni(LettoreStampaPeg.leggi(contenuto), ente.strip(), anno).stream()
                .flatMap(p -> p.piano().stream()).toList();
    }

    /** The parameters every import needs, refused before the file is even read. */
    static void richiediEnteEAnno(String ente, Integer anno) {
        Testo.richiesto(ente, "ente");
        new Lunghezze().testo("ente", ente.strip(), Limite.ENTE).verifica();
        if (anno == null || anno < PRIMO_ANNO || anno > ULTIMO_ANNO) {
            throw new ValoreNonValido("anno", "L'anno deve essere compreso tra " + PRIMO_ANNO + " e " + ULTIMO_ANNO);
        }
    }

    /**
     * The ente an import goes into: a registered codice IPA, checked before anything is read or written.
     *
     * @throws ValoreNonValido when it is not a codice IPA
     * @throws NonTrovato      "Ente X non trovato" when no ente has that code
     */
    String enteRegistrato(String ente) {
        return PerimetroComandi.enteRegistrato(Codici.ente(ente), organigrammi);
    }

    private static List<Preparazione> preparazioni(StampaPeg stampa, String ente, int anno) {
        ComandiDaStampa comandi = new ComandiDaStampa(ente, anno);
        Map<String, Integer> occorrenze = new HashMap<>();
        List<Preparazione> preparazioni = new ArrayList<>();
        for (ObiettivoStampato obiettivo : stampa.obiettivi()) {
            int occorrenza = occorrenze.merge(ComandiDaStampa.chiave(obiettivo), 1, Integer::sum);
            preparazioni.add(comandi.prepara(obiettivo, occorrenza));
        }
        return preparazioni;
    }

    private EsitoImportazione esegui(byte[] contenuto, String ente, Integer anno) {
        long inizio = System.nanoTime();
        richiediEnteEAnno(ente, anno);
        String codice = enteRegistrato(ente);
        StampaPeg stampa = LettoreStampaPeg.leggi(contenuto);
        List<Avviso> avvisi = new ArrayList<>(stampa.avvisi());
        List<Preparazione> preparazioni = preparazioni(stampa, codice, anno);
        List<PianoObiettivo> piani = preparazioni.stream().flatMap(p -> p.piano().stream()).toList();
        Completamento organigramma = completaOrganigramma(OrganigrammaVisto.dallaStampa(stampa, piani), codice, anno,
                PianoOrganigramma.Fonte.stampa(anno), avvisi);
        int[] esiti = inviaTutti(preparazioni, organigramma.piano(), avvisi);
        avvisi.sort(Comparator.comparingInt(Avviso::riga));
        EsitoImportazione esito = new EsitoImportazione(stampa.obiettivi().size(), stampa.numeroFasi(),
                stampa.numeroAssegnazioni(), stampa.numeroPersone(), stampa.numeroSettori(), stampa.numeroUffici(),
                esiti[0], esiti[1], organigramma.aggiunte(), List.copyOf(avvisi));
        log.info("Importazione di {} {}: {} obiettivi, {} nuovi, {} già presenti, organigramma {}, {} avvisi in {} ms", codice, anno,
                esito.obiettivi(), esito.nuovi(), esito.giaPresenti(), esito.organigramma(), avvisi.size(),
                (System.nanoTime() - inizio) / 1_000_000);
        return esito;
    }

    /**
     * Sends every plan, each person assigned by the identificativo the organigramma gives the name; the
     * findings of each preparation go into {@code avvisi}. Returns {nuovi, giaPresenti}.
     */
    int[] inviaTutti(List<Preparazione> preparazioni, PianoOrganigramma organigramma, List<Avviso> avvisi) {
        int[] esiti = new int[2];
        for (Preparazione preparazione : preparazioni) {
            avvisi.addAll(preparazione.avvisi());
            if (preparazione.piano().isEmpty()) {
                continue;
            }
            switch (invia(preparazione.piano().get().conPersone(organigramma::identificativo), avvisi)) {
                case NUOVO -> esiti[0]++;
                case GIA_PRESENTE -> esiti[1]++;
                case RIFIUTATO -> { }
            }
        }
        return esiti;
    }

    /** The organigramma's plan after sending, and what it added. */
    record Completamento(PianoOrganigramma piano, EsitoImportazione.Aggiunte aggiunte) {
    }

    /**
     * Adds to the ente's organigramma what the file shows and it lacks ({@link PianoOrganigramma}),
     * before any objective: one command at a time through the gateway, as the user importing (so the
     * organigramma's own authorisation applies) or as the system from the command line. A command the
     * organigramma refuses is reported and the import goes on; anything else (the database away) stops it.
     */
    Completamento completaOrganigramma(OrganigrammaVisto visto, String ente, int anno, PianoOrganigramma.Fonte fonte,
                                      List<Avviso> avvisi) {
        long inizio = System.nanoTime();
        PianoOrganigramma piano = PianoOrganigramma.di(visto, organigrammi, ente, anno, fonte);
        avvisi.addAll(piano.avvisi());
        List<PianoOrganigramma.Passo> riusciti = new ArrayList<>();
        int strutture = 0;
        int persone = 0;
        int incarichi = 0;
        for (PianoOrganigramma.Passo passo : piano.passi()) {
            try {
                commandGateway.sendAndWait(passo.comando());
            } catch (RegolaViolata | ValoreNonValido | NonTrovato e) {
                log.warn("Organigramma di {}: {} rifiutato: {}", ente, passo.comando().getClass().getSimpleName(), e.getMessage());
                avvisi.add(new Avviso(passo.riga(), TipoAvviso.ORGANIGRAMMA_RIFIUTATO, "L'organigramma non accetta "
                        + descrizione(passo.comando()) + ": " + e.getMessage()));
                if (passo.comando() instanceof RegistraPersona r) {
                    piano.nonRegistrata(r);
                }
                continue;
            }
            riusciti.add(passo);
            if (passo.avviso() != null) {
                avvisi.add(passo.avviso());
            }
            if (passo.comando() instanceof IstituisciStruttura) {
                strutture++;
            } else if (passo.comando() instanceof RegistraPersona) {
                persone++;
            } else {
                incarichi++;
            }
        }
        avvisi.addAll(piano.riepilogo(riusciti));
        log.info("Organigramma di {} completato: {} comandi su {} in {} ms", ente, riusciti.size(), piano.passi().size(),
                (System.nanoTime() - inizio) / 1_000_000);
        return new Completamento(piano, new EsitoImportazione.Aggiunte(strutture, persone, incarichi));
    }

    private static String descrizione(Object comando) {
        if (comando instanceof IstituisciStruttura s) {
            return "la struttura " + s.codice();
        }
        if (comando instanceof RegistraPersona p) {
            return "la persona " + p.nome() + " (" + p.identificativo() + ")";
        }
        if (comando instanceof ConferisciIncarico i) {
            return "l'incarico di " + i.persona() + " su " + i.struttura();
        }
        return comando.getClass().getSimpleName();
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
