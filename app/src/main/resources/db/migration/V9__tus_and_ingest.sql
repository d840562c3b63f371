-- Resumable uploads (tus 1.0). The bytes received so far live in <data-dir>/tus/<id>.part; this row is the state.
-- A completed upload keeps its row (with the video it became) until it expires, so a client that lost the last
-- response can still learn the outcome with HEAD.
CREATE TABLE tus_uploads (
    id             UUID PRIMARY KEY,
    workspace_id   BIGINT NOT NULL REFERENCES workspaces (id),
    upload_length  BIGINT NOT NULL,
    upload_offset  BIGINT NOT NULL DEFAULT 0,
    metadata       VARCHAR(4000),
    file_name      VARCHAR(500),
    created_by     BIGINT,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    video_id       BIGINT REFERENCES videos (id)
);
CREATE INDEX tus_uploads_expiry ON tus_uploads (expires_at);
