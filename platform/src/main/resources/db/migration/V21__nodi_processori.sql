-- Which processes run which event processor, seen when: lets the nodes of a split topology share
-- the segments of each processor fairly (a node that holds no segment appears nowhere else).
CREATE TABLE nodo_processore (
    processore VARCHAR(255) NOT NULL,
    nodo       VARCHAR(255) NOT NULL,
    visto_il   DATETIME(6)  NOT NULL,
    PRIMARY KEY (processore, nodo)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
