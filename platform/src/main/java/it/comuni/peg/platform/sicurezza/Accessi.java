package it.comuni.peg.platform.sicurezza;

import it.comuni.peg.platform.axon.Metadati;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every ente a user acts in, with the role and person there, by codice IPA; at most one
 * {@link Accesso} per ente. Travels on each command as the metadata {@link Metadati#ACCESSI},
 * encoded as {@code ente|RUOLO|persona} entries joined by {@code ;} (a codice IPA is
 * {@code [a-z0-9_]}, a role an enum name, a matricola or codice fiscale alphanumeric, so neither
 * separator can occur in them).
 */
public record Accessi(Map<String, Accesso> perEnte) {

    /** No ente at all: a signed-in user whom nobody has yet granted anything. */
    public static final Accessi NESSUNO = new Accessi(Map.of());

    public Accessi {
        perEnte = Map.copyOf(perEnte);
    }

    /** The accessi of a list, refusing two for one ente. */
    public static Accessi di(Collection<Accesso> accessi) {
        Map<String, Accesso> mappa = new LinkedHashMap<>();
        for (Accesso a : accessi) {
            if (mappa.putIfAbsent(a.ente(), a) != null) {
                throw new IllegalArgumentException("Due accessi per l'ente " + a.ente());
            }
        }
        return new Accessi(mappa);
    }

    /** The user's standing in the ente (by codice IPA), empty when the user has none there. */
    public Optional<Accesso> in(String ente) {
        return ente == null ? Optional.empty() : Optional.ofNullable(perEnte.get(ente));
    }

    /** The codici IPA of the enti the user acts in. */
    public Set<String> enti() {
        return perEnte.keySet();
    }

    public boolean vuoto() {
        return perEnte.isEmpty();
    }

    /** The form carried in command metadata; {@link #decodifica} reads it back. */
    public String codifica() {
        List<String> voci = new ArrayList<>();
        perEnte.values().stream().sorted(java.util.Comparator.comparing(Accesso::ente))
                .forEach(a -> voci.add(a.ente() + "|" + a.ruolo().name() + "|" + (a.persona() == null ? "" : a.persona())));
        return String.join(";", voci);
    }

    /**
     * Reads {@link #codifica()}'s form.
     *
     * @throws IllegalArgumentException on a malformed entry (metadata are written only by the system)
     */
    public static Accessi decodifica(String codificati) {
        if (codificati == null || codificati.isBlank()) {
            return NESSUNO;
        }
        List<Accesso> accessi = new ArrayList<>();
        for (String voce : codificati.split(";")) {
            String[] parti = voce.split("\\|", -1);
            if (parti.length != 3) {
                throw new IllegalArgumentException("Accesso non leggibile: " + voce);
            }
            accessi.add(new Accesso(parti[0], Ruolo.valueOf(parti[1]), parti[2]));
        }
        return di(accessi);
    }

    /**
     * The accessi a command was sent with, or empty for a command from inside the system itself
     * (the import from the command line, the demo's simulation): only those carry no
     * {@link Metadati#ACCESSI}, since every HTTP request is authenticated and stamped with them.
     */
    public static Optional<Accessi> diComando(Map<String, ?> metadati) {
        Object valore = metadati.get(Metadati.ACCESSI);
        return valore == null ? Optional.empty() : Optional.of(decodifica(valore.toString()));
    }
}
