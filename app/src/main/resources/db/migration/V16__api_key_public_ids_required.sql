-- Every key has had a public id since V15.
ALTER TABLE api_keys ALTER COLUMN public_id SET NOT NULL;
CREATE UNIQUE INDEX api_keys_public_id ON api_keys (public_id);
