package it.comuni.peg.web.comune;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A form of a page: the values the user typed (kept on a refusal, so nothing is lost) and the
 * refusal's messages, by field and for the whole form.
 */
public class Modulo {

    private final String nome;
    private final Set<String> campi;
    private final Map<String, String> valori = new HashMap<>();
    private Map<String, String> errori = new LinkedHashMap<>();
    private String erroreGenerale;

    public Modulo(String nome, Set<String> campi) {
        this.nome = nome;
        this.campi = campi;
    }

    public Modulo con(Map<String, String> inviati) {
        inviati.forEach((k, v) -> {
            if (campi.contains(k)) {
                valori.put(k, v);
            }
        });
        return this;
    }

    public Modulo valore(String campo, String valore) {
        valori.put(campo, valore);
        return this;
    }

    public Modulo rifiutato(Rifiuto rifiuto) {
        this.errori = new LinkedHashMap<>(rifiuto.campi());
        this.erroreGenerale = rifiuto.generale();
        return this;
    }

    public String getNome() {
        return nome;
    }

    public Set<String> getCampi() {
        return campi;
    }

    public Map<String, String> getValori() {
        return valori;
    }

    public Map<String, String> getErrori() {
        return errori;
    }

    public String getErroreGenerale() {
        return erroreGenerale;
    }

    public boolean isRifiutato() {
        return erroreGenerale != null || !errori.isEmpty();
    }
}
