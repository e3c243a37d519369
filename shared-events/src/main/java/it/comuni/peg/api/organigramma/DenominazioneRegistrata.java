package it.comuni.peg.api.organigramma;

/** One more former name of the ente, as events recorded before codes carry it. */
public record DenominazioneRegistrata(String ente, String denominazione) {
}
