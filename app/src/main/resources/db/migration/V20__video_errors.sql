-- Why a video's analysis failed for good (state FAILED): shown to users, who can analyse it again.
ALTER TABLE videos ADD COLUMN error VARCHAR(2000);
