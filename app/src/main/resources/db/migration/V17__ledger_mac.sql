-- mac = HMAC-SHA256(ledger key, hash), the key kept outside the database: whoever can write these tables can
-- still recompute hashes, but no longer make a row that verifies. NULL only on rows older than this column, until
-- io.socialsync.ledger.LedgerSealing seals them once at the next start (trust on first use).
ALTER TABLE ledger_events ADD COLUMN mac VARCHAR(64);
