package it.comuni.peg.command.organigramma;

import it.comuni.peg.api.comune.AccessoNegato;
import it.comuni.peg.api.organigramma.ComandoOrganigramma;
import it.comuni.peg.api.organigramma.RegistraDenominazione;
import it.comuni.peg.api.organigramma.RegistraEnte;
import it.comuni.peg.platform.axon.Metadati;
import it.comuni.peg.platform.sicurezza.Accessi;
import it.comuni.peg.platform.sicurezza.Accesso;
import it.comuni.peg.platform.sicurezza.Perimetro;
import it.comuni.peg.platform.sicurezza.Ruolo;
import org.axonframework.messaging.MetaData;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may change an ente's organigramma, decided where its commands are handled: registering an
 * ente or one of its former names is the installation's administrator's; everything else the
 * controllo di gestione of that ente (or the administrator) does. A user with no accesso in the ente
 * is told the ente does not exist (404: another ente's existence is not confirmed); a user with
 * another role there is refused (403). A command without accessi comes from inside the system (the
 * import from the command line, the demo) and is allowed.
 */
final class Permessi {

    private Permessi() {
    }

    /**
     * The metadata to stamp on the command, so that its events say in which ente, under which role
     * and as which persona it was done ({@link Metadati#ENTE}, {@link Metadati#RUOLO}, {@link Metadati#PERSONA}).
     *
     * @throws AccessoNegato when the user's role may not
     * @throws it.comuni.peg.api.comune.NonTrovato when the user has no accesso in the ente and is not the administrator
     */
    static MetaData richiedi(ComandoOrganigramma comando, MetaData metadati) {
        String ente = comando.ente();
        Optional<Accessi> accessi = Accessi.diComando(metadati);
        if (accessi.isEmpty()) {
            return MetaData.with(Metadati.ENTE, ente);
        }
        boolean amministratore = amministratore(metadati);
        if (comando instanceof RegistraEnte || comando instanceof RegistraDenominazione) {
            if (!amministratore) {
                throw new AccessoNegato("Solo l'amministratore dell'installazione registra gli enti e le loro denominazioni");
            }
            return timbro(ente, Ruolo.AMMINISTRATORE, null);
        }
        Optional<Accesso> accesso = accessi.get().in(ente);
        if (accesso.isPresent() && accesso.get().ruolo() == Ruolo.CONTROLLO_GESTIONE) {
            return timbro(ente, Ruolo.CONTROLLO_GESTIONE, accesso.get().persona());
        }
        if (amministratore) {
            return timbro(ente, Ruolo.AMMINISTRATORE, null);
        }
        if (accesso.isPresent()) {
            throw new AccessoNegato("Come " + accesso.get().ruolo().descrizione().toLowerCase(java.util.Locale.ITALIAN)
                    + " dell'ente " + ente + " non è consentito: l'organigramma è tenuto dal controllo di gestione");
        }
        throw Perimetro.enteNonTrovato(ente);
    }

    private static boolean amministratore(MetaData metadati) {
        Object installazione = metadati.get(Metadati.INSTALLAZIONE);
        return installazione != null && Arrays.asList(installazione.toString().split(",")).contains(Ruolo.AMMINISTRATORE.name());
    }

    private static MetaData timbro(String ente, Ruolo ruolo, String persona) {
        Map<String, Object> timbro = new HashMap<>();
        timbro.put(Metadati.ENTE, ente);
        timbro.put(Metadati.RUOLO, ruolo.name());
        if (persona != null) {
            timbro.put(Metadati.PERSONA, persona);
        }
        return MetaData.from(timbro);
    }
}
