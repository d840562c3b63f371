-- Token lifecycle of social accounts (io.socialsync.accounts.tokens): what the refresher needs besides the
-- access token's expiry (token_expires_at, V6). One statement per column: H2 and PostgreSQL differ on
-- multi-column ALTERs.

-- when the refresh token itself dies (TikTok's refresh_expires_in; Google's refresh_token_expires_in when given)
ALTER TABLE social_accounts ADD COLUMN refresh_token_expires_at TIMESTAMP WITH TIME ZONE;
-- the last successful refresh
ALTER TABLE social_accounts ADD COLUMN token_refreshed_at TIMESTAMP WITH TIME ZONE;
-- temporary refresh failures in a row (5xx, no answer, throttling): the backoff grows with them
ALTER TABLE social_accounts ADD COLUMN token_refresh_failures INT DEFAULT 0 NOT NULL;
-- the sweep leaves the account alone until then
ALTER TABLE social_accounts ADD COLUMN token_refresh_retry_at TIMESTAMP WITH TIME ZONE;
-- why the last refresh failed, as a sentence (never a token); cleared by a success or a new token
ALTER TABLE social_accounts ADD COLUMN token_refresh_error VARCHAR(1000);
