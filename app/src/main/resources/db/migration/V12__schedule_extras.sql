-- GET /publishing/calendar: a workspace's publications in a time range, in (scheduled_for, id) order, so a page is
-- one range scan of this index, stopped at the page's limit, whatever the workspace's history.
CREATE INDEX publications_calendar ON publications (workspace_id, scheduled_for, id);
-- The same for one account's calendar: V7's (social_account_id, scheduled_for) gains id, the calendar's tie-break.
-- The scheduler's neighbour lookups use its first two columns as before.
DROP INDEX publications_account_slot;
CREATE INDEX publications_account_slot ON publications (social_account_id, scheduled_for, id);
