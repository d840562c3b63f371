package io.socialsync.publish.web;

import io.socialsync.publish.orchestrator.Orchestrator;
import java.time.Instant;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * What {@code GET /publishing/next} hands an external poster: the lease to report back with, the signed video
 * URL to download, and what to post where.
 */
@NamedInterface("claim-view")
public record ClaimView(String publicationId, String leaseToken, Instant leaseExpiresAt, String platform,
                        Account socialAccount, String caption, String videoUrl, long videoSizeBytes, Long durationMs,
                        String clipId, String variantId, Instant scheduledFor, Map<String, String> report) {

    public record Account(String id, String handle, Map<String, String> externalIds, String timezone) {
    }

    public static ClaimView of(Orchestrator.Claim c) {
        var p = c.publication();
        var a = c.account();
        String id = String.valueOf(p.id());
        return new ClaimView(id, c.leaseToken(), c.leaseExpiresAt(), p.platform().wire(),
                a == null ? null : new Account(String.valueOf(a.id()), a.handle(), a.externalIds(),
                        a.timezone().getId()),
                p.caption(), c.videoUrl().toString(), c.videoSizeBytes(), c.durationMs(), String.valueOf(p.clipId()),
                String.valueOf(c.variantId()), p.scheduledFor(),
                Map.of("posted", "/publishing/" + id + "/posted", "failed", "/publishing/" + id + "/failed"));
    }
}
