package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.probe.FrameRate;
import io.socialsync.media.probe.MediaProber;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real renders of sources whose rate a platform refuses or that have none: every output is constant-rate, at a
 * clean rational inside the format's range, with audio as long as the video to within one frame.
 */
class FrameRateTest {
    private static final RenderOptions SMALL = RenderOptions.defaults().withSizeScale(0.25).withAnalyse(false);
    private final Renderer renderer = new Renderer(TestMedia.ffmpeg());

    @TempDir
    Path work;

    @Test
    void a17FpsSourceBecomes24ForReelsAndStays17ForYoutube() {
        Path src = source("17.mp4", "testsrc2=size=320x180:rate=17:duration=2");
        assertThat(new MediaProber(TestMedia.ffmpeg()).probe(src, null).requireVideo().frameRate().value())
                .isCloseTo(17, within(0.01));
        List<RenderedVariant> out = render(src, "instagram_reel", "youtube");
        assertRate(out.get(0), new FrameRate(24, 1));
        assertRate(out.get(1), new FrameRate(17, 1));
    }

    @Test
    void a120FpsSourceIsHalvedTo60() {
        Path src = source("120.mp4", "testsrc2=size=320x180:rate=120:duration=2");
        assertRate(render(src, "tiktok").getFirst(), new FrameRate(60, 1));
    }

    /** Frames 1, 2 of every 3 dropped for the first second: nominal 30 fps, mean about 23. */
    @Test
    void aVariableRateSourceGetsAConstantStandardRate() {
        Path src = TestMedia.synth(work.resolve("vfr.mp4"), "-f", "lavfi", "-i",
                "testsrc2=size=320x180:rate=30:duration=2,select='not(lt(t\\,1)*mod(n\\,3))'",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-fps_mode", "vfr", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
        assertThat(new MediaProber(TestMedia.ffmpeg()).probe(src, null).requireVideo().variableFrameRate()).isTrue();
        RenderedVariant v = render(src, "instagram_reel").getFirst();
        FrameRate rate = rates(v.path()).getFirst();
        assertThat(OutputFps.STANDARD).contains(rate);
        assertRate(v, rate);
        assertThat(Inspect.probe(v.path()).videoSeconds()).isCloseTo(2, within(rate.denominator() / (double) rate.numerator()));
    }

    private Path source(String name, String video) {
        return TestMedia.synth(work.resolve(name), "-f", "lavfi", "-i", video, "-f", "lavfi", "-i",
                "sine=frequency=440:duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest");
    }

    private List<RenderedVariant> render(Path src, String... formats) {
        return renderer.render(RenderRequest.of(src, PlatformFormats.defaults().get(List.of(formats)),
                work.resolve("out-" + String.join("-", formats))), SMALL, RunOptions.defaults());
    }

    /** Both r_frame_rate and avg_frame_rate are {@code expected}; audio ends within a frame of the video. */
    private static void assertRate(RenderedVariant v, FrameRate expected) {
        assertThat(rates(v.path())).as(v.formats().toString()).containsOnly(expected);
        OutputProbe p = Inspect.probe(v.path());
        assertThat(p.audioSeconds()).as("A/V sync").isCloseTo(p.videoSeconds(), within(1 / expected.value()));
    }

    /** r_frame_rate and avg_frame_rate of the video stream. */
    static List<FrameRate> rates(Path file) {
        String out = TestMedia.ffmpeg().probe(List.of("-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=r_frame_rate,avg_frame_rate", "-of", "csv=p=0", Ffmpeg.fileArg(file)), Duration.ofSeconds(30),
                null).stdout().strip();
        return List.of(out.split(",")).stream().map(FrameRate::parse).toList();
    }
}
