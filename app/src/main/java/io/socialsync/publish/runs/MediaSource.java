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

    public record Missing(String reason) implements Found {
    }

    public Found of(Publication p) {
        Optional<Variant> variant = p.variantId() != null ? variants.byId(p.workspaceId(), p.variantId())
                : variants.ofClip(p.workspaceId(), p.clipId()).stream()
                        .filter(v -> v.state() == Variant.State.READY && v.format().startsWith(p.platform().wire()))
                        .findFirst();
        if (variant.isEmpty()) {
            return new Missing("clip " + p.clipId() + " has no rendered " + p.platform().wire() + " variant: render "
                    + "one (POST /clips/" + p.clipId() + "/variants) or schedule with a variant_id");
        }
        var v = variant.get();
        if (v.state() != Variant.State.READY || v.storageKey() == null) {
            return new Missing("variant " + v.id() + " is " + v.state().name().toLowerCase() + ", not rendered: "
                    + "wait for it or pick another variant");
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
