package it.comuni.peg.command.importazione;

import it.comuni.peg.api.csv.Csv;
import it.comuni.peg.command.importazione.stampa.Avviso;
import it.comuni.peg.command.importazione.stampa.TipoAvviso;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Imports a PEG written in the CSV format ({@link it.comuni.peg.api.csv.FormatoPegCsv}) into a
 * registered ente along the same path as the print: the settori, uffici, persone and responsabili its
 * rows name completed in the ente's organigramma first (an ufficio under the settore of the first
 * objective naming it; a struttura without a name named by its code), then the same pre-validation per
 * objective, the same deterministic ids (an objective already in the store is left alone), one
 * transaction per objective, the same report.
 */
@Service
public class ImportatoreCsv {

    private static final Logger log = LoggerFactory.getLogger(ImportatoreCsv.class);

    private final ImportatoreStampa importatore;

    public ImportatoreCsv(ImportatoreStampa importatore) {
        this.importatore = importatore;
    }

    /**
     * Refuses bad parameters, an ente that is not registered ("Ente X non trovato", before anything is
     * written) and a file that is no CSV ({@link it.comuni.peg.api.csv.CsvNonValido}, with its line).
     */
    public EsitoImportazione importa(byte[] contenuto, String ente, Integer anno) {
        return importatore.conteggiata(() -> esegui(contenuto, ente, anno));
    }

    private EsitoImportazione esegui(byte[] contenuto, String ente, Integer anno) {
        long inizio = System.nanoTime();
        ImportatoreStampa.richiediEnteEAnno(ente, anno);
        String codice = importatore.enteRegistrato(ente);
        Csv.Testo testo = Csv.decodifica(contenuto);
        List<Avviso> avvisi = new ArrayList<>();
        if (testo.windows1252()) {
            avvisi.add(new Avviso(1, TipoAvviso.CODIFICA_NON_UTF8, "Il file non è UTF-8: letto come Windows-1252"
                    + " (in Excel: \"CSV UTF-8\" evita la conversione)"));
        }
        ComandiDaCsv.Risultato letto = new ComandiDaCsv(codice, anno).leggi(testo.contenuto());
        avvisi.addAll(letto.avvisi());
        List<PianoObiettivo> piani = letto.preparazioni().stream().flatMap(p -> p.piano().stream()).toList();
        ImportatoreStampa.Completamento organigramma = importatore.completaOrganigramma(OrganigrammaVisto.daiPiani(piani), codice, anno,
                PianoOrganigramma.Fonte.csv(anno), avvisi);
        int[] esiti = importatore.inviaTutti(letto.preparazioni(), organigramma.piano(), avvisi);
        avvisi.sort(Comparator.comparingInt(Avviso::riga));
        EsitoImportazione esito = new EsitoImportazione(letto.obiettivi(), letto.fasi(), letto.assegnazioni(), letto.persone(),
                letto.settori(), letto.uffici(), esiti[0], esiti[1], organigramma.aggiunte(), List.copyOf(avvisi));
        log.info("Importazione CSV di {} {}: {} obiettivi, {} nuovi, {} già presenti, organigramma {}, {} avvisi in {} ms", codice, anno,
                esito.obiettivi(), esito.nuovi(), esito.giaPresenti(), esito.organigramma(), avvisi.size(),
                (System.nanoTime() - inizio) / 1_000_000);
        return esito;
    }
}
