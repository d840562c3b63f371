-- The RESCORE_CLIP job re-scoring a clip's edited bounds, while it is queued or running: pages and the API show
-- the clip as being re-scored, and a second edit waits for it.
ALTER TABLE clips ADD COLUMN rescore_job_id BIGINT;
