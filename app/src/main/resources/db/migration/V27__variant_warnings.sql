-- What a render noticed that is allowed but worth knowing before publishing (e.g. an upscale with its factor):
-- a JSON array of {type, message, ...}; NULL for none and for variants rendered before this column existed.
ALTER TABLE variants ADD COLUMN warnings VARCHAR;
