package it.comuni.peg.command.idempotenza;

import it.comuni.peg.api.comune.ChiaveRiutilizzata;
import it.comuni.peg.command.concorrenza.BloccoAnticipato;
import it.comuni.peg.command.metadati.IdentitaSuiComandi;
import it.comuni.peg.command.transazione.ScadenzaTransazione;
import it.comuni.peg.platform.axon.Metadati;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Idempotency-Key, claimed where its guarantee is made: in the unit of work of the command,
 * in the transaction that appends the command's events. A command that carries a key and the
 * fingerprint of its request ({@link Metadati#CHIAVE_IDEMPOTENZA}, {@link Metadati#IMPRONTA_RICHIESTA},
 * put there by {@link InvioIdempotente}) claims the key before it runs and records its result
 * beside it after: the claim, the events and the result commit or roll back together, so a key
 * appends once whatever fails and whenever. A refused command (a broken rule, a stale If-Match)
 * rolls its claim back with the rest: it appended nothing, and a retry runs it again.
 * <p>
 * A key some earlier request committed is not run again. The command answers the result that
 * request's command answered, with {@link #RIPETUTA} in the result's metadata; or, if the
 * earlier request was a different one, it is refused with {@link ChiaveRiutilizzata} (422).
 * <p>
 * Concurrent retries of one key. In this process they meet at the aggregate's lock, which
 * {@link BloccoAnticipato} takes before this runs and Axon releases only after the commit: the
 * second finds the key committed and replays, without loading the objective the first just changed
 * (where its rule, e.g. one consuntivo per month, would refuse it with a spurious 409). In two
 * processes (two command sides on one database) they meet at the key's row: the second's insert
 * waits for the first's transaction, then fails as a duplicate and replays, before its command
 * runs. Keys of one user are one space: a key is unique per (user, key), whatever the endpoint.
 */
@Component
@Order(IdempotenzaInterceptor.ORDINE)
public class IdempotenzaInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    /**
     * After {@link BloccoAnticipato} (the claim is made under the aggregate's lock) and
     * {@link ScadenzaTransazione} (the claim is part of the transaction's bounded time).
     */
    public static final int ORDINE = ScadenzaTransazione.ORDINE + 1;
    /** In the metadata of a command's result: it is the result kept under the key, the command did not run. */
    public static final String RIPETUTA = "ripetuta";

    private final RisposteIdempotenti risposte;
    private final Serializer serializer;

    public IdempotenzaInterceptor(RisposteIdempotenti risposte, Serializer serializer) {
        this.risposte = risposte;
        this.serializer = serializer;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        MetaData metadati = unitOfWork.getMessage().getMetaData();
        if (!(metadati.get(Metadati.CHIAVE_IDEMPOTENZA) instanceof String chiave)
                || !(metadati.get(Metadati.IMPRONTA_RICHIESTA) instanceof String impronta)) {
            return chain.proceed();
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // outside a transaction the claim would commit on its own, apart from the events
            throw new IllegalStateException("Idempotency-Key senza transazione: il bus dei comandi non ha un gestore di transazioni");
        }
        String utente = String.valueOf(metadati.getOrDefault(Metadati.UTENTE, IdentitaSuiComandi.UTENTE_DI_SISTEMA));
        if (!rivendica(utente, chiave, impronta)) {
            return ripeti(utente, chiave, impronta);
        }
        Object risultato = chain.proceed();
        Object valore = risultato instanceof Message<?> messaggio ? messaggio.getPayload() : risultato;
        if (valore == null) {
            risposte.registra(utente, chiave, null, null);
        } else {
            SerializedObject<byte[]> serializzato = serializer.serialize(valore, byte[].class);
            risposte.registra(utente, chiave, serializzato.getType().getName(), serializzato.getData());
        }
        return risultato;
    }

    private boolean rivendica(String utente, String chiave, String impronta) {
        try {
            return risposte.rivendica(utente, chiave, impronta);
        } catch (PessimisticLockingFailureException e) {
            // several requests waited on the row of a claim that rolled back, and the database
            // chose some of them as deadlock victims: a conflict the client may simply retry
            throw new ConcurrencyException("Una richiesta con la stessa Idempotency-Key è in corso: riprovare", e);
        }
    }

    private GenericCommandResultMessage<Object> ripeti(String utente, String chiave, String impronta) {
        RispostaRegistrata prima = risposte.trova(utente, chiave).orElseThrow(() ->
                new ConcurrencyException("Una richiesta con la stessa Idempotency-Key è in corso: riprovare"));
        if (!prima.impronta().equals(impronta)) {
            throw new ChiaveRiutilizzata("Questa Idempotency-Key è già stata usata per una richiesta diversa");
        }
        Object esito = prima.tipoEsito() == null ? null
                : serializer.deserialize(new SimpleSerializedObject<>(prima.esito(), byte[].class, prima.tipoEsito(), null));
        return new GenericCommandResultMessage<>(esito, MetaData.with(RIPETUTA, Boolean.TRUE));
    }
}
