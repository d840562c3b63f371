-- GET /publishing/calendar: a workspace's publications in a time range, in (scheduled_for, id) order, so a page is
-- one range scan of this index whatever the workspace's history. Filtered by account, the (social_account_id,
-- scheduled_for) index of V7 serves it.
CREATE INDEX publications_calendar ON publications (workspace_id, scheduled_for, id);
