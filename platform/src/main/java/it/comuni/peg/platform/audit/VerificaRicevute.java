package it.comuni.peg.platform.audit;

import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.platform.audit.EsitoVerifica.Anomalia;
import org.springframework.stereotype.Component;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Verifies the store against receipts issued earlier. For each receipt: its signature must verify
 * with the configured public key ({@link Firmatario#pubblica()}), and its timestamp, if any, must
 * cover it; then the chain recomputed from the rows as stored (never from the stored seals, which
 * whoever rewrites the store can recompute too) must reach the receipt's hash at its index; after it,
 * the stored chain must go on intact ({@link VerificaCatena}). One walk of the store serves every
 * receipt.
 * <p>
 * A receipt that fails is located: the same walk compares every recomputed hash with the per-event
 * hashes of the exported checkpoints ({@link EsportazioneCheckpoint}) and names the first event that
 * was altered, deleted or inserted (global index, aggregate, sequence, payload type). Without an
 * export folder the failure is reported without the event.
 */
@Component
public class VerificaRicevute {

    private final VerificaCatena catena;
    private final Firmatario firmatario;
    private final EsportazioneCheckpoint esportazione;

    public VerificaRicevute(VerificaCatena catena, Firmatario firmatario, EsportazioneCheckpoint esportazione) {
        this.catena = catena;
        this.firmatario = firmatario;
        this.esportazione = esportazione;
    }

    /**
     * @throws ValoreNonValido       when no receipt is given
     * @throws RicevutaNonAutentica  when a receipt's signature or timestamp does not verify (checked before reading the store)
     * @throws RicevuteNonDisponibili when there is no public key to verify with
     */
    public EsitoRicevute verifica(List<Ricevuta> ricevute) {
        if (ricevute == null || ricevute.isEmpty()) {
            throw new ValoreNonValido("ricevute", "Nessuna ricevuta da verificare");
        }
        PublicKey pubblica = firmatario.pubblica().orElseThrow(() -> new RicevuteNonDisponibili(firmatario.assenza()));
        String impronta = ChiaveDiFirma.improntaDi(pubblica);
        List<Instant> marche = new ArrayList<>();
        for (int i = 0; i < ricevute.size(); i++) {
            marche.add(autentica(ricevute.get(i), i + 1, pubblica, impronta));
        }
        long massimo = ricevute.stream().mapToLong(Ricevuta::indice).max().orElseThrow();
        TreeMap<Long, EsportazioneCheckpoint.EventoEsportato> esportati = esportazione.eventiFino(massimo, pubblica);
        VerificaCatena.Ricalcolo ricalcolo = catena.verifica(ricevute.stream().map(Ricevuta::indice).collect(Collectors.toSet()),
                esportati);
        List<EsitoRicevuta> esiti = new ArrayList<>();
        for (int i = 0; i < ricevute.size(); i++) {
            esiti.add(esito(ricevute.get(i), i + 1, marche.get(i), ricalcolo, !esportati.isEmpty()));
        }
        boolean integra = ricalcolo.esito().integra() && esiti.stream().allMatch(EsitoRicevuta::valida);
        return new EsitoRicevute(integra, esiti, ricalcolo.esito());
    }

    private static Instant autentica(Ricevuta r, int posizione, PublicKey pubblica, String impronta) {
        String quale = "La ricevuta n. " + posizione + " (indice " + r.indice() + ")";
        if (!impronta.equals(r.improntaChiave())) {
            throw new RicevutaNonAutentica(quale + " è firmata con un'altra chiave (impronta " + r.improntaChiave()
                    + "; quella configurata è " + impronta + ")");
        }
        if (!ChiaveDiFirma.verifica(pubblica, r.messaggio(), r.firmaInByte())) {
            throw new RicevutaNonAutentica(quale + " ha una firma non valida: indice, hash o istante non sono quelli firmati");
        }
        if (r.marcaTemporale() == null) {
            return null;
        }
        return MarcaTemporale.verifica(r.marcaInByte(), r.messaggio()).orElseThrow(() -> new RicevutaNonAutentica(quale
                + " ha una marca temporale che non corrisponde alla ricevuta o non è firmata validamente"));
    }

    private static EsitoRicevuta esito(Ricevuta r, int posizione, Instant marca, VerificaCatena.Ricalcolo ricalcolo, boolean conEsportazione) {
        String ricalcolato = ricalcolo.hashRicalcolati().get(r.indice());
        if (r.hash().equals(ricalcolato)) {
            return new EsitoRicevuta(posizione, r.indice(), r.presaIl(), marca, true,
                    "Gli eventi fino all'indice " + r.indice() + " portano ancora all'hash della ricevuta", null);
        }
        Anomalia evento = Optional.ofNullable(ricalcolo.discordanza()).filter(d -> d.globalIndex() <= r.indice()).orElse(null);
        String perche = ricalcolato == null ? "l'evento con indice " + r.indice() + " non è più nell'archivio"
                : "gli eventi fino all'indice " + r.indice() + " non portano più all'hash della ricevuta";
        String dove = evento != null ? "; primo evento diverso da allora: indice " + evento.globalIndex() + " (" + evento.tipo() + ")"
                : conEsportazione ? "; i checkpoint esportati non coprono l'evento che differisce"
                : "; senza checkpoint esportati l'evento manomesso non si può indicare";
        return new EsitoRicevuta(posizione, r.indice(), r.presaIl(), marca, false,
                "Ricevuta n. " + posizione + " non più verificata: " + perche + dove, evento);
    }

    /**
     * The verification against receipts: {@code integra} when every receipt holds and the chain after
     * them is intact; each receipt's outcome; the chain's own verification.
     */
    public record EsitoRicevute(boolean integra, List<EsitoRicevuta> ricevute, EsitoVerifica catena) {

        /** The same without the identity of aggregates (and so of enti): what an ente's nucleo sees. */
        public EsitoRicevute senzaDettagliDegliAggregati() {
            return new EsitoRicevute(integra, ricevute.stream().map(EsitoRicevuta::senzaAggregato).toList(),
                    catena.senzaDettagliDegliAggregati());
        }
    }

    /**
     * One receipt's outcome: its position in the request (from 1), index and time, the TSA's time when it
     * carried a timestamp (verified), whether the store still matches it, why not in Italian, and the
     * first event that differs (null when it holds or cannot be located).
     */
    public record EsitoRicevuta(int posizione, long indice, Instant presaIl, Instant marcaTemporaleIl, boolean valida,
                                String messaggio, Anomalia evento) {

        EsitoRicevuta senzaAggregato() {
            return evento == null ? this : new EsitoRicevuta(posizione, indice, presaIl, marcaTemporaleIl, valida, messaggio,
                    evento.senzaAggregato());
        }
    }
}
