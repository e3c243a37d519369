package it.comuni.peg.command.perimetro;

import it.comuni.peg.command.organigramma.Organigrammi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The enti's organigrammi as the command handlers' tests set them up, held in memory: registered enti
 * with their former names, strutture, persone and incarichi with their days (both ends included; a
 * null {@code al}: still in force).
 */
public final class OrganigrammiDiProva implements Organigrammi {

    private final Map<String, String> enti = new HashMap<>();
    private final Map<String, Map<String, StrutturaNota>> strutture = new HashMap<>();
    private final Map<String, Map<String, PersonaNota>> persone = new HashMap<>();
    private final List<Incarico> incarichi = new ArrayList<>();

    private record Incarico(String ente, String id, String struttura, String persona, LocalDate dal, LocalDate al) {
    }

    /** Registers an ente by its codice IPA, with the names it was called by before. */
    public OrganigrammiDiProva ente(String codice, String... denominazioniPrecedenti) {
        enti.put(codice, codice);
        for (String nome : denominazioniPrecedenti) {
            enti.put(nome, codice);
        }
        return this;
    }

    public OrganigrammiDiProva settore(String ente, String codice, String nome) {
        strutture.computeIfAbsent(ente, e -> new HashMap<>()).put(codice, new StrutturaNota(codice, nome, false, null, null, null));
        return this;
    }

    public OrganigrammiDiProva ufficio(String ente, String codice, String nome, String settore) {
        strutture.computeIfAbsent(ente, e -> new HashMap<>()).put(codice, new StrutturaNota(codice, nome, true, settore, null, null));
        return this;
    }

    public OrganigrammiDiProva persona(String ente, String identificativo, String nome) {
        persone.computeIfAbsent(ente, e -> new HashMap<>()).put(identificativo, new PersonaNota(identificativo, nome));
        return this;
    }

    /** The persona is responsabile of the struttura from {@code dal} to {@code al} (null: open). */
    public OrganigrammiDiProva incarico(String ente, String struttura, String persona, LocalDate dal, LocalDate al) {
        incarichi.add(new Incarico(ente, ente + "-" + struttura + "-" + incarichi.size(), struttura, persona, dal, al));
        return this;
    }

    @Override
    public Optional<String> codiceEnte(String nominato) {
        return Optional.ofNullable(nominato == null ? null : enti.get(nominato));
    }

    @Override
    public Optional<StrutturaNota> struttura(String ente, String codice) {
        return Optional.ofNullable(strutture.getOrDefault(ente, Map.of()).get(codice));
    }

    @Override
    public Optional<PersonaNota> persona(String ente, String identificativo) {
        return Optional.ofNullable(persone.getOrDefault(ente, Map.of()).get(identificativo));
    }

    @Override
    public List<PersonaNota> persone(String ente) {
        return persone.getOrDefault(ente, Map.of()).values().stream()
                .sorted(java.util.Comparator.comparing(PersonaNota::identificativo)).toList();
    }

    @Override
    public List<IncaricoNoto> incarichi(String ente, String struttura) {
        return incarichi.stream().filter(i -> i.ente().equals(ente) && i.struttura().equals(struttura))
                .sorted(java.util.Comparator.comparing(Incarico::dal))
                .map(i -> new IncaricoNoto(i.id(), i.persona(), i.dal(), i.al())).toList();
    }

    @Override
    public Set<String> responsabili(String ente, String struttura, LocalDate giorno) {
        return incarichi.stream()
                .filter(i -> i.ente().equals(ente) && i.struttura().equals(struttura))
                .filter(i -> !giorno.isBefore(i.dal()) && (i.al() == null || !giorno.isAfter(i.al())))
                .map(Incarico::persona)
                .collect(Collectors.toSet());
    }
}
