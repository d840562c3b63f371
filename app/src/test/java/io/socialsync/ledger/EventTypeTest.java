package io.socialsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    /** The stored and published strings, as rows and webhook consumers have them: a renamed constant fails here. */
    @Test
    void wireNamesAreTheStoredOnes() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::wire)).containsExactlyInAnyOrder(
                "job_created", "job_started", "job_completed", "job_retry_scheduled", "job_failed", "job_cancelled",
                "job_retry_requested",
                "video_uploaded", "video_probed", "video_rejected", "video_failed", "video_analysed", "clip_created",
                "clip_rescored", "video_cancelled",
                "variants_requested", "variant_rendered", "variant_failed", "video_processed", "video_error",
                "video_claimed", "video_posted", "video_post_failed",
                "asset_created",
                "publish_scheduled_created", "publish_scheduled_adjusted", "publish_scheduled_enqueued",
                "publish_rescheduled", "publish_cancelled", "publish_deferred", "publish_started",
                "publish_step_recorded", "publish_posted", "publish_failed", "publish_unconfirmed", "publish_rearmed",
                "publish_claimed", "publish_released",
                "metrics_collected", "metrics_post_gone",
                "social_account_created", "social_account_updated", "social_account_deleted",
                "social_account_needs_reauth", "social_account_reconnected", "account_token_refreshed",
                "api_key_created", "api_key_revoked", "platform_rules_created",
                "meta_page_connected", "meta_page_disconnected", "meta_post_received", "meta_media_downloaded",
                "meta_media_failed", "meta_download_batch_degraded", "meta_engagement_changed",
                "meta_downloads_degraded", "meta_storage_full", "meta_public_link_revoked",
                "campaign_requested", "campaign_step_recorded", "campaign_activated", "campaign_built",
                "campaign_failed", "campaign_deferred", "campaign_sync_refused", "campaign_pause_requested",
                "campaign_resume_requested", "campaign_stop_requested", "campaign_status_applied", "campaign_synced",
                "ad_account_connected", "ad_account_needs_reauth", "boost_rule_changed", "winner_boosted",
                "winner_boost_skipped", "winner_boost_refused",
                "publication_scored", "learned_rule_proposed", "learned_rule_accepted", "learned_rule_rejected",
                "learning_settings_changed", "experiment_created", "experiment_stopped",
                "webhook_endpoint_created", "webhook_endpoint_deactivated", "webhook_delivery_failed",
                "user_registered", "user_logged_in", "login_failed", "user_disabled", "password_reset",
                "member_invited", "member_joined", "member_role_changed", "member_removed", "workspace_created",
                "workspace_renamed",
                "ledger_sealed");
    }

    @Test
    void aStoredTypeThisVersionDoesNotKnowReadsAsNone() {
        assertThat(EventType.of("publish_posted")).contains(EventType.PUBLISH_POSTED);
        assertThat(EventType.of("retired_type")).isEmpty();
        assertThat(EventType.of(null)).isEmpty();
        assertThat(EventType.PUBLISH_POSTED.is("publish_posted")).isTrue();
        assertThat(EventType.PUBLISH_POSTED.is("PUBLISH_POSTED")).isFalse();
    }
}
