package io.socialsync.media.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.RunOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrimTest {
    private final Editor editor = new Editor(TestMedia.ffmpeg());

    @TempDir
    Path work;

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    @Test
    void accurateTrimIsExactAndCopyTrimSnapsBackToTheKeyframe() {
        Path src = EditMedia.clip(work.resolve("src.mp4"), "320x180", 25, 44100, 3);
        var accurate = editor.apply(new EditOperation.Trim(src, Duration.ofMillis(1500), Duration.ofMillis(2500),
                TrimMode.ACCURATE), work.resolve("accurate.mp4"), RunOptions.defaults());
        var copy = editor.apply(new EditOperation.Trim(src, Duration.ofMillis(1500), Duration.ofMillis(2500),
                TrimMode.KEYFRAME_COPY), work.resolve("copy.mp4"), RunOptions.defaults());

        assertThat(seconds(accurate.duration())).isCloseTo(1.0, within(0.06));
        assertThat(accurate.sourceStart()).isEqualTo(Duration.ofMillis(1500));
        assertThat(accurate.info().requireVideo().codec()).isEqualTo("h264");

        assertThat(copy.sourceStart()).as("keyframes are at whole seconds").isEqualTo(Duration.ofSeconds(1));
        assertThat(seconds(copy.duration())).isCloseTo(1.5, within(0.1));
        assertThat(copy.info().audio().getFirst().sampleRate()).as("copied, not re-encoded").isEqualTo(44100);
    }

    @Test
    void anEndPastTheInputMeansToTheEndAndAStartPastItIsAClearError() {
        Path src = EditMedia.clip(work.resolve("src.mp4"), "320x180", 25, 48000, 2);
        var r = editor.apply(new EditOperation.Trim(src, Duration.ofMillis(1000), Duration.ofSeconds(60),
                TrimMode.ACCURATE), work.resolve("tail.mp4"), RunOptions.defaults());
        assertThat(seconds(r.duration())).isCloseTo(1.0, within(0.1));
        assertThatThrownBy(() -> editor.apply(new EditOperation.Trim(src, Duration.ofSeconds(5), Duration.ofSeconds(6),
                TrimMode.ACCURATE), work.resolve("none.mp4"), RunOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("past the end");
        assertThat(work.resolve("none.mp4")).doesNotExist();
    }

    @Test
    void anAccurateTrimOfAnamorphicSdKeepsItsPictureShapeInSquarePixels() {
        Path src = TestMedia.synth(work.resolve("sd.mp4"), "-f", "lavfi", "-i",
                "testsrc2=size=720x576:rate=25:duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-aspect", "16:9");
        var r = editor.apply(new EditOperation.Trim(src, Duration.ofMillis(500), Duration.ofMillis(1500),
                TrimMode.ACCURATE), work.resolve("sd-trim.mp4"), RunOptions.defaults());
        var v = r.info().requireVideo();
        assertThat(v.width() + "x" + v.height()).as("shown 16:9, as the source was").isEqualTo("1024x576");
        assertThat(v.pixelAspect().square()).isTrue();
    }
}
