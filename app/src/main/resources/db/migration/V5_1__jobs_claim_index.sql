-- The claim query asks, per state and kind, for the best due jobs in priority order; this index hands them
-- out in that order, so a claim reads a few rows instead of sorting every waiting job. It covers what
-- jobs_due served (state and kind first) too.
CREATE INDEX jobs_claim ON jobs (state, kind, priority DESC, run_at, id);
DROP INDEX jobs_due;
