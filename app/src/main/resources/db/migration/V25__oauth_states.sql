-- Connecting an account by OAuth: one row per authorization flow in progress. The state parameter itself only
-- travels (to the provider and back); the row keeps its SHA-256, who started the flow for which workspace and
-- platform, the account a reconnect repairs, and the PKCE verifier sealed by SecretBox. Single use (used_at).
-- browser_hash: the SHA-256 of the cookie a browser-started flow set; its callback must come with that cookie.
CREATE TABLE oauth_states (
    state_hash         VARCHAR(64) PRIMARY KEY,
    workspace_id       BIGINT NOT NULL REFERENCES workspaces (id),
    platform           VARCHAR(16) NOT NULL,
    actor              VARCHAR(200) NOT NULL,
    account_id         BIGINT REFERENCES social_accounts (id),
    timezone           VARCHAR(64) NOT NULL,
    redirect_uri       VARCHAR(2000) NOT NULL,
    code_verifier_enc  VARCHAR,
    browser_hash       VARCHAR(64),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at            TIMESTAMP WITH TIME ZONE
);
CREATE INDEX oauth_states_expiry ON oauth_states (expires_at);
