package it.comuni.peg.api.organigramma;

/**
 * How a persona holds the incarico of responsabile of a struttura: as its titolare, or ad interim (a
 * dirigente covering another settore while it has no titolare). Either way one responsabile per
 * struttura and day.
 */
public enum TipoIncarico {
    TITOLARE,
    INTERIM
}
