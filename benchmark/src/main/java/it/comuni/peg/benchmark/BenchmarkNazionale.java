package it.comuni.peg.benchmark;

import it.comuni.peg.PegApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar benchmark/target/benchmark.jar [--rapido] [--eventi=N] [--livelli=1,2,4] [--secondi=S] [--riscaldamento=S] [--jfr]} (or {@code bash ops/benchmark.sh},
 * which builds the jar first): starts the whole application ({@link PegApplication}, whose component
 * scan also finds this module's {@link ComandoVuoto}) on a fresh embedded MariaDB under target/bench,
 * runs {@link Banco}, writes target/bench/results.json, prints the table, exits. Any other argument
 * goes to the application (e.g. {@code --peg.proiezioni.segmenti=2}).
 */
public final class BenchmarkNazionale {

    private BenchmarkNazionale() {
    }

    public static void main(String[] args) throws Exception {
        boolean rapido = false;
        boolean jfr = false;
        Long eventi = null;
        Integer secondi = null;
        Integer riscaldamento = null;
        List<Integer> livelli = null;
        Path cartella = Path.of("target", "bench").toAbsolutePath();
        List<String> perApplicazione = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--rapido") || a.equals("--quick")) {
                rapido = true;
            } else if (a.equals("--jfr")) {
                jfr = true;
            } else if (a.startsWith("--eventi=") || a.startsWith("--events=")) {
                eventi = Long.parseLong(a.substring(a.indexOf('=') + 1).replace("_", ""));
            } else if (a.startsWith("--secondi=")) {
                secondi = Integer.parseInt(a.substring("--secondi=".length()));
            } else if (a.startsWith("--riscaldamento=")) {
                riscaldamento = Integer.parseInt(a.substring("--riscaldamento=".length()));
            } else if (a.startsWith("--livelli=")) {
                livelli = java.util.Arrays.stream(a.substring("--livelli=".length()).split(",")).map(Integer::valueOf).toList();
            } else if (a.startsWith("--cartella=")) {
                cartella = Path.of(a.substring("--cartella=".length())).toAbsolutePath();
            } else {
                perApplicazione.add(a);
            }
        }
        Parametri parametri = rapido ? Parametri.rapido(eventi == null ? 150_000 : eventi, cartella)
                : Parametri.completo(eventi == null ? 1_000_000 : eventi, cartella);
        parametri = parametri.con(livelli, secondi).conRiscaldamento(riscaldamento).conJfr(jfr);

        Path dati = cartella.resolve("dati");
        // a fresh store every run: the generator writes into an empty one
        FileSystemUtils.deleteRecursively(dati);
        EmittenteToken token = EmittenteToken.nuovo();
        Path chiave = token.scriviChiavePubblica(cartella.resolve("chiave-pubblica.pem"));

        List<String> argomenti = new ArrayList<>(List.of(
                "--server.port=0",
                "--peg.database.incorporato.cartella=" + dati,
                "--peg.database.incorporato.porta=0",
                // a store of a few GB: give InnoDB room for it, and for the bulk load's redo
                "--peg.database.incorporato.argomenti[0]=--innodb-buffer-pool-size=2G",
                "--peg.database.incorporato.argomenti[1]=--innodb-log-file-size=1G",
                "--peg.database.incorporato.argomenti[2]=--max-connections=500",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + chiave,
                // no demo ente: the generator writes into an empty store, every ente of it its own
                "--peg.enti-dimostrativi=",
                "--logging.level.org.axonframework.eventsourcing.eventstore=warn"));
        argomenti.addAll(perApplicazione);

        int esito = 0;
        ConfigurableApplicationContext contesto = SpringApplication.run(PegApplication.class, argomenti.toArray(String[]::new));
        try {
            Risultati risultati = new Banco(contesto, parametri, token).esegui();
            Path file = risultati.scrivi(cartella.resolve("results.json"));
            System.out.println();
            System.out.println(risultati.tabella());
            System.out.println("Risultati in " + file);
        } catch (Exception e) {
            e.printStackTrace();
            esito = 1;
        } finally {
            SpringApplication.exit(contesto);
        }
        System.exit(esito);
    }
}
