/**
 * Import of the "Stampa Obiettivi PEG" (the print converted to text), through the command gateway.
 *
 * <p>Over HTTP, as controllo di gestione:
 * <pre>
 * curl -u controllo:controllo -F file=@stampa.txt "http://localhost:8080/api/import?ente=Comune%20di%20X&amp;anno=2023"
 * </pre>
 * From the command line, with the same jar (no web server is started; on the embedded database run
 * it while the server is stopped, both would open the same data folder):
 * <pre>
 * java -jar app/target/app.jar --importa=stampa.txt --ente="Comune di X" --anno=2023
 * </pre>
 * Both give the same report ({@link it.comuni.peg.command.importazione.EsitoImportazione}).
 *
 * <p>{@code stampa} reads the text (pure JDK, every finding with its line); {@code ComandiDaStampa}
 * turns an objective into commands and refuses whole what the aggregate would refuse half-way;
 * {@code ImportatoreStampa} sends each objective's commands in one transaction and skips those
 * already in the event store (deterministic ids: a second import appends nothing).
 */
package it.comuni.peg.command.importazione;
