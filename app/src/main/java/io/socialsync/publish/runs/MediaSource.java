package io.socialsync.publish.runs;

import io.socialsync.library.Clip;
import io.socialsync.library.Clips;
import io.socialsync.library.Variant;
import io.socialsync.library.Variants;
import io.socialsync.platforms.Media;
import io.socialsync.publish.Publication;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The file a publication posts: its variant, or, when it names none, the clip's first rendered variant whose
 * format is the platform's ({@code instagram_reel}, {@code tiktok}, {@code youtube_short}, {@code facebook}).
 */
@Component
public class MediaSource {
    private final Variants variants;
    private final Clips clips;
    private final Storage storage;

    public MediaSource(Variants variants, Clips clips, Storage storage) {
        this.variants = variants;
        this.clips = clips;
        this.storage = storage;
    }

    /** Either the media or the sentence saying what is missing. */
    public sealed interface Found {
    }

    public record Ready(Media media, Variant variant) implements Found {
    }

    /** @param rendering the variant is still being rendered: the post waits for it rather than fails */
    public record Missing(String reason, boolean rendering) implements Found {
        public Missing(String reason) {
            this(reason, false);
        }
    }

    /**
     * What the publication will post, before it is due: {@code ready}, {@code rendering}, {@code failed} (with the
     * render's error) or {@code missing}; the variant is the one it names, else the clip's best of its platform.
     */
    public record VariantStatus(String status, Long variantId, String error) {
    }

    public VariantStatus status(Publication p) {
        var variant = variantOf(p);
        if (variant.isEmpty()) {
            return new VariantStatus("missing", null, null);
        }
        var v = variant.get();
        return switch (v.state()) {
            case READY -> new VariantStatus("ready", v.id(), null);
            case PENDING -> new VariantStatus("rendering", v.id(), null);
            case FAILED -> new VariantStatus("failed", v.id(), v.error());
        };
    }

    /** The named variant, else the clip's variant for the platform: a rendered one, else the newest rendering or failed. */
    private Optional<Variant> variantOf(Publication p) {
        if (p.variantId() != null) {
            return variants.byId(p.workspaceId(), p.variantId());
        }
        var ofPlatform = variants.ofClip(p.workspaceId(), p.clipId()).stream()
                .filter(v -> v.format().startsWith(p.platform().wire())).toList();
        return ofPlatform.stream().filter(v -> v.state() == Variant.State.READY).findFirst()
                .or(() -> ofPlatform.reversed().stream().filter(v -> v.state() == Variant.State.PENDING).findFirst())
                .or(() -> ofPlatform.reversed().stream().findFirst());
    }

    public Found of(Publication p) {
        Optional<Variant> variant = variantOf(p);
        if (variant.isEmpty()) {
            return new Missing("clip " + p.clipId() + " has no rendered " + p.platform().wire() + " variant: render "
                    + "one (POST /clips/" + p.clipId() + "/variants) or schedule with a variant_id");
        }
        var v = variant.get();
        if (v.state() == Variant.State.PENDING) {
            return new Missing("variant " + v.id() + " is still rendering", true);
        }
        if (v.state() == Variant.State.FAILED) {
            return new Missing("variant " + v.id() + " failed to render: " + v.error() + "; render it again or "
                    + "pick another variant");
        }
        if (v.storageKey() == null) {
            return new Missing("variant " + v.id() + " has no file: render it again or pick another variant");
        }
        var key = StorageKey.of(v.storageKey());
        var stored = storage.stat(key);
        if (stored.isEmpty() || stored.get().size() == 0) {
            return new Missing("variant " + v.id() + "'s file is missing from storage: render the variant again");
        }
        String thumbnail = clips.byId(p.workspaceId(), p.clipId()).map(Clip::thumbnailKey).orElse(null);
        var cover = thumbnail == null || !storage.exists(StorageKey.of(thumbnail)) ? null : StorageKey.of(thumbnail);
        return new Ready(new Media(storage, key, stored.get().size(), v.durationMs(), cover, v.width(), v.height()),
                v);
    }
}
