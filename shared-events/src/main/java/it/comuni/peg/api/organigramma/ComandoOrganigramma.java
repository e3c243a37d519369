package it.comuni.peg.api.organigramma;

/**
 * A command on an ente's organigramma: the aggregate is the ente's, named by its codice IPA
 * ({@link Codici#ente}), which is also the ente whose accesso authorises it.
 */
public interface ComandoOrganigramma {

    /** The ente's codice IPA, lower case. */
    String ente();
}
