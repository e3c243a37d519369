package it.comuni.peg.platform.sicurezza;

import java.util.Optional;

/**
 * Which ente (codice IPA) a name found on stored data stands for: the code itself, or a former
 * denominazione ("Comune di Capannori") that events recorded before enti had codes carry. The read
 * side implements it over its registry of enti; {@link Perimetro} asks it, when there is one, so that
 * such data stays its ente's to read.
 */
public interface CodiciEnti {

    /** The code {@code nominato} stands for; empty when no registered ente has that code or former name. */
    Optional<String> codice(String nominato);
}
