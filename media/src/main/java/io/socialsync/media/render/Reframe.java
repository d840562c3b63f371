package io.socialsync.media.render;

import java.util.List;

/** How one output gets from the source's shape to the target's. */
public sealed interface Reframe {

    /** Aspect ratios already match: scale only. */
    record Scale() implements Reframe {}

    /** Source is wider: a full-height window that follows {@code path} (a fixed centre is a one-keyframe path). */
    record CropX(List<CropKeyframe> path) implements Reframe {
        public CropX {
            path = List.copyOf(path);
            if (path.isEmpty()) throw new IllegalArgumentException("a crop path needs at least one keyframe");
        }

        public static CropX centre() {
            return new CropX(List.of(new CropKeyframe(0, 0.5)));
        }
    }

    /** Source is slightly taller than the target: a centred full-width window (losing a little top and bottom). */
    record CropY() implements Reframe {}

    /**
     * The subject does not fit the target: the whole picture, fitted, over a blurred and enlarged copy of itself
     * (AutoFlip's and most editors' answer; bars look broken on a phone, a huge zoom loses the subject).
     */
    record BlurPad() implements Reframe {}
}
