package it.comuni.peg.command.importazione.stampa;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to text, refusing what is not text. A control character other than tab, new line, carriage
 * return or form feed means a binary file (a PDF, an XLSX): refused with its line. Text that is not
 * UTF-8 is read as Windows-1252, the other encoding an Italian office export comes in.
 */
final class Decodifica {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    record Testo(String testo, boolean utf8) {
    }

    private Decodifica() {
    }

    static Testo decodifica(byte[] contenuto) {
        if (contenuto == null || contenuto.length == 0) {
            throw new StampaNonLeggibile(0, "Il file è vuoto");
        }
        int riga = 1;
        for (byte b : contenuto) {
            if (b == '\n') {
                riga++;
            } else if ((b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\f') || b == 0x7F) {
                throw new StampaNonLeggibile(riga, "Il file non è testo (carattere di controllo 0x"
                        + String.format("%02X", b) + " alla riga " + riga + "): serve la stampa convertita in testo");
            }
        }
        int inizio = contenuto.length >= 3 && (contenuto[0] & 0xFF) == 0xEF && (contenuto[1] & 0xFF) == 0xBB
                && (contenuto[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            String testo = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(contenuto, inizio, contenuto.length - inizio))
                    .toString();
            return new Testo(testo, true);
        } catch (CharacterCodingException e) {
            return new Testo(new String(contenuto, WINDOWS_1252), false);
        }
    }
}
