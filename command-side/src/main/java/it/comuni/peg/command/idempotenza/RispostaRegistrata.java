package it.comuni.peg.command.idempotenza;

/** The first answer given to a request with an Idempotency-Key, replayed to every retry. */
record RispostaRegistrata(String impronta, int stato, String tipoContenuto, String posizione, String etag, byte[] corpo) {
}
