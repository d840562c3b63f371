package io.socialsync.platforms.facebook;

import io.socialsync.platforms.Media;
import io.socialsync.platforms.Progress;

/**
 * Which Facebook upload a publication takes ({@code socialsync.platforms.facebook.flow}). {@code REELS} and
 * {@code VIDEO} force one for every post; {@code AUTO} (the default) looks at the variant: a vertical one of
 * 3–90 s, what Meta accepts as a reel, goes as a Page reel, and anything else (the 1:1 {@code facebook} format,
 * 16:9, longer clips, a variant of unknown size) as a regular Page video. The choice is recorded with the first
 * remote step, so a resumed run finishes the flow it began even if the setting changed meanwhile.
 */
public enum FacebookFlow {
    AUTO, REELS, VIDEO;

    static final long REEL_MIN_MS = 3_000;
    static final long REEL_MAX_MS = 90_000;

    /** The flow of a run: the one already begun, else the setting's choice for this file. */
    static FacebookFlow of(Progress progress, FacebookFlow setting, Media media) {
        String recorded = progress.handle("flow");
        if (recorded != null) {
            return valueOf(recorded);
        }
        if (!progress.handles().isEmpty()) {
            return REELS; // begun before flows were recorded, when reels were the only one
        }
        return setting.resolve(media);
    }

    FacebookFlow resolve(Media media) {
        if (this != AUTO) {
            return this;
        }
        Long ms = media.durationMs();
        boolean reelLength = ms == null || (ms >= REEL_MIN_MS && ms <= REEL_MAX_MS);
        return media.vertical() && reelLength ? REELS : VIDEO;
    }
}
