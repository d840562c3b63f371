-- learning: one engagement score per publication and checkpoint, from its collected metrics (publication_metrics
-- keeps the raw values). score = ln(1 + engagement) - baseline, the baseline being the mean ln(1 + engagement) of
-- the account's latest posts at the same checkpoint (baseline_posts of them; 0 = no baseline yet, score 0).
-- The features the post is learned by are copied here when it is scored, so learning reads this table alone.
CREATE TABLE publication_outcomes (
    workspace_id       BIGINT NOT NULL REFERENCES workspaces (id),
    publication_id     BIGINT NOT NULL REFERENCES publications (id),
    checkpoint         VARCHAR(8) NOT NULL,
    social_account_id  BIGINT NOT NULL REFERENCES social_accounts (id),
    platform           VARCHAR(16) NOT NULL,
    clip_id            BIGINT NOT NULL REFERENCES clips (id),
    posted_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    engagement         DOUBLE PRECISION NOT NULL,
    baseline           DOUBLE PRECISION,
    baseline_posts     INT NOT NULL,
    score              DOUBLE PRECISION NOT NULL,
    local_hour         INT NOT NULL,
    preset             VARCHAR(64) NOT NULL,
    score_band         VARCHAR(16) NOT NULL,
    length_band        VARCHAR(16) NOT NULL,
    hook_band          VARCHAR(16),
    computed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (publication_id, checkpoint),
    CONSTRAINT publication_outcomes_checkpoint CHECK (checkpoint IN ('1h', '24h', '7d')),
    CONSTRAINT publication_outcomes_hour CHECK (local_hour BETWEEN 0 AND 23)
);
-- the baseline (an account's latest posts at a checkpoint) and the learning read (an account's outcomes)
CREATE INDEX publication_outcomes_account ON publication_outcomes (social_account_id, checkpoint, posted_at);
CREATE INDEX publication_outcomes_workspace ON publication_outcomes (workspace_id, social_account_id);
