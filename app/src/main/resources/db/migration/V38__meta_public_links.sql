-- meta: the optional permanent public link of a downloaded Meta media file (socialsync.meta.public-links, off by
-- default), as the seed's jobs reuse stored media by a public URL: an unguessable token (256 random bits), no expiry.
-- Dropping a row withdraws the link.
CREATE TABLE meta_public_links (
    token         VARCHAR(64) PRIMARY KEY,
    workspace_id  BIGINT NOT NULL REFERENCES workspaces (id),
    meta_post_id  BIGINT NOT NULL REFERENCES meta_posts (id),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT meta_public_links_post UNIQUE (meta_post_id)
);
