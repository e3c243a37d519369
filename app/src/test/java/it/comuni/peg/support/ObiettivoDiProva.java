package it.comuni.peg.support;

import it.comuni.peg.ClienteHttp;
import it.comuni.peg.ClienteHttp.Risposta;
import tools.jackson.databind.JsonNode;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One objective of the current year with one phase, its consuntivi and its parked events, over HTTP as the
 * test profile's users (controllo defines, dirigente records, nucleo reads, controllo administers): the
 * shape the projection fault tests drive one event at a time.
 */
public final class ObiettivoDiProva {

    /** The body of a DefinisciObiettivo for the ente {@code c_prova}; {@code %d} is the year. */
    public static final String OBIETTIVO = """
            {"ente":"c_prova","anno":%d,"titolo":"Diminuzione tempi di verifica delle SCIA",
             "settore":{"codice":"SASTER","nome":"ASSETTO E GESTIONE DEL TERRITORIO","responsabile":"GENTILI LUCA"},
             "ufficio":{"codice":"UEDPRI","nome":"EDILIZIA PRIVATA","responsabile":"DEL FRATE GIOVANNI"},
             "pesoIndicatori":50.0,"pesoFasi":50.0}""";

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    private ObiettivoDiProva() {
    }

    /** The current year at the ente, whose months the consuntivi are recorded for. */
    public static int anno() {
        return YearMonth.now(ROMA).getYear();
    }

    /** Defines an objective of the current year (201) and plans its phase 1 (200); returns the objective's id. */
    public static String conUnaFase(ClienteHttp http) {
        return conUnaFase(http, anno());
    }

    /** Defines an objective of {@code anno} (201) and plans its phase 1 (200); returns the objective's id. */
    public static String conUnaFase(ClienteHttp http, int anno) {
        Risposta r = http.post("controllo", "/api/obiettivi", OBIETTIVO.formatted(anno));
        assertThat(r.stato()).as(r.toString()).isEqualTo(201);
        String id = r.json().get("id").asText();
        Risposta fase = http.post("controllo", "/api/obiettivi/" + id + "/fasi", "{\"numero\":1,\"titolo\":\"Fase\"}");
        assertThat(fase.stato()).as(fase.toString()).isEqualTo(200);
        return id;
    }

    /** Records phase 1's consuntivo of the month {@code mesiFa} months before this one, at {@code percentuale}%. */
    public static void consuntivo(ClienteHttp http, String id, int mesiFa, int percentuale) {
        String mese = YearMonth.now(ROMA).minusMonths(mesiFa).toString();
        Risposta r = http.post("dirigente", "/api/obiettivi/" + id + "/fasi/1/consuntivi",
                "{\"mese\":\"" + mese + "\",\"svolta\":true,\"percentuale\":" + percentuale + "}");
        assertThat(r.stato()).as(r.toString()).isEqualTo(200);
    }

    /** How many consuntivi the scheda shows for phase 1; -1 while the scheda does not hold the objective or its phase. */
    public static int consuntivi(ClienteHttp http, String id) {
        Risposta r = http.get("nucleo", "/api/obiettivi/" + id);
        return r.stato() != 200 || r.json().get("fasi").isEmpty() ? -1 : r.json().get("fasi").get(0).get("consuntivi").size();
    }

    /** The events of {@code aggregato} parked by {@code proiezione}, or all its parked events when {@code aggregato} is null. */
    public static List<JsonNode> parcheggiati(ClienteHttp http, String proiezione, String aggregato) {
        List<JsonNode> suoi = new ArrayList<>();
        for (JsonNode p : http.get("amministratore", "/api/admin/eventi-parcheggiati?proiezione=" + proiezione).json()) {
            if (aggregato == null || p.get("aggregato").asText().equals(aggregato)) {
                suoi.add(p);
            }
        }
        return suoi;
    }
}
