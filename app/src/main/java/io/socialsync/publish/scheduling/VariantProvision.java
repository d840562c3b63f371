package io.socialsync.publish.scheduling;

import io.socialsync.ledger.Actor;
import io.socialsync.library.Clip;
import io.socialsync.library.Variant;
import io.socialsync.library.VariantRequests;
import io.socialsync.library.Variants;
import io.socialsync.library.Videos;
import io.socialsync.media.render.PlatformFormat;
import io.socialsync.media.render.PlatformFormats;
import io.socialsync.media.render.PlatformLimits;
import io.socialsync.media.render.Preset;
import io.socialsync.media.render.RenderException;
import io.socialsync.platforms.Platform;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A scheduled clip always has its file: when a post is scheduled for a platform the clip has no variant for, its
 * render is queued at once (preset {@code random}, which becomes the learned preset where learning has one) and the
 * caller is warned now, not when the post falls due. The publication then shows the render's state
 * ({@code variant_status}), and its error if it fails, before it is due.
 */
@Component
class VariantProvision {
    static final String PRESET = "random";
    private final Variants variants;
    private final VariantRequests requests;
    private final Videos videos;
    private final Storage storage;

    VariantProvision(Variants variants, VariantRequests requests, Videos videos, Storage storage) {
        this.variants = variants;
        this.requests = requests;
        this.videos = videos;
        this.storage = storage;
    }

    /**
     * Why no variant of this clip could ever be posted on the platform (too short or too long for it), checked before
     * anything is written; empty when it fits or the post names its variant.
     */
    Optional<String> unfit(Clip clip, Platform platform, Long variantId) {
        if (variantId != null) {
            return Optional.empty();
        }
        return format(platform).flatMap(f -> {
            try {
                PlatformLimits.checkClip(f, Duration.ofMillis(clip.durationMs()), Preset.NONE);
                return Optional.empty();
            } catch (RenderException.LimitExceeded e) {
                return Optional.of("clip " + clip.id() + ": " + e.getMessage());
            }
        });
    }

    /** A warning when the post's file is not rendered yet (queued now, or still rendering); empty when it is. */
    Optional<ScheduleWarning> ensure(long ws, Clip clip, Platform platform, Long variantId, Actor actor) {
        if (variantId != null) {
            return variants.byId(ws, variantId).filter(v -> v.state() == Variant.State.PENDING)
                    .map(v -> rendering(v, "variant " + v.id()));
        }
        var ofPlatform = variants.ofClip(ws, clip.id()).stream()
                .filter(v -> v.format().startsWith(platform.wire())).toList();
        if (ofPlatform.stream().anyMatch(v -> v.state() == Variant.State.READY)) {
            return Optional.empty();
        }
        var pending = ofPlatform.reversed().stream().filter(v -> v.state() == Variant.State.PENDING).findFirst();
        if (pending.isPresent()) {
            return pending.map(v -> rendering(v, "clip " + clip.id() + "'s " + platform.wire() + " variant " + v.id()));
        }
        var format = format(platform);
        String missing = "Clip " + clip.id() + " has no rendered " + platform.wire() + " variant";
        if (format.isEmpty()) {
            return Optional.of(ScheduleWarning.of(ScheduleWarning.VARIANT_MISSING, missing + " and no format to "
                    + "render one: schedule with a variant_id"));
        }
        if (!sourceExists(ws, clip)) {
            return Optional.of(ScheduleWarning.of(ScheduleWarning.VARIANT_MISSING, missing + " and its video's file "
                    + "is missing, so none can be rendered: the post will fail unless you schedule a variant_id"));
        }
        var queued = requests.request(ws, clip.id(), List.of(format.get().name()), List.of(PRESET), null, actor);
        var v = queued.variants().getFirst();
        return Optional.of(ScheduleWarning.of(ScheduleWarning.VARIANT_RENDERING, missing + ": rendering "
                + format.get().name() + " variant " + v.id() + " (preset " + v.preset() + ", job " + queued.jobId()
                + ") now; the publication's variant_status follows it"));
    }

    private static ScheduleWarning rendering(Variant v, String what) {
        return ScheduleWarning.of(ScheduleWarning.VARIANT_RENDERING, what + " is still rendering (job " + v.jobId()
                + "); the post waits for it");
    }

    /** The platform's render format: instagram → instagram_reel, youtube → youtube_short, tiktok, facebook. */
    static Optional<PlatformFormat> format(Platform platform) {
        return PlatformFormats.defaults().all().stream().filter(f -> f.name().startsWith(platform.wire())).findFirst();
    }

    private boolean sourceExists(long ws, Clip clip) {
        return videos.byId(ws, clip.videoId()).map(v -> v.storageKey())
                .map(key -> storage.exists(StorageKey.of(key))).orElse(false);
    }
}
