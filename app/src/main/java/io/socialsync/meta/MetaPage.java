package io.socialsync.meta;

import java.time.Instant;

/** A Facebook page and/or Instagram account connected to a workspace: its webhook events land there. */
public record MetaPage(long id, long workspaceId, String pageId, String igUserId, String name, Instant createdAt) {
}
