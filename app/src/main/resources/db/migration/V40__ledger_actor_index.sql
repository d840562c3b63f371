-- The web app's ledger page filters by actor ("what did this person or key do"): without an index that read
-- every event of the workspace, newest first, until it found a page of theirs. Ending in id, so a page is read
-- backwards along the index (LedgerEvents orders by workspace_id, actor, id when the actor is the filter).
CREATE INDEX ledger_actor ON ledger_events (workspace_id, actor, id);
