package io.socialsync.media.render;

import io.socialsync.media.TestMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Tiny synthetic sources for render tests; all H.264 unless said otherwise, so they decode fast. */
final class RenderMedia {
    private RenderMedia() {}

    /** testsrc2 at {@code size} (any, odd too: generated even and scaled) plus a sine, {@code seconds} long. */
    static Path video(Path out, String size, double seconds, boolean audio, String pixFmt, String... extra) {
        String[] wh = size.split("x");
        int w = Integer.parseInt(wh[0]), h = Integer.parseInt(wh[1]);
        List<String> a = new ArrayList<>(List.of("-f", "lavfi", "-i",
                "testsrc2=size=" + (w + w % 2) + "x" + (h + h % 2) + ":rate=25:duration=" + seconds
                        + ",scale=" + w + ":" + h + ",format=" + pixFmt));
        if (audio) a.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=" + seconds));
        a.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-g", "25"));
        if (audio) a.addAll(List.of("-c:a", "aac", "-shortest"));
        a.addAll(Arrays.asList(extra));
        return TestMedia.synth(out, a.toArray(String[]::new));
    }

    static Path video(Path out, String size, double seconds) {
        return video(out, size, seconds, true, "yuv420p");
    }
}
