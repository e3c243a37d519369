package it.comuni.peg.platform.processori;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Admin view of the event processors of this process; stopping one is how ops test the alerts. */
@RestController
@RequestMapping("/api/admin/processori")
@Tag(name = "Amministrazione", description = "Processori di eventi")
public class ProcessoriController {

    private final Processori processori;

    public ProcessoriController(Processori processori) {
        this.processori = processori;
    }

    @GetMapping
    @Operation(summary = "Stato di ogni processore di eventi: attivo, segmenti, posizione, ritardo, eventi parcheggiati, stallo più lungo;"
            + " per ogni segmento posizione, testa, eventi indietro, nodo che lo tiene, secondi fermo con eventi in attesa, ultimo errore"
            + " e, se fermo, l'evento (obiettivo e tipo) che non ha superato e il perché")
    public List<StatoProcessore> elenco() {
        return processori.stati();
    }

    @GetMapping("/{nome}")
    @Operation(summary = "Stato di un processore di eventi, come nell'elenco")
    public StatoProcessore stato(@PathVariable String nome) {
        return processori.stato(nome);
    }

    @PostMapping("/{nome}/stop")
    @Operation(summary = "Ferma il processore in questo processo")
    public StatoProcessore ferma(@PathVariable String nome) {
        return processori.ferma(nome);
    }

    @PostMapping("/{nome}/start")
    @Operation(summary = "Avvia il processore in questo processo")
    public StatoProcessore avvia(@PathVariable String nome) {
        return processori.avvia(nome);
    }
}
