package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.RunOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs that break naive pipelines (reference §4): each renders to 9:16 and 16:9 at a quarter size, and the
 * renderer's own ffprobe verification (H.264 High yuv420p, even size, AAC 48 kHz stereo, fps, no rotation) must
 * pass; the tests add what verification cannot know.
 */
class RobustnessTest {
    private static final RenderOptions SMALL = RenderOptions.defaults().withSizeScale(0.25);
    private final Renderer renderer = new Renderer(TestMedia.ffmpeg());

    @TempDir
    Path work;

    private List<RenderedVariant> render(Path src, String... formats) {
        return renderer.render(RenderRequest.of(src, PlatformFormats.defaults().get(List.of(formats)),
                work.resolve("out")), SMALL, RunOptions.defaults());
    }

    @Test
    void aSourceWithoutAudioGetsASilentStereoTrack() {
        Path src = RenderMedia.video(work.resolve("silent.mp4"), "320x180", 2, false, "yuv420p");
        for (RenderedVariant v : render(src, "tiktok", "youtube")) {
            OutputProbe p = Inspect.probe(v.path());
            assertThat(p.audioCodec()).isEqualTo("aac");
            assertThat(p.audioSeconds()).isCloseTo(p.videoSeconds(), org.assertj.core.api.Assertions.within(0.1));
        }
    }

    /** Odd sizes cannot be H.264 4:2:0, so these sources are 4:4:4 (covering that input format too). */
    @ParameterizedTest
    @ValueSource(strings = {"853x480", "1920x975", "720x405"})
    void oddSizedSourcesGiveEvenOutputs(String size) {
        Path src = RenderMedia.video(work.resolve("odd.mp4"), size, 1, true, "yuv444p");
        assertThat(render(src, "tiktok", "youtube", "facebook"))
                .extracting(v -> v.width() + "x" + v.height()).containsExactly("270x480", "480x270", "270x270");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yuv420p10le", "yuv444p"})
    void highBitDepthAndFullChromaSourcesComeOutAsEightBit420High(String pixFmt) {
        Path src = RenderMedia.video(work.resolve("deep.mp4"), "320x180", 1, true, pixFmt);
        RenderedVariant v = render(src, "youtube").getFirst();
        OutputProbe p = Inspect.probe(v.path());
        assertThat(p.profile()).isEqualTo("High");
        assertThat(p.pixelFormat()).isEqualTo("yuv420p");
    }

    @Test
    void vp9WebmSource() {
        assumeTrue(TestMedia.ffmpeg().inspect().hasEncoder("libvpx-vp9"), "this FFmpeg cannot encode VP9");
        Path src = TestMedia.synth(work.resolve("vp9.webm"), "-f", "lavfi", "-i",
                "testsrc2=size=320x180:rate=25:duration=1", "-c:v", "libvpx-vp9", "-deadline", "realtime",
                "-cpu-used", "8");
        assertThat(render(src, "tiktok")).hasSize(1);
    }

    @Test
    void aRotatedPhoneVideoIsRenderedUprightWithoutARotationTag() {
        Path plain = RenderMedia.video(work.resolve("plain.mp4"), "320x180", 1);
        // stored landscape, displayed portrait: the display matrix says "turn 90°"
        Path rotated = TestMedia.synth(work.resolve("rotated.mp4"), "-display_rotation", "90", "-i",
                io.socialsync.media.ffmpeg.Ffmpeg.fileArg(plain), "-c", "copy");
        List<RenderedVariant> out = render(rotated, "tiktok", "youtube");
        // a 180x320 portrait picture is almost 9:16 and gets a mild crop, 16:9 pads it
        assertThat(out).extracting(v -> v.width() + "x" + v.height()).containsExactly("270x480", "480x270");
        assertThat(Inspect.probe(out.getFirst().path()).rotation()).isZero();
    }

    @Test
    void aOneFrameVideo() {
        Path src = TestMedia.synth(work.resolve("one.mp4"), "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
                "-frames:v", "1", "-c:v", "libx264", "-pix_fmt", "yuv420p");
        RenderedVariant v = render(src, "tiktok").getFirst();
        assertThat(Inspect.probe(v.path()).videoSeconds()).isLessThanOrEqualTo(0.1);
    }
}
