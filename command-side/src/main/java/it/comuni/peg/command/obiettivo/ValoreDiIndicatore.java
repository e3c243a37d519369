package it.comuni.peg.command.obiettivo;

import it.comuni.peg.api.comune.Limite;
import it.comuni.peg.api.comune.ObiettivoId;
import it.comuni.peg.api.comune.ValoreNonValido;
import it.comuni.peg.api.indicatore.RegistraValoreIndicatore;
import it.comuni.peg.api.indicatore.ValoreIndicatoreRegistrato;
import it.comuni.peg.api.smvp.PeriodoMisura;
import it.comuni.peg.api.smvp.TipoIndicatore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The kind of one recorded value of an indicator, and its checks. The plan does not type its
 * indicators, so an indicator's kind is the kind of its first recorded value (an indicator whose values
 * were recorded before typed values existed is a number): NUMERO (which also stands for a PERCENTUALE),
 * RAPPORTO, DATA or SI_NO. Whether that kind is the one the ente's SMVP method gives the indicator is the
 * method's engine to check, naming the indicator's path.
 */
final class ValoreDiIndicatore {

    private ValoreDiIndicatore() {
    }

    /**
     * The kind of value {@code cmd} carries.
     *
     * @throws ValoreNonValido naming the field: no value at all ({@code valore}), two kinds at once (the
     *                         second kind's field), half a ratio, a negative number, a zero denominator
     */
    static TipoIndicatore tipo(RegistraValoreIndicatore cmd) {
        List<TipoIndicatore> tipi = new ArrayList<>();
        List<String> campi = new ArrayList<>();
        if (cmd.valore() != null) {
            tipi.add(TipoIndicatore.NUMERO);
            campi.add("valore");
        }
        if (cmd.numeratore() != null || cmd.denominatore() != null) {
            tipi.add(TipoIndicatore.RAPPORTO);
            campi.add(cmd.numeratore() != null ? "numeratore" : "denominatore");
        }
        if (cmd.data() != null) {
            tipi.add(TipoIndicatore.DATA);
            campi.add("data");
        }
        if (cmd.si() != null) {
            tipi.add(TipoIndicatore.SI_NO);
            campi.add("si");
        }
        if (tipi.isEmpty()) {
            throw new ValoreNonValido("valore", "Manca il valore: indicare valore (numero), numeratore e denominatore"
                    + " (rapporto), data (data) oppure si (sì/no)");
        }
        if (tipi.size() > 1) {
            throw new ValoreNonValido(campi.get(1), "Un valore è di un solo tipo: indicati insieme " + String.join(" e ", campi));
        }
        TipoIndicatore tipo = tipi.get(0);
        if (tipo == TipoIndicatore.NUMERO) {
            nonNegativo(cmd.valore(), "valore");
        } else if (tipo == TipoIndicatore.RAPPORTO) {
            if (cmd.numeratore() == null) {
                throw new ValoreNonValido("numeratore", "Un rapporto richiede il numeratore oltre al denominatore");
            }
            if (cmd.denominatore() == null) {
                throw new ValoreNonValido("denominatore", "Un rapporto richiede il denominatore oltre al numeratore");
            }
            nonNegativo(cmd.numeratore(), "numeratore");
            nonNegativo(cmd.denominatore(), "denominatore");
            if (cmd.denominatore().signum() == 0) {
                throw new ValoreNonValido("denominatore", "Il denominatore di un rapporto non può essere zero");
            }
        }
        return tipo;
    }

    /**
     * Refuses a value of another kind than the indicator's ({@code atteso}; null: the indicator has no value
     * yet, any kind goes), naming the field the indicator's kind needs.
     */
    static void stessoTipo(String codice, TipoIndicatore atteso, TipoIndicatore tipo) {
        if (atteso != null && atteso != tipo) {
            throw new ValoreNonValido(campo(atteso), "L'indicatore " + codice + " registra valori di tipo " + nome(atteso)
                    + ": manca " + campo(atteso) + " (ricevuto un valore di tipo " + nome(tipo) + ")");
        }
    }

    /** The event for a checked command: a ratio's quotient and a yes/no's 1 or 0 in {@code valore} for the views that read numbers. */
    static ValoreIndicatoreRegistrato evento(ObiettivoId id, String codice, RegistraValoreIndicatore cmd, TipoIndicatore tipo) {
        String periodo = cmd.periodo() == null || cmd.periodo().isBlank() ? null : PeriodoMisura.leggi(cmd.periodo(), "periodo").codice();
        BigDecimal valore = switch (tipo) {
            case RAPPORTO -> cmd.numeratore().divide(cmd.denominatore(), Limite.DECIMALI, RoundingMode.HALF_UP);
            case SI_NO -> cmd.si() ? BigDecimal.ONE : BigDecimal.ZERO;
            case DATA -> null;
            default -> cmd.valore();
        };
        return new ValoreIndicatoreRegistrato(id, codice, valore, cmd.dataRiferimento(), cmd.note(),
                tipo == TipoIndicatore.RAPPORTO ? cmd.numeratore() : null, tipo == TipoIndicatore.RAPPORTO ? cmd.denominatore() : null,
                cmd.data(), cmd.si(), periodo);
    }

    /** The kind of a recorded value; an event from before typed values is a number. */
    static TipoIndicatore tipo(ValoreIndicatoreRegistrato e) {
        if (e.numeratore() != null) {
            return TipoIndicatore.RAPPORTO;
        }
        if (e.data() != null) {
            return TipoIndicatore.DATA;
        }
        return e.si() != null ? TipoIndicatore.SI_NO : TipoIndicatore.NUMERO;
    }

    private static void nonNegativo(BigDecimal numero, String campo) {
        if (numero.signum() < 0) {
            throw new ValoreNonValido(campo, "Il valore di un indicatore non può essere negativo");
        }
    }

    private static String campo(TipoIndicatore tipo) {
        return switch (tipo) {
            case RAPPORTO -> "numeratore";
            case DATA -> "data";
            case SI_NO -> "si";
            default -> "valore";
        };
    }

    private static String nome(TipoIndicatore tipo) {
        return switch (tipo) {
            case RAPPORTO -> "rapporto";
            case DATA -> "data";
            case SI_NO -> "sì/no";
            default -> "numero";
        };
    }
}
