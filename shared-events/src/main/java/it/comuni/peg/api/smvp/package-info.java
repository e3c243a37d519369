/**
 * The ente's own Sistema di Misurazione e Valutazione della Performance (SMVP) as data: the method
 * ({@link it.comuni.peg.api.smvp.MetodoSmvp}), the rules a method must obey beyond its shape
 * ({@link it.comuni.peg.api.smvp.RegoleMetodo}) and its document form, YAML or JSON checked against the
 * published schema {@code docs/smvp/metodo-smvp.schema.json} ({@link it.comuni.peg.api.smvp.DocumentoMetodo}).
 *
 * <p>Why here, in the API module: a method is set per ente and year by a command and recorded by an
 * event, so its records travel through Axon's serializer and must be seen by both sides; the command
 * side refuses a bad document when the nucleo imports it, the query side scores with it and exports it.
 * The records are plain data (no checks in their constructors): a document with mistakes is still read
 * as far as it can be, so that every mistake is reported at once, with its path.
 */
package it.comuni.peg.api.smvp;
