package io.socialsync.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of event a feature records, in the ledger package so every feature can name it without depending on
 * another. {@link #wire()} is what is stored and what the API and webhooks show: the constant's name in lower
 * case, so renaming a constant changes the contract (EventTypeTest pins them). A stored row keeps its type as text
 * ({@link LedgerEvent#eventType()}): rows of types no longer here still read.
 */
public enum EventType {
    // jobs
    JOB_CREATED, JOB_STARTED, JOB_COMPLETED, JOB_RETRY_SCHEDULED, JOB_FAILED, JOB_CANCELLED, JOB_RETRY_REQUESTED,
    // library
    VIDEO_UPLOADED, VIDEO_PROBED, VIDEO_REJECTED, VIDEO_FAILED, VIDEO_ANALYSED, CLIP_CREATED, CLIP_RESCORED, VARIANTS_REQUESTED,
    VARIANT_RENDERED, VARIANT_FAILED, VIDEO_CANCELLED,
    // inventory (the seed's edit marks a video; its publicador reports it posted or failed)
    VIDEO_PROCESSED, VIDEO_ERROR, VIDEO_CLAIMED, VIDEO_POSTED, VIDEO_POST_FAILED,
    // edit
    ASSET_CREATED,
    // publish
    PUBLISH_SCHEDULED_CREATED, PUBLISH_SCHEDULED_ADJUSTED, PUBLISH_SCHEDULED_ENQUEUED, PUBLISH_RESCHEDULED,
    PUBLISH_CANCELLED, PUBLISH_DEFERRED, PUBLISH_STARTED, PUBLISH_STEP_RECORDED, PUBLISH_POSTED, PUBLISH_FAILED,
    PUBLISH_UNCONFIRMED, PUBLISH_REARMED, PUBLISH_CLAIMED, PUBLISH_RELEASED,
    // insights
    METRICS_COLLECTED, METRICS_POST_GONE,
    // accounts
    SOCIAL_ACCOUNT_CREATED, SOCIAL_ACCOUNT_UPDATED, SOCIAL_ACCOUNT_DELETED, SOCIAL_ACCOUNT_NEEDS_REAUTH,
    SOCIAL_ACCOUNT_RECONNECTED,
    ACCOUNT_TOKEN_REFRESHED,
    // apikey, rules
    API_KEY_CREATED, API_KEY_REVOKED, PLATFORM_RULES_CREATED,
    // meta
    META_PAGE_CONNECTED, META_PAGE_DISCONNECTED, META_POST_RECEIVED, META_MEDIA_DOWNLOADED, META_MEDIA_FAILED,
    META_DOWNLOAD_BATCH_DEGRADED, META_ENGAGEMENT_CHANGED, META_DOWNLOADS_DEGRADED, META_STORAGE_FULL,
    META_PUBLIC_LINK_REVOKED,
    // campaigns
    CAMPAIGN_REQUESTED, CAMPAIGN_STEP_RECORDED, CAMPAIGN_ACTIVATED, CAMPAIGN_BUILT, CAMPAIGN_FAILED, CAMPAIGN_DEFERRED,
    CAMPAIGN_SYNC_REFUSED, CAMPAIGN_PAUSE_REQUESTED, CAMPAIGN_RESUME_REQUESTED, CAMPAIGN_STOP_REQUESTED,
    CAMPAIGN_STATUS_APPLIED, CAMPAIGN_SYNCED, AD_ACCOUNT_CONNECTED, AD_ACCOUNT_NEEDS_REAUTH, BOOST_RULE_CHANGED,
    WINNER_BOOSTED, WINNER_BOOST_SKIPPED, WINNER_BOOST_REFUSED,
    // learning
    PUBLICATION_SCORED, LEARNED_RULE_PROPOSED, LEARNED_RULE_ACCEPTED, LEARNED_RULE_REJECTED,
    LEARNING_SETTINGS_CHANGED, EXPERIMENT_CREATED, EXPERIMENT_STOPPED,
    // webhooks
    WEBHOOK_ENDPOINT_CREATED, WEBHOOK_ENDPOINT_DEACTIVATED, WEBHOOK_DELIVERY_FAILED,
    // people
    USER_REGISTERED, USER_LOGGED_IN, LOGIN_FAILED, USER_DISABLED, PASSWORD_RESET, MEMBER_INVITED, MEMBER_JOINED,
    MEMBER_ROLE_CHANGED, MEMBER_REMOVED, WORKSPACE_CREATED, WORKSPACE_RENAMED,
    // ledger
    LEDGER_SEALED;

    private static final Map<String, EventType> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wire, Function.identity()));
    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wire() {
        return wire;
    }

    /** The type of a stored row; empty for one this version does not know. */
    public static Optional<EventType> of(String wire) {
        return Optional.ofNullable(wire == null ? null : BY_WIRE.get(wire));
    }

    /** Whether a stored row's type is this one. */
    public boolean is(String storedType) {
        return wire.equals(storedType);
    }
}
