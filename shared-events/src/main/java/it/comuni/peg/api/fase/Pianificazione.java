package it.comuni.peg.api.fase;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The plan of a phase at one moment: what a rimodulazione replaces and keeps as history. */
public record Pianificazione(LocalDate inizio, LocalDate fine, List<YearMonth> mesiPrevisti) {
}
