package it.comuni.peg.query.proiezione;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.Motivazione;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.Percentuale;
import it.comuni.peg.api.comune.Peso;
import it.comuni.peg.api.comune.RiferimentoDup;
import it.comuni.peg.api.comune.Settore;
import it.comuni.peg.api.comune.Ufficio;
import it.comuni.peg.api.consuntivo.ConsuntivoRegistrato;
import it.comuni.peg.api.consuntivo.ConsuntivoRettificato;
import it.comuni.peg.api.consuntivo.Rilevazione;
import it.comuni.peg.api.fase.FaseCompletata;
import it.comuni.peg.api.fase.FasePianificata;
import it.comuni.peg.api.fase.FaseRimodulata;
import it.comuni.peg.api.fase.Pianificazione;
import it.comuni.peg.api.indicatore.Direzione;
import it.comuni.peg.api.indicatore.IndicatoreDefinito;
import it.comuni.peg.api.indicatore.ValoreIndicatoreRegistrato;
import it.comuni.peg.api.obiettivo.ObiettivoDefinito;
import it.comuni.peg.api.organigramma.Codici;
import it.comuni.peg.api.organigramma.TipoIncarico;
import it.comuni.peg.api.organigramma.TipoStruttura;
import it.comuni.peg.api.obiettivo.ObiettivoModificato;
import it.comuni.peg.api.organigramma.Codici;
import it.comuni.peg.api.persona.AssegnazioneTerminata;
import it.comuni.peg.api.persona.PersonaAssegnata;
import it.comuni.peg.platform.sicurezza.Provenienza;
import it.comuni.peg.platform.sicurezza.Rivendicazioni;
import it.comuni.peg.platform.sicurezza.Ruolo;
import it.comuni.peg.platform.test.MariaDbDiTest;
import it.comuni.peg.query.storico.Descrizione;
import it.comuni.peg.query.storico.Narratore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write side and the read side agree on what can be stored: every text column of the projections,
 * as the Flyway migrations leave it, holds the most characters any event may carry in the fields it
 * stores ({@link Limite#capienzaEventi()}, never less than what a command may carry today), in
 * utf8mb4. A column added without a line here fails the test, as does a column narrower than its
 * fields, a limit raised beyond a column, or a sentence of the storico that could outgrow its column.
 */
class ColonneProiezioniTest {

    /** Where a JSON document of unbounded size goes (a scheda with any number of phases): LONGTEXT. */
    private static final long ILLIMITATO = 1_073_741_823L;

    private static final List<String> TABELLE = List.of("scheda_obiettivo", "storico_obiettivo", "storico_voce",
            "assegnazione_persona", "organigramma_ente", "organigramma_denominazione", "organigramma_struttura",
            "organigramma_persona", "organigramma_incarico");

    private static Map<String, Colonna> colonne;
    private static String url;

    record Colonna(String tabella, String nome, String tipo, long caratteri, String charset, String collation) {
    }

    @BeforeAll
    static void schema() throws SQLException {
        url = MariaDbDiTest.nuovoDatabase();
        Flyway.configure().dataSource(url, MariaDbDiTest.utente(), MariaDbDiTest.password())
                .locations("classpath:db/migration").load().migrate();
        colonne = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, MariaDbDiTest.utente(), MariaDbDiTest.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE,"
                     + " c.CHARACTER_MAXIMUM_LENGTH, c.CHARACTER_OCTET_LENGTH, c.CHARACTER_SET_NAME, c.COLLATION_NAME, s.MAXLEN"
                     + " FROM information_schema.COLUMNS c JOIN information_schema.CHARACTER_SETS s"
                     + " ON s.CHARACTER_SET_NAME = c.CHARACTER_SET_NAME WHERE c.TABLE_SCHEMA = DATABASE()")) {
            while (rs.next()) {
                String tipo = rs.getString(3);
                // VARCHAR(n) counts characters; the TEXT types count bytes, of which a character may take MAXLEN
                long caratteri = tipo.endsWith("text") ? rs.getLong(5) / rs.getLong(8) : rs.getLong(4);
                Colonna col = new Colonna(rs.getString(1), rs.getString(2), tipo, caratteri, rs.getString(6), rs.getString(7));
                colonne.put(col.tabella() + "." + col.nome(), col);
            }
        }
    }

    /** What each text column of the projections must hold, in characters, and where its values come from. */
    private static Map<String, Long> richieste() {
        Map<String, Long> r = new LinkedHashMap<>();
        long id = ObiettivoId.LUNGHEZZA_MASSIMA;
        r.put("scheda_obiettivo.obiettivo_id", id);
        r.put("scheda_obiettivo.ente", evento(Limite.ENTE));
        r.put("scheda_obiettivo.settore", evento(Limite.CODICE));                 // settore.codice
        r.put("scheda_obiettivo.ufficio", evento(Limite.CODICE));                 // ufficio.codice
        r.put("scheda_obiettivo.responsabile_settore", evento(Limite.PERSONA));
        r.put("scheda_obiettivo.responsabile_ufficio", evento(Limite.PERSONA));
        r.put("scheda_obiettivo.titolo", evento(Limite.TITOLO));
        r.put("scheda_obiettivo.documento", ILLIMITATO);                          // the whole scheda as JSON
        r.put("storico_obiettivo.obiettivo_id", id);
        r.put("storico_obiettivo.ente", evento(Limite.ENTE));
        r.put("storico_obiettivo.titolo", evento(Limite.TITOLO));
        r.put("storico_obiettivo.settore", evento(Limite.CODICE));                // settore.codice, as moved
        r.put("storico_obiettivo.ufficio", evento(Limite.CODICE));
        r.put("storico_voce.obiettivo_id", id);
        r.put("storico_voce.ente", evento(Limite.ENTE));
        r.put("storico_voce.utente", (long) Rivendicazioni.LUNGHEZZA_MASSIMA_UTENTE); // who, from the identity
        r.put("storico_voce.ruolo", (long) Arrays.stream(Ruolo.values()).mapToInt(x -> x.name().length()).max().orElseThrow());
        // who acted: an identificativo, or on events from before the organigramma a name as the PEG printed it
        r.put("storico_voce.persona", Math.max(Codici.PERSONA, evento(Limite.PERSONA)));
        // how the author had signed in: the means' name, and the provider's issuer (an installation's setting, cut to fit)
        r.put("storico_voce.autenticazione", (long) Arrays.stream(Provenienza.Modo.values()).mapToInt(x -> x.name().length()).max()
                .orElseThrow());
        r.put("storico_voce.emittente", (long) Provenienza.LUNGHEZZA_MASSIMA_EMITTENTE);
        r.put("storico_voce.settore", evento(Limite.CODICE));                     // the objective's, then
        r.put("storico_voce.ufficio", evento(Limite.CODICE));
        r.put("storico_voce.tipo", (long) frasiAlMassimo().stream().mapToInt(d -> d.tipo().length()).max().orElseThrow());
        r.put("storico_voce.descrizione", (long) frasiAlMassimo().stream().mapToInt(d -> Limite.caratteri(d.frase())).max()
                .orElseThrow());                                                  // the narrator's sentence
        r.put("storico_voce.motivazione", evento(Limite.MOTIVAZIONE));
        r.put("storico_voce.prima", ILLIMITATO);                                  // values before, as JSON
        r.put("storico_voce.dopo", ILLIMITATO);                                   // values after, as JSON
        r.put("assegnazione_persona.obiettivo_id", id);
        r.put("assegnazione_persona.nome", evento(Limite.PERSONA));
        r.put("assegnazione_persona.ente", evento(Limite.ENTE));
        // the organigramma's events were only ever written by its commands, under today's limits on codes
        // (Codici; a struttura's code, Limite.CODICE): a limit raised needs its column widened
        long struttura = Limite.CODICE.massimo();
        r.put("organigramma_ente.ente", (long) Codici.ENTE);
        r.put("organigramma_ente.nome", evento(Limite.ENTE));
        r.put("organigramma_ente.codice_istat", 6L);
        r.put("organigramma_denominazione.denominazione", (long) Limite.ENTE.massimo());
        r.put("organigramma_denominazione.ente", (long) Codici.ENTE);
        r.put("organigramma_struttura.ente", (long) Codici.ENTE);
        r.put("organigramma_struttura.codice", struttura);
        r.put("organigramma_struttura.nome", evento(Limite.NOME_STRUTTURA));
        r.put("organigramma_struttura.tipo", (long) Arrays.stream(TipoStruttura.values()).mapToInt(t -> t.name().length()).max().orElseThrow());
        r.put("organigramma_struttura.settore", struttura);
        r.put("organigramma_persona.ente", (long) Codici.ENTE);
        r.put("organigramma_persona.identificativo", (long) Codici.PERSONA);
        r.put("organigramma_persona.nome", evento(Limite.PERSONA));
        r.put("organigramma_incarico.ente", (long) Codici.ENTE);
        r.put("organigramma_incarico.incarico", (long) Codici.INCARICO);
        r.put("organigramma_incarico.struttura", struttura);
        r.put("organigramma_incarico.persona", (long) Codici.PERSONA);
        r.put("organigramma_incarico.tipo", (long) Arrays.stream(TipoIncarico.values()).mapToInt(t -> t.name().length()).max().orElseThrow());
        r.put("organigramma_incarico.atto", evento(Limite.ATTO));
        r.put("assegnazione_persona.persona", (long) Codici.PERSONA);            // an identificativo, checked by the command
        return r;
    }

    @Test
    void everyColumnHoldsWhatEveryEventMayCarryInTheFieldsItStores() {
        Map<String, Long> richieste = richieste();
        List<String> troppoStrette = new ArrayList<>();
        richieste.forEach((nome, caratteri) -> {
            Colonna c = colonne.get(nome);
            assertThat(c).as("colonna %s nello schema", nome).isNotNull();
            if (c.caratteri() < caratteri) {
                troppoStrette.add(nome + " " + c.tipo() + " tiene " + c.caratteri() + " caratteri, ne servono " + caratteri);
            }
        });
        assertThat(troppoStrette).as("colonne più strette di ciò che gli eventi possono portare").isEmpty();
    }

    @Test
    void noTextColumnOfAProjectionIsLeftUnchecked() {
        List<String> testuali = colonne.values().stream()
                .filter(c -> TABELLE.contains(c.tabella()) && c.charset() != null)
                .map(c -> c.tabella() + "." + c.nome()).toList();
        assertThat(richieste().keySet()).as("ogni colonna di testo delle proiezioni ha la sua riga qui")
                .containsExactlyInAnyOrderElementsOf(testuali);
    }

    @Test
    void everyTextColumnIsUtf8mb4() {
        assertThat(colonne.values().stream().filter(c -> c.charset() != null && !c.charset().equals("utf8mb4"))
                .map(c -> c.tabella() + "." + c.nome()).toList()).isEmpty();
    }

    /** A person's name is part of a key: compared as the aggregate compares names, exactly. */
    @Test
    void aNameInAKeyIsComparedExactly() {
        assertThat(colonne.get("assegnazione_persona.nome").collation()).isEqualTo("utf8mb4_bin");
    }

    /**
     * Every index of the projections finds a row whose texts are as long as an event may hold them, in
     * 4-byte characters, and an ASCII one: MariaDB 10.11.5 once built a prefix index that found nothing (see V23).
     */
    @Test
    void everyIndexFindsTheRowsItIndexes() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, MariaDbDiTest.utente(), MariaDbDiTest.password())) {
            for (boolean ascii : List.of(true, false)) {
                String ente = ascii ? "Comune di Prova" : pieno(Limite.ENTE);
                String id = "id-" + ente.length();
                String codice = ascii ? "SASTER" : pieno(Limite.CODICE);
                String nome = ascii ? "ROSSI MARIO" : pieno(Limite.PERSONA);
                aggiorna(c, "INSERT INTO scheda_obiettivo (obiettivo_id, ente, anno, settore, ufficio, titolo, completato, avviato,"
                        + " versione, definito_il, documento) VALUES (?, ?, 2023, ?, ?, 't', 0, 0, 0, '2023-01-10', '{}')", id, ente, codice, codice);
                aggiorna(c, "INSERT INTO storico_obiettivo (obiettivo_id, ente, anno, titolo, ultima_sequenza) VALUES (?, ?, 2023, 't', 0)",
                        id, ente);
                aggiorna(c, "INSERT INTO storico_voce (obiettivo_id, sequenza, ente, anno, posizione, registrato_il, tipo, descrizione,"
                        + " registrato_in_ritardo) VALUES (?, 0, ?, 2023, 1, '2023-01-10', 'T', 'd', 0)", id, ente);
                String persona = ascii ? "M001" : "😀".repeat(Codici.PERSONA);
                aggiorna(c, "INSERT INTO assegnazione_persona (obiettivo_id, nome, inizio, persona, ente, anno, fine)"
                        + " VALUES (?, ?, '2023-01-01', ?, ?, 2023, '2023-12-31')", id, nome, persona, ente);
                Map<String, Object[]> ricerche = new LinkedHashMap<>();
                ricerche.put("SELECT COUNT(*) FROM scheda_obiettivo FORCE INDEX (ix_scheda_peg) WHERE ente = ? AND anno = 2023"
                        + " AND settore = ? AND ufficio = ?", new Object[]{ente, codice, codice});
                ricerche.put("SELECT COUNT(*) FROM scheda_obiettivo FORCE INDEX (ix_scheda_peg_definito) WHERE ente = ? AND anno = 2023"
                        + " AND definito_il <= '2023-12-31'", new Object[]{ente});
                ricerche.put("SELECT COUNT(*) FROM storico_voce FORCE INDEX (ix_storico_peg) WHERE ente = ? AND anno = 2023"
                        + " AND registrato_il >= '2023-01-01'", new Object[]{ente});
                ricerche.put("SELECT COUNT(*) FROM storico_voce FORCE INDEX (ix_storico_obiettivo_tempo) WHERE obiettivo_id = ?"
                        + " AND registrato_il >= '2023-01-01'", new Object[]{id});
                ricerche.put("SELECT COUNT(*) FROM assegnazione_persona FORCE INDEX (ix_assegnazione_nome) WHERE nome = ? AND anno = 2023",
                        new Object[]{nome});
                ricerche.put("SELECT COUNT(*) FROM assegnazione_persona FORCE INDEX (PRIMARY) WHERE obiettivo_id = ? AND nome = ?"
                        + " AND inizio = '2023-01-01' AND persona = ?", new Object[]{id, nome, persona});
                ricerche.put("SELECT COUNT(*) FROM assegnazione_persona FORCE INDEX (ix_assegnazione_persona) WHERE persona = ?"
                        + " AND anno = 2023", new Object[]{persona});
                for (Map.Entry<String, Object[]> r : ricerche.entrySet()) {
                    assertThat(conta(c, r.getKey(), r.getValue())).as(r.getKey() + " con ente di " + Limite.caratteri(ente) + " caratteri").isEqualTo(1);
                }
            }
        }
    }

    private static void aggiorna(Connection c, String sql, Object... valori) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < valori.length; i++) {
                s.setObject(i + 1, valori[i]);
            }
            s.executeUpdate();
        }
    }

    private static long conta(Connection c, String sql, Object... valori) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < valori.length; i++) {
                s.setObject(i + 1, valori[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void everyLimitIsWithinWhatAnEventMayHold() {
        for (Limite l : Limite.values()) {
            assertThat(l.massimo()).as(l.name()).isLessThanOrEqualTo(l.capienzaEventi());
        }
    }

    private static long evento(Limite limite) {
        return limite.capienzaEventi();
    }

    /**
     * The storico's sentence of every kind of event, with every text as long as an event may hold it,
     * in 4-byte characters, the most months a plan may mark and numbers far beyond any command's digits
     * (an old event may hold them).
     */
    private static List<Descrizione> frasiAlMassimo() {
        ObiettivoId id = ObiettivoId.di("o".repeat(ObiettivoId.LUNGHEZZA_MASSIMA));
        LocalDate inizio = LocalDate.of(2023, 1, 1);
        LocalDate fine = LocalDate.of(2023, 12, 31);
        List<YearMonth> mesi = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2022, 1); !m.isAfter(YearMonth.of(2024, 12)); m = m.plusMonths(1)) {
            mesi.add(m);   // the aggregate keeps marks within the year before and the year after: 36 at most
        }
        Pianificazione piano = new Pianificazione(inizio, fine, mesi);
        RiferimentoDup dup = new RiferimentoDup(pieno(Limite.CODICE), pieno(Limite.TITOLO_DUP));
        Motivazione motivazione = Motivazione.di(pieno(Limite.MOTIVAZIONE));
        ObiettivoModificato.Contenuto contenuto = new ObiettivoModificato.Contenuto(pieno(Limite.DESCRIZIONE),
                Peso.di(33.33), Peso.di(66.67), dup, dup);
        ObiettivoModificato.Contenuto altro = new ObiettivoModificato.Contenuto("altra", Peso.di(66.67), Peso.di(33.33),
                new RiferimentoDup("1", null), null);
        Rilevazione rilevazione = new Rilevazione(true, Percentuale.di(100), pieno(Limite.NOTE), pieno(Limite.ATTO));
        BigDecimal enorme = new BigDecimal("-9.99999999999999999999999E+1000000");
        int numero = Integer.MIN_VALUE;
        List<Object> eventi = List.of(
                new ObiettivoDefinito(id, pieno(Limite.ENTE), 2023, pieno(Limite.TITOLO), pieno(Limite.DESCRIZIONE),
                        new Settore(pieno(Limite.CODICE), pieno(Limite.NOME_STRUTTURA), pieno(Limite.PERSONA)),
                        new Ufficio(pieno(Limite.CODICE), pieno(Limite.NOME_STRUTTURA), pieno(Limite.PERSONA)),
                        Peso.di(33.33), Peso.di(66.67), dup, dup),
                new ObiettivoModificato(id, contenuto, altro, motivazione),
                new PersonaAssegnata(id, pieno(Limite.PERSONA), pieno(Limite.CATEGORIA), pieno(Limite.RUOLO), inizio, fine),
                new AssegnazioneTerminata(id, pieno(Limite.PERSONA), inizio, fine, inizio),
                new FasePianificata(id, numero, pieno(Limite.TITOLO), pieno(Limite.DESCRIZIONE), inizio, fine, mesi, true),
                new FaseRimodulata(id, numero, piano, piano, motivazione),
                new ConsuntivoRegistrato(id, numero, YearMonth.of(2023, 9), true, Percentuale.di(100), pieno(Limite.NOTE),
                        pieno(Limite.ATTO)),
                new ConsuntivoRettificato(id, numero, YearMonth.of(2023, 9), rilevazione, rilevazione, motivazione),
                new FaseCompletata(id, numero, fine, pieno(Limite.ATTO)),
                new IndicatoreDefinito(id, pieno(Limite.CODICE), pieno(Limite.TITOLO), pieno(Limite.UNITA), enorme,
                        Direzione.DECRESCENTE, Peso.di(33.33)),
                new ValoreIndicatoreRegistrato(id, pieno(Limite.CODICE), enorme, fine, pieno(Limite.NOTE)));
        Narratore narratore = new Narratore(10);
        // recorded late, so the sentence carries its delay too
        Instant registrato = Instant.parse("2099-12-31T12:00:00Z");
        List<Descrizione> frasi = eventi.stream().map(e -> narratore.racconta(e, registrato)).toList();
        assertThat(frasi).doesNotContainNull();
        return frasi;
    }

    /** As many 4-byte characters as an event may hold in the field. */
    private static String pieno(Limite limite) {
        return "😀".repeat(limite.capienzaEventi());
    }
}
