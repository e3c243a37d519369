-- The event store and Axon's bookkeeping, following Axon's RDBMS tuning guide for MariaDB.
-- Events are only ever inserted: see ops/README.md for the grants that enforce it on a server.

-- global_index comes from a sequence handed out one by one (allocation size 1 in orm.xml) and
-- without a cache, so a restart leaves no gaps for the tracking processors to wait on.
CREATE SEQUENCE domain_event_entry_seq START WITH 1 INCREMENT BY 1 NOCACHE;

CREATE TABLE domain_event_entry (
    global_index         BIGINT       NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    -- LONGBLOB: the default BLOB caps an event at 64 KiB and fails with a misleading message
    payload              LONGBLOB     NOT NULL,
    meta_data            LONGBLOB,
    PRIMARY KEY (global_index),
    CONSTRAINT uk_domain_event_identifier UNIQUE (event_identifier),
    CONSTRAINT uk_domain_event_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    INDEX ix_domain_event_time_stamp (time_stamp)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              LONGBLOB     NOT NULL,
    meta_data            LONGBLOB,
    PRIMARY KEY (aggregate_identifier, sequence_number, type),
    CONSTRAINT uk_snapshot_event_identifier UNIQUE (event_identifier)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- In the same database as the projections, so a token commits with the rows it stands for.
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INT          NOT NULL,
    token          LONGBLOB,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255) NOT NULL,
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255) NOT NULL,
    processing_group     VARCHAR(255) NOT NULL,
    sequence_identifier  VARCHAR(255) NOT NULL,
    sequence_index       BIGINT       NOT NULL,
    message_type         VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              LONGBLOB     NOT NULL,
    meta_data            LONGBLOB,
    type                 VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                LONGBLOB,
    enqueued_at          DATETIME(6)  NOT NULL,
    last_touched         DATETIME(6),
    processing_started   DATETIME(6),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          LONGBLOB,
    PRIMARY KEY (dead_letter_id),
    INDEX ix_dead_letter_group (processing_group),
    INDEX ix_dead_letter_sequence (processing_group, sequence_identifier),
    CONSTRAINT uk_dead_letter_sequence_index UNIQUE (processing_group, sequence_identifier, sequence_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Axon registers its saga entities whenever JPA is present; the PEG has no saga yet.
CREATE TABLE saga_entry (
    saga_id         VARCHAR(255) NOT NULL,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga LONGBLOB,
    PRIMARY KEY (saga_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- NOCACHE: a Galera cluster refuses a cached sequence (its cache would not be replicated); the
-- revision of this line after it was first applied is reconciled by MigrazioniRiviste
CREATE SEQUENCE association_value_entry_seq START WITH 1 INCREMENT BY 50 NOCACHE;

CREATE TABLE association_value_entry (
    id                BIGINT       NOT NULL,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_id           VARCHAR(255) NOT NULL,
    saga_type         VARCHAR(255),
    PRIMARY KEY (id),
    INDEX ix_association_saga_key_value (saga_type, association_key, association_value),
    INDEX ix_association_saga (saga_id, saga_type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The first answer to each request sent with an Idempotency-Key, committed in the same
-- transaction as the events that request appended: a retry replays it and appends nothing.
CREATE TABLE richiesta_idempotente (
    utente          VARCHAR(255)  NOT NULL,
    chiave          VARCHAR(255)  NOT NULL,
    impronta        CHAR(64)      NOT NULL,
    stato_http      INT           NOT NULL,
    tipo_contenuto  VARCHAR(255),
    posizione       VARCHAR(1024),
    etag            VARCHAR(255),
    corpo           LONGBLOB,
    registrata_il   DATETIME(6)   NOT NULL,
    PRIMARY KEY (utente, chiave)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
