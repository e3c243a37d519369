package it.comuni.peg.query.storico;

import it.comuni.peg.api.organigramma.TipoIncarico;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.query.asof.Istanti;
import it.comuni.peg.query.organigramma.Enti;
import it.comuni.peg.query.organigramma.OrganigrammaAlGiorno;
import it.comuni.peg.query.organigramma.OrganigrammaQueries;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who acted on each line of a storico, as the ente's organigramma says it now: the persona's name (as
 * last corrected) beside the identificativo the event recorded, the role in Italian, and, for progress
 * (consuntivo, rettifica, completion, indicator's value, rimodulazione), the struttura by whose incarico
 * the persona acted: the objective's settore or ufficio of that moment whose incarico the persona held on
 * the day of recording (Europe/Rome; the ufficio first for a responsabile d'ufficio, the settore first
 * otherwise). Read per answer, a few queries per ente named in it, never one per line.
 * <p>
 * A line whose event carries no persona gets no {@link Autore} ({@code null}): its utente and ruolo say
 * who acted, as they always did. A persona the organigramma does not know (a name recorded before the
 * organigramma) is shown as recorded.
 */
@Component
public class ChiHaAgito {

    /** The kinds of line recorded by the holder of an incarico (the command side's authority over progress). */
    static final Set<String> AVANZAMENTO = Set.of("CONSUNTIVO_REGISTRATO", "CONSUNTIVO_RETTIFICATO", "FASE_COMPLETATA",
            "VALORE_INDICATORE_REGISTRATO", "FASE_RIMODULATA");

    private final OrganigrammaQueries organigramma;
    private final Enti enti;

    public ChiHaAgito(OrganigrammaQueries organigramma, Enti enti) {
        this.organigramma = organigramma;
        this.enti = enti;
    }

    /**
     * Who acted on a line: {@code persona} as recorded, {@code nomePersona} the organigramma's name for it
     * (null when it knows none), {@code descrizioneRuolo} the role in Italian, {@code incarico} the
     * struttura by whose incarico (null but for progress by its holder), {@code chi} all of it in one
     * phrase, e.g. "GENTILI LUCA (M001), Dirigente, responsabile del settore SASTER (Assetto del territorio)".
     */
    public record Autore(String persona, String nomePersona, String descrizioneRuolo, Incarico incarico, String chi) {
    }

    /**
     * The struttura by whose incarico a progress line was recorded: its code, name (null when the
     * organigramma does not know it), {@code SETTORE} or {@code UFFICIO}, and the incarico's kind
     * ({@code TITOLARE} or {@code INTERIM}).
     */
    public record Incarico(String struttura, String nomeStruttura, String tipoStruttura, TipoIncarico tipoIncarico) {
    }

    /** The author of each line that names a persona, by line (identity); lines without one are absent. */
    Map<StoricoVoceRiga, Autore> di(List<StoricoVoceRiga> voci) {
        Map<StoricoVoceRiga, Autore> autori = new IdentityHashMap<>();
        Map<String, List<StoricoVoceRiga>> perEnte = voci.stream().filter(v -> v.persona() != null)
                .collect(Collectors.groupingBy(StoricoVoceRiga::ente));
        perEnte.forEach((ente, righe) -> {
            // events recorded before codes name the ente by its denominazione
            Optional<String> codice = enti.codice(ente);
            Set<String> persone = righe.stream().map(StoricoVoceRiga::persona).collect(Collectors.toSet());
            Map<String, String> nomi = codice.map(c -> organigramma.nomiPersone(c, persone)).orElse(Map.of());
            Map<String, List<OrganigrammaAlGiorno.Incarico>> incarichi = codice
                    .map(c -> organigramma.incarichiDi(c, righe.stream().filter(v -> AVANZAMENTO.contains(v.tipo()))
                            .map(StoricoVoceRiga::persona).collect(Collectors.toSet())))
                    .orElse(List.of()).stream()
                    .collect(Collectors.groupingBy(OrganigrammaAlGiorno.Incarico::identificativo));
            Map<StoricoVoceRiga, Incarico> strutture = new IdentityHashMap<>();
            for (StoricoVoceRiga v : righe) {
                struttura(v, incarichi.getOrDefault(v.persona(), List.of())).ifPresent(i -> strutture.put(v, i));
            }
            Map<String, String> nomiStrutture = codice.map(c -> organigramma.nomiStrutture(c,
                    strutture.values().stream().map(Incarico::struttura).collect(Collectors.toSet()))).orElse(Map.of());
            for (StoricoVoceRiga v : righe) {
                Incarico incarico = strutture.get(v);
                if (incarico != null) {
                    incarico = new Incarico(incarico.struttura(), nomiStrutture.get(incarico.struttura()),
                            incarico.tipoStruttura(), incarico.tipoIncarico());
                }
                autori.put(v, autore(v.persona(), nomi.get(v.persona()), v.ruolo(), incarico));
            }
        });
        return autori;
    }

    /** The struttura (without its name) whose incarico the line's persona held on the day of recording, if a progress line. */
    private static Optional<Incarico> struttura(StoricoVoceRiga v, List<OrganigrammaAlGiorno.Incarico> incarichi) {
        if (!AVANZAMENTO.contains(v.tipo()) || incarichi.isEmpty()) {
            return Optional.empty();
        }
        LocalDate giorno = Istanti.giornoDi(v.registratoIl());
        List<String[]> candidate = new ArrayList<>();   // {code, SETTORE | UFFICIO}
        String[] settore = v.settore() == null ? null : new String[]{v.settore(), "SETTORE"};
        String[] ufficio = v.ufficio() == null ? null : new String[]{v.ufficio(), "UFFICIO"};
        candidate.addAll(Ruolo.RESPONSABILE_UFFICIO.name().equals(v.ruolo())
                ? Arrays.asList(ufficio, settore) : Arrays.asList(settore, ufficio));
        for (String[] c : candidate.stream().filter(Objects::nonNull).toList()) {
            for (OrganigrammaAlGiorno.Incarico i : incarichi) {
                if (i.struttura().equals(c[0]) && !i.dal().isAfter(giorno) && (i.al() == null || !i.al().isBefore(giorno))) {
                    return Optional.of(new Incarico(c[0], null, c[1], i.tipo()));
                }
            }
        }
        return Optional.empty();
    }

    private static Autore autore(String persona, String nome, String ruolo, Incarico incarico) {
        String descrizioneRuolo = descrizione(ruolo);
        StringBuilder chi = new StringBuilder(nome == null ? persona : nome + " (" + persona + ")");
        if (descrizioneRuolo != null) {
            chi.append(", ").append(descrizioneRuolo);
        }
        if (incarico != null) {
            chi.append(", responsabile").append(incarico.tipoIncarico() == TipoIncarico.INTERIM ? " ad interim" : "")
                    .append(incarico.tipoStruttura().equals("SETTORE") ? " del settore " : " dell'ufficio ")
                    .append(incarico.struttura())
                    .append(incarico.nomeStruttura() == null ? "" : " (" + incarico.nomeStruttura() + ")");
        }
        return new Autore(persona, nome, descrizioneRuolo, incarico, chi.toString());
    }

    /** The role in Italian ("Dirigente"); a value that is no role of today's (an old event's) as recorded; null for none. */
    static String descrizione(String ruolo) {
        if (ruolo == null) {
            return null;
        }
        return Arrays.stream(Ruolo.values()).filter(r -> r.name().equals(ruolo)).findFirst()
                .map(Ruolo::descrizione).orElse(ruolo);
    }
}
