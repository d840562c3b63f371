package io.socialsync.media.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.render.Inspect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits read untagged sources as players do (HD as BT.709, SD as BT.601) and write BT.709, like the renderer: an
 * untagged HD clip keeps its colours instead of being converted as if it were BT.601.
 */
class EditColourTest {
    private static final int[] RED_709 = {63, 102, 240};
    private final Editor editor = new Editor(TestMedia.ffmpeg());

    @TempDir
    Path work;

    /** Solid red stored with {@code matrix}, untagged. */
    private Path red(String name, String size, String matrix) {
        return TestMedia.synth(work.resolve(name), "-f", "lavfi", "-i", "color=c=red:size=" + size
                + ":rate=25:duration=2,format=rgb24,scale=out_color_matrix=" + matrix + ":out_range=tv,"
                + "format=yuv420p,setparams=colorspace=unknown:color_primaries=unknown:color_trc=unknown:range=unknown",
                "-c:v", "libx264", "-preset", "ultrafast");
    }

    @Test
    void trimKeepsUntaggedHdColoursAndConvertsUntaggedSd() throws Exception {
        for (var source : List.of(red("hd.mp4", "1280x720", "bt709"), red("sd.mp4", "320x240", "bt601"))) {
            Path out = work.resolve("trim-" + source.getFileName());
            editor.apply(new EditOperation.Trim(source, Duration.ZERO, Duration.ofSeconds(1), TrimMode.ACCURATE), out,
                    RunOptions.defaults());
            assertClose(Inspect.centreYuv(out, 0.5), source);
        }
    }

    @Test
    void concatenationConvertsEachInputFromWhatItIs() throws Exception {
        Path hd = red("hd.mp4", "1280x720", "bt709");
        Path sd = red("sd.mp4", "320x240", "bt601");
        Path out = work.resolve("joined.mp4");
        editor.apply(new EditOperation.Concatenate(List.of(hd, sd), null), out, RunOptions.defaults());
        assertClose(Inspect.centreYuv(out, 0.5), hd);
        assertClose(Inspect.centreYuv(out, 3.0), sd);
    }

    private static void assertClose(int[] actual, Path source) {
        for (int i = 0; i < 3; i++) {
            assertThat(actual[i]).as("YUV".charAt(i) + " from " + source.getFileName() + ": " + List.of(actual[0],
                    actual[1], actual[2])).isCloseTo(RED_709[i], within(3));
        }
    }
}
