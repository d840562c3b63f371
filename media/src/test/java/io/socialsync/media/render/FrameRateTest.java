package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.probe.FrameRate;
import io.socialsync.media.probe.MediaProber;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
        assertThat(Inspect.probe(v.path()).videoSeconds()).isCloseTo(2, within(1 / rate.value()));
    }

    /**
     * A white flash and a beep, both at 1.0 s of a 17 fps source rendered at 24 fps: in the output they must
     * still coincide, and fall at 1.0 s (the AAC priming, with no edit list to hide it, is cut, not played).
     */
    @Test
    void aFlashAndItsBeepStayTogetherThroughTheRateChange() throws IOException {
        Path src = TestMedia.synth(work.resolve("sync.mp4"), "-f", "lavfi", "-i",
                "color=black:size=320x180:rate=17:duration=3,drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill"
                        + ":enable='between(t\\,1\\,1.05)'",
                "-f", "lavfi", "-i", "aevalsrc='if(between(t\\,1\\,1.1)\\,0.8*sin(2*PI*1000*t)\\,0)':s=44100:d=3",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
        RenderedVariant v = render(src, "instagram_reel").getFirst();
        assertRate(v, new FrameRate(24, 1));
        double flash = firstBrightFrame(v.path()) / 24.0, beep = firstLoudSample(v.path()) / 48_000.0;
        assertThat(flash).as("flash").isCloseTo(1.0, within(1 / 24.0));
        assertThat(beep).as("beep").isCloseTo(1.0, within(0.005));
        assertThat(beep - flash).as("beep against flash").isCloseTo(0, within(1 / 24.0));
    }

    private static int firstBrightFrame(Path file) throws IOException {
        byte[] y = raw(file, List.of("-map", "0:v", "-vf", "scale=2:2", "-pix_fmt", "gray", "-f", "rawvideo"));
        for (int i = 0; i < y.length; i += 4) if ((y[i] & 0xff) > 128) return i / 4;
        return -1;
    }

    /** The first sample above a third of the loudest (loudness normalisation changes the absolute level). */
    private static int firstLoudSample(Path file) throws IOException {
        byte[] pcm = raw(file, List.of("-map", "0:a", "-ac", "1", "-ar", "48000", "-f", "s16le"));
        int max = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) max = Math.max(max, Math.abs(sample(pcm, i)));
        for (int i = 0; i + 1 < pcm.length; i += 2) if (Math.abs(sample(pcm, i)) > max / 3) return i / 2;
        return -1;
    }

    private static int sample(byte[] pcm, int i) {
        return (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
    }

    private static byte[] raw(Path file, List<String> output) throws IOException {
        Path out = Files.createTempFile(file.getParent(), "raw", ".bin");
        List<String> a = new ArrayList<>(List.of("-y", "-i", Ffmpeg.fileArg(file)));
        a.addAll(output);
        a.add(Ffmpeg.fileArg(out));
        TestMedia.ffmpeg().run(a, RunOptions.defaults());
        return Files.readAllBytes(out);
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
