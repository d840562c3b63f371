package io.socialsync.accounts;

import io.socialsync.ledger.Actor;

/**
 * Published inside the deleting transaction, so features holding work for the account (scheduled publications)
 * drop it atomically with the deletion: a deleted account never posts.
 */
public record SocialAccountDeleted(long workspaceId, long accountId, Actor actor) {
}
