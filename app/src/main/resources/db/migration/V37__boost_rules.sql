-- campaigns: "boost the winners". Per workspace, off unless a person turns it on: a post whose 24 h score is in
-- the top top_percent of its account's scored posts (at least min_posts of them to rank against) is boosted with
-- daily_budget_minor (the ad account's currency) for days days in countries (comma-separated ISO codes).
CREATE TABLE boost_rules (
    workspace_id        BIGINT PRIMARY KEY REFERENCES workspaces (id),
    enabled             BOOLEAN NOT NULL,
    top_percent         INT NOT NULL,
    daily_budget_minor  BIGINT NOT NULL,
    days                INT NOT NULL,
    countries           VARCHAR(200) NOT NULL,
    min_posts           INT NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          VARCHAR(200) NOT NULL,
    CONSTRAINT boost_rules_top CHECK (top_percent BETWEEN 1 AND 50),
    CONSTRAINT boost_rules_budget CHECK (daily_budget_minor >= 0 AND days >= 1 AND min_posts >= 1)
);
-- One decision per publication, whatever it was (boosted, skipped, refused by a cap): the rule acts on a post once,
-- however often its job runs; the evidence is in the decision's ledger event.
CREATE TABLE boost_decisions (
    publication_id  BIGINT PRIMARY KEY REFERENCES publications (id),
    workspace_id    BIGINT NOT NULL REFERENCES workspaces (id),
    decision        VARCHAR(16) NOT NULL,
    reason          VARCHAR(1000),
    campaign_id     BIGINT REFERENCES campaigns (id),
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT boost_decisions_decision CHECK (decision IN ('boosted', 'skipped', 'refused'))
);
