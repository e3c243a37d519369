package it.comuni.peg.command.idempotenza;

/**
 * What a claimed Idempotency-Key keeps: the fingerprint of the request that claimed it, and the
 * result its command answered, serialized as Axon serializes a result ({@code tipoEsito} null: the
 * command answered nothing).
 */
record RispostaRegistrata(String impronta, String tipoEsito, byte[] esito) {
}
