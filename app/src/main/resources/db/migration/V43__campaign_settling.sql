-- A campaign that can spend no more (stopped here, or past its end, or deleted or archived on Meta) counts only
-- what it spent against the spend cap, but Meta reports spend late: until a reading taken at or after settles_at
-- it keeps its whole commitment. stopped_at is when the sync paused it for good, ended_at when a sync first saw it
-- ended (its ends_at, or the reading that found it deleted or archived). settles_at starts at ends_at plus the
-- settling delay (socialsync.campaigns.spend-settles-after, 24h by default) and moves earlier on a stop.
ALTER TABLE campaigns ADD COLUMN stopped_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE campaigns ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE campaigns ADD COLUMN settles_at TIMESTAMP WITH TIME ZONE;
UPDATE campaigns SET stopped_at = updated_at WHERE state = 'stopped';
UPDATE campaigns SET settles_at = LEAST(ends_at, COALESCE(stopped_at, ends_at)) + INTERVAL '1' DAY;
-- stopped before anything was made on Meta: nothing to read, its spend (none) is final
UPDATE campaigns SET settles_at = stopped_at, synced_at = stopped_at
    WHERE state = 'stopped' AND remote_campaign_id IS NULL;
ALTER TABLE campaigns ALTER COLUMN settles_at SET NOT NULL;
