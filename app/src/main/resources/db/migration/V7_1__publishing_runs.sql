-- Publishing runs: the write-ahead record of each publication's remote calls, its result, and the external
-- orchestrator's lease. One statement per column: H2 and PostgreSQL differ on multi-column ALTERs.

-- internal: our own platform publisher posts it; external: an orchestrator (n8n) claims it from /publishing/next.
-- NULL: decided when the tick queues it (internal when the account has an access token).
ALTER TABLE publications ADD COLUMN publisher VARCHAR(16);
-- the last remote step: its intent is written (and committed) before the call, its handle right after it.
-- attempt_intent_at set = the step was started and its outcome is not recorded yet (maybe unknown).
ALTER TABLE publications ADD COLUMN publish_step VARCHAR(40);
ALTER TABLE publications ADD COLUMN attempt_intent_at TIMESTAMP WITH TIME ZONE;
-- JSON object of the platform's handles: container_id, publish_id, upload_url, session_uri, video_id, ...
ALTER TABLE publications ADD COLUMN remote_handles VARCHAR;
-- how many times recovery asked the platform about an unknown outcome without learning it
ALTER TABLE publications ADD COLUMN recovery_tries INT DEFAULT 0 NOT NULL;
ALTER TABLE publications ADD COLUMN external_id VARCHAR(200);
ALTER TABLE publications ADD COLUMN external_url VARCHAR(2000);
ALTER TABLE publications ADD COLUMN posted_at TIMESTAMP WITH TIME ZONE;
-- the orchestrator's claim: whoever holds lease_token until lease_expires_at owns the post
ALTER TABLE publications ADD COLUMN lease_token VARCHAR(64);
ALTER TABLE publications ADD COLUMN lease_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE publications ADD CONSTRAINT publications_publisher CHECK (publisher IN ('internal', 'external'));
-- rolling rate budgets: an account's posts of the last 24 h, one range scan
CREATE INDEX publications_account_posted ON publications (social_account_id, posted_at);
