-- The seed's flow claims a video twice: `edit` while it renders (status_fb 'editing'), `publish --get-next` while an
-- orchestrator posts it ('publishing'). The claim is a lease: a process that dies leaves a video that is handed out
-- again once claimed_until has passed, never one stuck for good.
ALTER TABLE videos ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
