package io.socialsync.media.edit;

import io.socialsync.media.TestMedia;
import java.nio.file.Path;

/** Tiny synthetic inputs for edit tests. */
final class EditMedia {
    private EditMedia() {}

    /** testsrc2 + sine; one keyframe per second exactly (no scene-cut keyframes), so snapping is predictable. */
    static Path clip(Path out, String size, int fps, int sampleRate, double seconds) {
        return TestMedia.synth(out, "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=" + fps + ":duration="
                + seconds, "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=" + sampleRate + ":duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", Integer.toString(fps),
                "-sc_threshold", "0", "-c:a", "aac", "-shortest");
    }

    static Path silentClip(Path out, String size, int fps, double seconds) {
        return TestMedia.synth(out, "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=" + fps + ":duration="
                + seconds, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
    }
}
