package io.socialsync.inventory;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.library.Clips;
import io.socialsync.library.Variant;
import io.socialsync.library.Variants;
import io.socialsync.library.Video;
import io.socialsync.library.Videos;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's publicador over the inventory: {@code --get-next} hands out the oldest processed video with signed
 * links to its rendered variants, claimed (status_fb {@code publishing}) for a lease so two orchestrators never
 * post the same video; {@code --mark-posted}/{@code --mark-failed} settle its status_fb by VIDEO id, as the seed's
 * callers send it.
 */
@Service
public class InventoryPublisher {
    /** Where a video can be reported from: it went through `edit` (or was handed out, or reported before). */
    private static final Set<String> REPORTABLE = Set.of("processed", "publishing", "posted", "failed");
    private final Videos videos;
    private final Clips clips;
    private final Variants variants;
    private final Storage storage;
    private final PlatformSettings settings;
    private final Ledger ledger;
    private final Clock clock;

    public InventoryPublisher(Videos videos, Clips clips, Variants variants, Storage storage,
                              PlatformSettings settings, Ledger ledger, Clock clock) {
        this.videos = videos;
        this.clips = clips;
        this.variants = variants;
        this.storage = storage;
        this.settings = settings;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A rendered file of the video; {@code url} is signed and outlives the claim by the configured URL lifetime. */
    public record Link(long variantId, long clipId, String format, String preset, URI url, Long sizeBytes,
                       Long durationMs, Integer width, Integer height) {
    }

    public record Handout(Video video, Instant claimedUntil, List<Link> variants) {
    }

    @Transactional
    public Optional<Handout> next(long ws, Duration lease, Actor actor) {
        Instant now = clock.instant();
        Instant until = now.plus(lease);
        var claimed = videos.claim(ws, "processed", "publishing", now, until);
        claimed.ifPresent(v -> ledger.append(new LedgerEvent.New(ws, actor, EventType.VIDEO_CLAIMED, "video",
                Long.toString(v.id()), null, Map.of("lease_expires_at", until.toString()))));
        var ttl = lease.plus(settings.videoUrlTtl());
        var urlTtl = ttl.compareTo(Storage.MAX_URL_TTL) > 0 ? Storage.MAX_URL_TTL : ttl;
        return claimed.map(v -> new Handout(v, until, links(ws, v, urlTtl)));
    }

    private List<Link> links(long ws, Video video, Duration ttl) {
        return clips.ofVideo(ws, video.id()).stream()
                .flatMap(c -> variants.ofClip(ws, c.id()).stream())
                .filter(v -> v.state() == Variant.State.READY && v.storageKey() != null)
                .map(v -> new Link(v.id(), v.clipId(), v.format(), v.preset(),
                        storage.signedUrl(StorageKey.of(v.storageKey()), ttl), v.sizeBytes(), v.durationMs(),
                        v.width(), v.height()))
                .toList();
    }

    /** status_fb {@code posted}; the same report twice changes nothing. */
    @Transactional
    public Video posted(long ws, long videoId, String externalId, String url, Actor actor) {
        Video video = reportable(ws, videoId);
        if (!"posted".equals(video.statusFb())) {
            var payload = new LinkedHashMap<String, Object>();
            payload.put("previous_status_fb", video.statusFb());
            if (externalId != null) payload.put("external_id", externalId);
            if (url != null) payload.put("url", url);
            settle(video, "posted", EventType.VIDEO_POSTED, payload, actor);
        }
        return videos.byId(ws, videoId).orElseThrow();
    }

    /**
     * status_fb {@code failed}, or back to {@code processed} (the next --get-next hands it out again) with
     * {@code retry}. A posted video cannot fail: that report contradicts the one before.
     */
    @Transactional
    public Video failed(long ws, long videoId, String reason, boolean retry, Actor actor) {
        Video video = reportable(ws, videoId);
        if ("posted".equals(video.statusFb())) {
            throw new Conflict("video " + videoId + " is already posted: a failure report contradicts that");
        }
        String to = retry ? "processed" : "failed";
        if (!to.equals(video.statusFb()) || videos.claimedUntil(ws, videoId).isPresent()) {
            var payload = new LinkedHashMap<String, Object>();
            payload.put("previous_status_fb", video.statusFb());
            payload.put("status_fb", to);
            payload.put("reason", reason == null || reason.isBlank() ? "the orchestrator reported a failure"
                    : reason.strip());
            settle(video, to, EventType.VIDEO_POST_FAILED, payload, actor);
        }
        return videos.byId(ws, videoId).orElseThrow();
    }

    /**
     * A publication of one of the video's clips was posted or failed (by SocialSync's publisher, the API or the
     * CLI): the seed's status_fb follows. Posted wins: a later failure on another account does not undo it.
     */
    @Transactional
    public void publicationSettled(long ws, long clipId, boolean posted) {
        clips.byId(ws, clipId).flatMap(c -> videos.byId(ws, c.videoId())).ifPresent(v -> {
            if (posted && !"posted".equals(v.statusFb())) {
                videos.statusFb(ws, v.id(), "posted", null, clock.instant());
            } else if (!posted && REPORTABLE.contains(v.statusFb()) && !"posted".equals(v.statusFb())) {
                videos.statusFb(ws, v.id(), "failed", null, clock.instant());
            }
        });
    }

    private Video reportable(long ws, long videoId) {
        Video video = videos.byId(ws, videoId).orElseThrow(() -> new NotFound("video", videoId));
        if (!REPORTABLE.contains(video.statusFb())) {
            throw new Conflict("video " + videoId + " is " + video.statusFb() + ", not processed yet: run "
                    + "`socialsync edit` first");
        }
        return video;
    }

    private void settle(Video video, String statusFb, EventType type, Map<String, Object> payload, Actor actor) {
        videos.statusFb(video.workspaceId(), video.id(), statusFb, null, clock.instant());
        ledger.append(new LedgerEvent.New(video.workspaceId(), actor, type, "video", Long.toString(video.id()),
                null, payload));
    }
}
