package it.comuni.peg.command.importazione;

import it.comuni.peg.api.obiettivo.DefinisciObiettivo;
import it.comuni.peg.api.organigramma.Codici;
import it.comuni.peg.api.organigramma.TipoStruttura;
import it.comuni.peg.api.persona.AssegnaPersona;
import it.comuni.peg.command.importazione.stampa.StampaPeg;
import it.comuni.peg.command.importazione.stampa.Struttura;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a print or a CSV shows of the ente's organigramma, in the order it shows it: settori and uffici
 * (code, name, the settore an ufficio belongs to), the responsabile printed for each, and every name of
 * a person (responsabili and staff). The first sighting of a code wins; a person is known by
 * {@link Codici#identificativoProvvisorio} of the name, so names that differ only in case, spaces,
 * accents or apostrophes are one person, with every spelling kept for the report. Pure: it reads,
 * {@link PianoOrganigramma} decides what to add.
 */
final class OrganigrammaVisto {

    /** A settore or ufficio as the file shows it; {@code settore} is an ufficio's, null for a settore. */
    record StrutturaVista(String codice, String nome, TipoStruttura tipo, String settore, int riga) {
    }

    /** A name as written, at the first line it appears. */
    record Grafia(String nome, int riga) {
    }

    /** The responsabile a file names for a struttura, at a line. */
    record ResponsabileVisto(String chiave, String nome, int riga) {
    }

    private final Map<String, StrutturaVista> strutture = new LinkedHashMap<>();
    private final Map<String, List<ResponsabileVisto>> responsabili = new LinkedHashMap<>();
    /** By key (the provisional identificativo), every spelling in order of appearance. */
    private final Map<String, List<Grafia>> nomi = new LinkedHashMap<>();

    /**
     * What the print shows: the settori and uffici of its index and body (an ufficio under the settore
     * the index first lists it under, else the one it is printed under), their responsabili (at each
     * heading, and as each objective repeats them), and the people of the objectives' staff tables.
     */
    static OrganigrammaVisto dallaStampa(StampaPeg stampa, List<PianoObiettivo> piani) {
        OrganigrammaVisto visto = new OrganigrammaVisto();
        for (Struttura s : stampa.settori()) {
            visto.struttura(s.codice(), s.nome(), TipoStruttura.SETTORE, null, s.riga());
            visto.responsabile(s.codice(), s.responsabile(), s.riga());
        }
        for (Struttura u : stampa.uffici()) {
            visto.struttura(u.codice(), u.nome(), TipoStruttura.UFFICIO, stampa.settoreDegliUffici().get(u.codice()), u.riga());
            visto.responsabile(u.codice(), u.responsabile(), u.riga());
        }
        visto.piani(piani);
        return visto;
    }

    /**
     * What the objectives to import show: each one's settore and ufficio (an ufficio under the settore of
     * the first objective that names it), their responsabili, the people assigned. What a CSV shows.
     */
    static OrganigrammaVisto daiPiani(List<PianoObiettivo> piani) {
        OrganigrammaVisto visto = new OrganigrammaVisto();
        visto.piani(piani);
        return visto;
    }

    private void piani(List<PianoObiettivo> piani) {
        for (PianoObiettivo piano : piani) {
            for (Object comando : piano.comandi()) {
                if (comando instanceof DefinisciObiettivo d) {
                    struttura(d.settore().codice(), d.settore().nome(), TipoStruttura.SETTORE, null, piano.riga());
                    responsabile(d.settore().codice(), d.settore().responsabile(), piano.riga());
                    if (d.ufficio() != null) {
                        struttura(d.ufficio().codice(), d.ufficio().nome(), TipoStruttura.UFFICIO, d.settore().codice(), piano.riga());
                        responsabile(d.ufficio().codice(), d.ufficio().responsabile(), piano.riga());
                    }
                } else if (comando instanceof AssegnaPersona a && a.nome() != null) {
                    persona(a.nome(), piano.riga());
                }
            }
        }
    }

    private void struttura(String codice, String nome, TipoStruttura tipo, String settore, int riga) {
        if (codice != null && !codice.isBlank()) {
            strutture.putIfAbsent(codice.strip(), new StrutturaVista(codice.strip(), nome == null || nome.isBlank() ? null : nome.strip(),
                    tipo, settore, riga));
        }
    }

    private void responsabile(String struttura, String nome, int riga) {
        if (struttura == null || nome == null || nome.isBlank()) {
            return;
        }
        String chiave = persona(nome, riga);
        List<ResponsabileVisto> visti = responsabili.computeIfAbsent(struttura.strip(), k -> new ArrayList<>());
        if (visti.stream().noneMatch(r -> r.chiave().equals(chiave))) {
            visti.add(new ResponsabileVisto(chiave, Codici.nomePersona(nome), riga));
        }
    }

    /** Records a name; returns its key. */
    private String persona(String nome, int riga) {
        String chiave = Codici.identificativoProvvisorio(nome);
        String grafia = Codici.nomePersona(nome);
        List<Grafia> grafie = nomi.computeIfAbsent(chiave, k -> new ArrayList<>());
        if (grafie.stream().noneMatch(g -> g.nome().equals(grafia))) {
            grafie.add(new Grafia(grafia, riga));
        }
        return chiave;
    }

    /** The strutture in the order seen: settori and uffici as they come. */
    List<StrutturaVista> strutture() {
        return List.copyOf(strutture.values());
    }

    /** The responsabili named for the struttura, distinct persons in order; empty when none. */
    List<ResponsabileVisto> responsabili(String struttura) {
        return responsabili.getOrDefault(struttura, List.of());
    }

    /** Every person by key, with every spelling, in order of first appearance. */
    Map<String, List<Grafia>> nomi() {
        return nomi;
    }
}
