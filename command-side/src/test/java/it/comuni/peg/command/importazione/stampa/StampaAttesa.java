package it.comuni.peg.command.importazione.stampa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What every objective of the real print holds, as read by {@code stampe/oracolo.py}: a reading
 * written apart from the Java one, so that a test comparing them compares two readings of the print.
 */
public record StampaAttesa(List<Obiettivo> obiettivi) {

    public record Obiettivo(int riga, String titolo, String pesoIndicatori, String pesoFasi, String dupStrategico,
                     String dupOperativo, List<Persona> persone, List<Fase> fasi) {
    }

    public record Persona(int riga, String nome, String categoria, String ruolo, LocalDate inizio, LocalDate fine) {
    }

    /** {@code numero} as printed, null when the title has none. */
    public record Fase(int riga, Integer numero, String titolo, LocalDate inizio, LocalDate fine) {
    }

    public static StampaAttesa leggi() {
        try (InputStream in = StampaAttesa.class.getResourceAsStream("/stampe/capannori-2023-atteso.tsv")) {
            return leggi(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StampaAttesa leggi(String testo) {
        List<Obiettivo> obiettivi = new ArrayList<>();
        String[] o = null;
        List<Persona> persone = null;
        List<Fase> fasi = null;
        for (String linea : testo.split("\n")) {
            String[] c = linea.split("\t", -1);
            switch (c[0]) {
                case "O" -> {
                    o = new String[]{c[1], c[2], null, null, null, null};
                    persone = new ArrayList<>();
                    fasi = new ArrayList<>();
                    obiettivi.add(new Obiettivo(Integer.parseInt(c[1]), c[2], null, null, null, null, persone, fasi));
                }
                case "W" -> {
                    o[2] = c[1];
                    o[3] = c[2];
                }
                case "S" -> o[4] = c[1];
                case "D" -> o[5] = c[1];
                case "P" -> persone.add(new Persona(Integer.parseInt(c[1]), c[2], c[3], c[4].isEmpty() ? null : c[4],
                        LocalDate.parse(c[5]), LocalDate.parse(c[6])));
                case "F" -> fasi.add(new Fase(Integer.parseInt(c[1]), c[2].isEmpty() ? null : Integer.valueOf(c[2]), c[3],
                        LocalDate.parse(c[4]), LocalDate.parse(c[5])));
                default -> {
                }
            }
            if (o != null && !c[0].equals("O")) {
                Obiettivo ultimo = obiettivi.get(obiettivi.size() - 1);
                obiettivi.set(obiettivi.size() - 1, new Obiettivo(ultimo.riga(), ultimo.titolo(), o[2], o[3], o[4], o[5],
                        ultimo.persone(), ultimo.fasi()));
            }
        }
        return new StampaAttesa(obiettivi);
    }
}
