-- A rebuild asked of one process while others run the same projection: Axon's token reset needs every
-- segment of the processor, so the asking process writes one row per projection here, the others stop
-- their processor (releasing its segments) while a live row names another process, and start it again
-- once the row is gone or expired. scade_il is UTC, set and compared with the database's own clock
-- (UTC_TIMESTAMP): the processes' zones and clocks play no part. The key makes a second rebuild of the
-- same projection, asked of another process meanwhile, a conflict.
CREATE TABLE pausa_proiezione (
    proiezione  VARCHAR(255) NOT NULL,
    richiedente VARCHAR(255) NOT NULL,
    scade_il    DATETIME(6)  NOT NULL,
    PRIMARY KEY (proiezione)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
