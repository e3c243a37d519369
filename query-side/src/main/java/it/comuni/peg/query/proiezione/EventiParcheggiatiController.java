package it.comuni.peg.query.proiezione;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/admin/eventi-parcheggiati")
@Tag(name = "Amministrazione", description = "Eventi che una proiezione non ha potuto applicare")
public class EventiParcheggiatiController {

    private final EventiParcheggiati parcheggiati;

    public EventiParcheggiatiController(EventiParcheggiati parcheggiati) {
        this.parcheggiati = parcheggiati;
    }

    @GetMapping
    @Operation(summary = "Elenca gli eventi parcheggiati, con la causa, per proiezione")
    public List<EventiParcheggiati.EventoParcheggiato> elenco(@RequestParam(required = false) String proiezione) {
        return parcheggiati.elenco(proiezione);
    }

    @PostMapping("/{proiezione}/tentativi")
    @Operation(summary = "Riprova gli eventi parcheggiati della proiezione, in ordine; quelli che falliscono ancora restano")
    public EventiParcheggiati.EsitoTentativo riprova(@PathVariable String proiezione) {
        return parcheggiati.riprova(proiezione);
    }

}
