package it.comuni.peg.command.importazione;

import it.comuni.peg.api.comune.FormaItaliana;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.organigramma.ComandoOrganigramma;
import it.comuni.peg.api.organigramma.ConferisciIncarico;
import it.comuni.peg.api.organigramma.IstituisciStruttura;
import it.comuni.peg.api.organigramma.RegistraPersona;
import it.comuni.peg.api.organigramma.TipoIncarico;
import it.comuni.peg.api.organigramma.TipoStruttura;
import it.comuni.peg.command.importazione.OrganigrammaVisto.Grafia;
import it.comuni.peg.command.importazione.OrganigrammaVisto.ResponsabileVisto;
import it.comuni.peg.command.importazione.OrganigrammaVisto.StrutturaVista;
import it.comuni.peg.command.importazione.stampa.Avviso;
import it.comuni.peg.command.importazione.stampa.TipoAvviso;
import it.comuni.peg.command.organigramma.Organigrammi;
import it.comuni.peg.command.organigramma.Organigrammi.IncaricoNoto;
import it.comuni.peg.command.organigramma.Organigrammi.PersonaNota;
import it.comuni.peg.command.organigramma.Organigrammi.StrutturaNota;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What an import adds to the ente's organigramma before its objectives, decided against the
 * organigramma as it is ({@link Organigrammi}), without sending anything:
 * <ul>
 *   <li>each settore and ufficio the file shows and the organigramma lacks (same code: reused, never
 *       duplicated, whatever its name there), valid from 1 January of the PEG's year;</li>
 *   <li>each person it names: the persona registered under the same name (letters and digits, case and
 *       accents aside) whatever its identificativo, else a new one with
 *       {@link it.comuni.peg.api.organigramma.Codici#identificativoProvvisorio the provisional identificativo};</li>
 *   <li>for each struttura with a printed responsabile, an incarico of titolare from 1 January (or from
 *       the struttura's first day) up to the day before the next incarico recorded on it, open-ended when
 *       none, by the act "Stampa PEG anno (da confermare)"; a struttura whose incarico is already recorded
 *       on that day is left as it is.</li>
 * </ul>
 * Every guess is a finding: incarichi taken from the file, vacancies, two spellings of one name, a
 * printed responsabile the organigramma contradicts. Importing the same file again plans nothing.
 */
final class PianoOrganigramma {


    /** Where the organigramma comes from: how the findings name it, and the act its incarichi cite. */
    record Fonte(String descrizione, String atto) {

        static Fonte stampa(int anno) {
            return new Fonte("la stampa", "Stampa PEG " + anno + " (da confermare)");
        }

        static Fonte csv(int anno) {
            return new Fonte("il CSV", "PEG " + anno + " in CSV (da confermare)");
        }

        /** The description at the start of a sentence. */
        String soggetto() {
            return Character.toUpperCase(descrizione.charAt(0)) + descrizione.substring(1);
        }
    }

    /** One command to send, at the line of the file it comes from; on success, its finding (or none). */
    record Passo(ComandoOrganigramma comando, int riga, Avviso avviso) {
    }

    private final String ente;
    private final int anno;
    private final Fonte fonte;
    private final LocalDate primoGennaio;
    private final List<Passo> passi = new ArrayList<>();
    private final List<Avviso> avvisi = new ArrayList<>();
    /** By key (the provisional identificativo of the name): the identificativo the import uses. */
    private final Map<String, String> identificativi = new HashMap<>();

    private PianoOrganigramma(String ente, int anno, Fonte fonte) {
        this.ente = ente;
        this.anno = anno;
        this.fonte = fonte;
        this.primoGennaio = LocalDate.of(anno, 1, 1);
    }

    /** Plans against the organigramma of the ente (codice IPA, registered). */
    static PianoOrganigramma di(OrganigrammaVisto visto, Organigrammi organigrammi, String ente, int anno, Fonte fonte) {
        PianoOrganigramma piano = new PianoOrganigramma(ente, anno, fonte);
        Map<String, StrutturaNota> strutture = piano.strutture(visto, organigrammi);
        piano.persone(visto, organigrammi);
        piano.incarichi(visto, organigrammi, strutture);
        return piano;
    }

    /** The commands, strutture first (settori before their uffici), then persone, then incarichi. */
    List<Passo> passi() {
        return List.copyOf(passi);
    }

    /** The findings known before sending (vacancies, spellings, contradictions). */
    List<Avviso> avvisi() {
        return List.copyOf(avvisi);
    }

    /**
     * The identificativo the import gives the person named so (any spelling); empty when the person
     * could not be registered (then assigned by name only).
     */
    Optional<String> identificativo(String nome) {
        return nome == null || nome.isBlank() ? Optional.empty()
                : Optional.ofNullable(identificativi.get(it.comuni.peg.api.organigramma.Codici.identificativoProvvisorio(nome)));
    }

    /** A persona whose registration was refused: its people are assigned by name only. */
    void nonRegistrata(RegistraPersona comando) {
        identificativi.values().remove(comando.identificativo());
    }

    /** The findings that sum up what was added: the strutture instituted and the provisional identificativi. */
    List<Avviso> riepilogo(List<Passo> riusciti) {
        List<Avviso> riepilogo = new ArrayList<>();
        List<Passo> strutture = riusciti.stream().filter(p -> p.comando() instanceof IstituisciStruttura).toList();
        if (!strutture.isEmpty()) {
            String settori = strutture.stream().map(p -> (IstituisciStruttura) p.comando())
                    .filter(s -> s.tipo() == TipoStruttura.SETTORE).map(IstituisciStruttura::codice).collect(Collectors.joining(", "));
            String uffici = strutture.stream().map(p -> (IstituisciStruttura) p.comando())
                    .filter(s -> s.tipo() == TipoStruttura.UFFICIO).map(s -> s.codice() + " (settore " + s.settore() + ")")
                    .collect(Collectors.joining(", "));
            riepilogo.add(new Avviso(strutture.get(0).riga(), TipoAvviso.STRUTTURE_ISTITUITE, "Strutture istituite nell'organigramma"
                    + " dell'ente " + ente + " come le mostra " + fonte.descrizione() + ", valide dal " + FormaItaliana.data(primoGennaio)
                    + " (da verificare): " + (settori.isEmpty() ? "nessun settore" : "settori " + settori)
                    + (uffici.isEmpty() ? "" : "; uffici " + uffici)));
        }
        List<Passo> persone = riusciti.stream().filter(p -> p.comando() instanceof RegistraPersona).toList();
        if (!persone.isEmpty()) {
            riepilogo.add(new Avviso(persone.get(0).riga(), TipoAvviso.IDENTIFICATIVI_PROVVISORI, persone.size()
                    + " persone registrate nell'organigramma con un identificativo provvisorio ricavato dal nome, perché "
                    + fonte.descrizione() + " non riporta matricole: " + persone.stream().map(p -> (RegistraPersona) p.comando())
                    .map(r -> r.nome() + " = " + r.identificativo()).collect(Collectors.joining(", "))));
        }
        return riepilogo;
    }

    // ---- strutture ----

    /** Every struttura the file shows, as it will be once the commands pass: the organigramma's, or the one planned. */
    private Map<String, StrutturaNota> strutture(OrganigrammaVisto visto, Organigrammi organigrammi) {
        Map<String, StrutturaNota> note = new LinkedHashMap<>();
        List<StrutturaVista> ordinate = new ArrayList<>(visto.strutture());
        // a settore before the uffici that belong to it
        ordinate.sort(Comparator.comparing(s -> s.tipo() == TipoStruttura.SETTORE ? 0 : 1));
        for (StrutturaVista s : ordinate) {
            Optional<StrutturaNota> esistente = organigrammi.struttura(ente, s.codice());
            if (esistente.isPresent()) {
                note.put(s.codice(), esistente.get());
                continue;
            }
            if (s.tipo() == TipoStruttura.UFFICIO && s.settore() == null) {
                avvisi.add(new Avviso(s.riga(), TipoAvviso.ORGANIGRAMMA_RIFIUTATO, "L'ufficio " + s.codice() + " non è istituito: "
                        + fonte.descrizione() + " non dice a quale settore appartenga"));
                continue;
            }
            String nome = s.nome() == null ? s.codice() : s.nome();
            try {
                passi.add(new Passo(new IstituisciStruttura(ente, s.codice(), nome, s.tipo(), s.settore(), primoGennaio, null), s.riga(), null));
                note.put(s.codice(), new StrutturaNota(s.codice(), nome, s.tipo() == TipoStruttura.UFFICIO, s.settore(), primoGennaio, null));
            } catch (ValoreNonValido e) {
                avvisi.add(new Avviso(s.riga(), TipoAvviso.ORGANIGRAMMA_RIFIUTATO, "La struttura " + s.codice() + " non è istituita: "
                        + e.getMessage()));
            }
        }
        return note;
    }

    // ---- persone ----

    private void persone(OrganigrammaVisto visto, Organigrammi organigrammi) {
        Map<String, PersonaNota> perNome = new HashMap<>();
        Map<String, PersonaNota> perIdentificativo = new HashMap<>();
        for (PersonaNota p : organigrammi.persone(ente)) {
            perNome.putIfAbsent(it.comuni.peg.api.organigramma.Codici.identificativoProvvisorio(p.nome()), p);
            perIdentificativo.put(p.identificativo(), p);
        }
        for (Map.Entry<String, List<Grafia>> voce : visto.nomi().entrySet()) {
            String chiave = voce.getKey();
            List<Grafia> grafie = voce.getValue();
            Grafia prima = grafie.get(0);
            PersonaNota esistente = perNome.get(chiave);
            if (esistente != null) {
                identificativi.put(chiave, esistente.identificativo());
                duegrafie(grafie, esistente);
                continue;
            }
            if (perIdentificativo.containsKey(chiave)) {
                avvisi.add(new Avviso(prima.riga(), TipoAvviso.ORGANIGRAMMA_RIFIUTATO, prima.nome() + " non è registrata: l'identificativo "
                        + chiave + " è già di " + perIdentificativo.get(chiave).nome() + "; assegnata agli obiettivi per nome"));
                continue;
            }
            try {
                passi.add(new Passo(new RegistraPersona(ente, chiave, prima.nome()), prima.riga(), null));
                identificativi.put(chiave, chiave);
                duegrafie(grafie, null);
            } catch (ValoreNonValido e) {
                avvisi.add(new Avviso(prima.riga(), TipoAvviso.ORGANIGRAMMA_RIFIUTATO, prima.nome() + " non è registrata ("
                        + e.getMessage() + "); assegnata agli obiettivi per nome"));
            }
        }
    }

    /** One person written in more than one way (in the file, or in the file and the organigramma). */
    private void duegrafie(List<Grafia> grafie, PersonaNota esistente) {
        List<String> diverse = grafie.stream().filter(g -> esistente == null || !g.nome().equals(esistente.nome()))
                .map(g -> "\"" + g.nome() + "\" (riga " + g.riga() + ")").toList();
        if (esistente == null ? grafie.size() < 2 : diverse.isEmpty()) {
            return;
        }
        String chi = esistente == null ? "la persona " + grafie.get(0).nome()
                : "la persona " + esistente.nome() + " (" + esistente.identificativo() + ") dell'organigramma";
        avvisi.add(new Avviso(grafie.get(0).riga(), TipoAvviso.NOME_IN_DUE_GRAFIE, String.join(" e ", diverse)
                + (diverse.size() > 1 ? " sono scritti diversamente ma sono " : " è scritto diversamente ma è ") + chi
                + ": una sola persona"));
    }

    // ---- incarichi ----

    private void incarichi(OrganigrammaVisto visto, Organigrammi organigrammi, Map<String, StrutturaNota> strutture) {
        for (Map.Entry<String, StrutturaNota> voce : strutture.entrySet()) {
            StrutturaNota struttura = voce.getValue();
            String della = (struttura.ufficio() ? "dell'ufficio " : "del settore ") + struttura.codice();
            int riga = visto.strutture().stream().filter(s -> s.codice().equals(struttura.codice())).findFirst()
                    .map(StrutturaVista::riga).orElse(0);
            LocalDate dal = struttura.dal() != null && struttura.dal().isAfter(primoGennaio) ? struttura.dal() : primoGennaio;
            List<IncaricoNoto> registrati = organigrammi.incarichi(ente, struttura.codice());
            Optional<IncaricoNoto> inCorso = registrati.stream()
                    .filter(i -> !i.dal().isAfter(dal) && (i.al() == null || !i.al().isBefore(dal))).findFirst();
            List<ResponsabileVisto> stampati = visto.responsabili(struttura.codice());
            for (int k = 1; k < stampati.size(); k++) {
                avvisi.add(new Avviso(stampati.get(k).riga(), TipoAvviso.INCARICO_NON_REGISTRATO, fonte.soggetto() + " indica come"
                        + " responsabile " + della + " anche " + stampati.get(k).nome() + ": è registrato solo " + stampati.get(0).nome()));
            }
            if (inCorso.isPresent()) {
                String chi = inCorso.get().persona();
                if (!stampati.isEmpty() && !chi.equals(identificativi.get(stampati.get(0).chiave()))) {
                    avvisi.add(new Avviso(stampati.get(0).riga(), TipoAvviso.INCARICO_NON_REGISTRATO, fonte.soggetto() + " indica "
                            + stampati.get(0).nome() + " come responsabile " + della + ", ma il " + FormaItaliana.data(dal)
                            + " l'incarico è di " + nome(organigrammi, chi) + " nell'organigramma: resta com'è"));
                }
                continue;
            }
            if (stampati.isEmpty() || !identificativi.containsKey(stampati.get(0).chiave())) {
                avvisi.add(new Avviso(riga, TipoAvviso.STRUTTURA_VACANTE, fonte.soggetto() + " non indica il responsabile " + della
                        + " e l'organigramma non ne ha uno il " + FormaItaliana.data(dal) + ": resta vacante"));
                continue;
            }
            ResponsabileVisto responsabile = stampati.get(0);
            String persona = identificativi.get(responsabile.chiave());
            // up to the day before the next incarico recorded on the struttura, so as not to overlap it
            LocalDate al = registrati.stream().map(IncaricoNoto::dal).filter(d -> d.isAfter(dal)).min(Comparator.naturalOrder())
                    .map(d -> d.minusDays(1)).orElse(struttura.al());
            if (struttura.al() != null && al != null && struttura.al().isBefore(al)) {
                al = struttura.al();
            }
            if (al != null && al.isBefore(dal)) {
                continue;
            }
            String periodo = "dal " + FormaItaliana.data(dal) + (al == null ? "" : " al " + FormaItaliana.data(al));
            passi.add(new Passo(new ConferisciIncarico(ente, idIncarico(struttura.codice()), struttura.codice(), persona,
                    TipoIncarico.TITOLARE, dal, al, fonte.atto()), responsabile.riga(),
                    new Avviso(responsabile.riga(), TipoAvviso.INCARICO_DALLA_STAMPA, responsabile.nome() + " (" + persona
                            + ") è registrato responsabile titolare " + della + " " + periodo + " come indica " + fonte.descrizione() + ", con l'atto \"" + fonte.atto()
                            + "\": da confermare con l'atto di conferimento")));
        }
    }

    /** Deterministic, so that a retried import finds its own incarico: readable when the code allows it. */
    private String idIncarico(String struttura) {
        String leggibile = "import-" + anno + "-" + struttura;
        return leggibile.matches("[A-Za-z0-9_-]{1,64}") ? leggibile
                : UUID.nameUUIDFromBytes((ente + "|" + anno + "|" + struttura).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String nome(Organigrammi organigrammi, String persona) {
        return organigrammi.persona(ente, persona).map(p -> p.nome() + " (" + persona + ")").orElse(persona);
    }
}
