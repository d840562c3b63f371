-- Append-only, hash-chained. Ids are assigned by the appender (head + 1) so the chain has no gaps.
CREATE TABLE ledger_events (
    id            BIGINT PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    workspace_id  BIGINT NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    event_type    VARCHAR(100) NOT NULL,
    entity_type   VARCHAR(100),
    entity_id     VARCHAR(100),
    job_id        BIGINT,
    payload       VARCHAR NOT NULL,
    prev_hash     VARCHAR(64) NOT NULL,
    hash          VARCHAR(64) NOT NULL
);
CREATE INDEX ledger_workspace ON ledger_events (workspace_id, id);
CREATE INDEX ledger_entity ON ledger_events (workspace_id, entity_type, entity_id, id);
CREATE INDEX ledger_type ON ledger_events (workspace_id, event_type, id);

-- One row: the last link. Appenders lock it, so the chain is serial across nodes.
CREATE TABLE ledger_head (
    chain      INT PRIMARY KEY,
    last_id    BIGINT NOT NULL,
    last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO ledger_head (chain, last_id, last_hash)
VALUES (0, 0, '0000000000000000000000000000000000000000000000000000000000000000');
