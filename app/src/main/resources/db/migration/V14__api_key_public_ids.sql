-- Keys are listed by a random public id instead of the first characters of the secret: an operator-supplied key
-- (SOCIALSYNC_BOOTSTRAP_API_KEY) would otherwise show its own beginning to every admin. V15
-- (io.socialsync.apikey.ApiKeyPublicIds, a Java migration: portable SQL has no random string) gives existing keys
-- theirs; V16 makes the id required.
ALTER TABLE api_keys ADD COLUMN public_id VARCHAR(32);
ALTER TABLE api_keys DROP COLUMN prefix;
