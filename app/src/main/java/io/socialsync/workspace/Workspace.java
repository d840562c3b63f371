package io.socialsync.workspace;

import java.time.Instant;

/** The tenant: every row belongs to one, every query is scoped by it. */
public record Workspace(long id, String name, Instant createdAt) {
    public static final String DEFAULT_NAME = "default";
}
