package io.socialsync.publish.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.socialsync.accounts.AccountFields;
import io.socialsync.domain.Invalid;
import io.socialsync.publish.scheduling.ScheduleRequest;
import io.socialsync.publish.scheduling.When;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Set;

/** The seed's request body; ids are strings there, so any JSON scalar is taken. */
public record ScheduleBody(@Schema(types = {"string", "integer"}, description = ID, requiredMode = REQUIRED)
                           String clipId,
                           @Schema(types = {"string", "integer", "null"}, description = ID) Long variantId,
                           @Schema(requiredMode = REQUIRED) String platform,
                           @Schema(types = {"string", "integer"}, description = ID, requiredMode = REQUIRED)
                           String socialAccountId,
                           String scheduledFor, Instant scheduledWindowEnd, String scheduledBy, String caption,
                           String idempotencyKey, String publisher, String scheduleType) {
    static final String ID = "an id, as the seed's string or as a number";
    static final Set<String> SCHEDULED_BY = Set.of("manual", "rule_engine", "campaign_orchestrator");

    ScheduleRequest validated(String headerKey) {
        var errors = new Invalid.Collector();
        if (clipId == null || clipId.isBlank()) {
            errors.add("clip_id", "is required");
        }
        if (socialAccountId == null || socialAccountId.isBlank()) {
            errors.add("social_account_id", "is required");
        }
        var platformValue = AccountFields.platform(platform, errors);
        var when = when(errors);
        String by = scheduledBy == null ? "manual" : scheduledBy;
        if (!SCHEDULED_BY.contains(by)) {
            errors.add("scheduled_by", "must be manual, rule_engine or campaign_orchestrator");
        }
        if (caption != null && caption.length() > 5000) {
            errors.add("caption", "at most 5000 characters");
        }
        String key = idempotencyKey != null ? idempotencyKey : headerKey;
        if (key != null && (key.isBlank() || key.length() > 200)) {
            errors.add("idempotency_key", "must be 1 to 200 characters");
        }
        if (publisher != null && !publisher.equals("internal") && !publisher.equals("external")) {
            errors.add("publisher", "must be internal (SocialSync posts it) or external (an orchestrator claims it "
                    + "from GET /publishing/next)");
        }
        errors.throwIfAny();
        return new ScheduleRequest(clipId, variantId, platformValue, socialAccountId, when, scheduledWindowEnd, by,
                caption, key, publisher);
    }

    /** {@code schedule_type}: "scheduled" (the default: {@code scheduled_for} required) or the seed's "immediate". */
    private When when(Invalid.Collector errors) {
        if (!"immediate".equals(scheduleType)) {
            if (scheduleType != null && !scheduleType.equals("scheduled")) {
                errors.add("schedule_type", "must be scheduled (the default) or immediate");
            }
            return when(scheduledFor, errors);
        }
        if (scheduledFor != null) {
            errors.add("scheduled_for", "must be absent when schedule_type is immediate (it posts now)");
        }
        if (scheduledWindowEnd != null) {
            errors.add("scheduled_window_end", "must be absent when schedule_type is immediate");
        }
        return new When.Now();
    }

    static When when(String value, Invalid.Collector errors) {
        try {
            return When.parse(value);
        } catch (IllegalArgumentException e) {
            errors.add("scheduled_for", e.getMessage()).throwIfAny();
            return null;
        }
    }
}
