package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.FfmpegException;
import io.socialsync.media.ffmpeg.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real renders of tiny synthetic sources (only the first test renders at a real 1080x1920). */
class RendererTest {
    private static final RenderOptions SMALL = RenderOptions.defaults().withSizeScale(0.25);
    private final PlatformFormats formats = PlatformFormats.defaults();
    private final Renderer renderer = new Renderer(TestMedia.ffmpeg());

    @TempDir
    Path work;

    @Test
    void aFullSizeReelHasEveryPropertyThePlatformsNeed() throws Exception {
        Path src = RenderMedia.video(work.resolve("src.mp4"), "320x180", 1);
        List<RenderedVariant> out = renderer.render(RenderRequest.of(src, formats.get(List.of("instagram_reel")),
                work.resolve("out")), RenderOptions.defaults(), RunOptions.defaults());
        assertThat(out).hasSize(1);
        RenderedVariant v = out.getFirst();
        assertThat(v.formats()).containsExactly("instagram_reel");
        assertThat(v.width()).isEqualTo(1080);
        assertThat(v.height()).isEqualTo(1920);
        assertThat(v.duration().toMillis()).isCloseTo(1000, within(50L));
        OutputProbe p = Inspect.probe(v.path());
        assertThat(p.videoCodec()).isEqualTo("h264");
        assertThat(p.profile()).isEqualTo("High");
        assertThat(p.pixelFormat()).isEqualTo("yuv420p");
        assertThat(p.width() + "x" + p.height()).isEqualTo("1080x1920");
        assertThat(p.fps().value()).isEqualTo(25);
        assertThat(p.colorPrimaries()).isEqualTo("bt709");
        assertThat(p.colorTransfer()).isEqualTo("bt709");
        assertThat(p.audioCodec()).isEqualTo("aac");
        assertThat(p.sampleRate()).isEqualTo(48_000);
        assertThat(p.channels()).isEqualTo(2);
        List<String> boxes = Inspect.topLevelBoxes(v.path());
        assertThat(boxes.indexOf("moov")).as("+faststart").isLessThan(boxes.indexOf("mdat"));
        assertThat(v.sizeBytes()).isEqualTo(Files.size(v.path()));
        try (Stream<Path> left = Files.list(work.resolve("out"))) {
            assertThat(left).as("no temp dir left").containsExactly(v.path());
        }
    }

    @Test
    void anAnamorphicSdSourceFillsA169FrameAsPlayersShowIt() throws Exception {
        // 720x576 stored, 64:45 pixels: a 16:9 picture, as PAL widescreen DVDs and broadcast SD are. Grey, so that
        // luma compares across SD's BT.601 and the output's BT.709 colour matrices
        Path src = TestMedia.synth(work.resolve("sd.mp4"), "-f", "lavfi", "-i",
                "testsrc2=size=720x576:rate=25:duration=1,hue=s=0,format=yuv420p", "-c:v", "libx264", "-preset",
                "ultrafast", "-aspect", "16:9");
        RenderedVariant v = renderer.render(RenderRequest.of(src, formats.get(List.of("youtube")),
                work.resolve("out")), SMALL, RunOptions.defaults()).getFirst();
        OutputProbe p = Inspect.probe(v.path());
        assertThat(p.width() + "x" + p.height()).isEqualTo("480x270");
        // the whole picture, neither squeezed nor between blurred bars: both frames shrunk to 64x64 nearly match
        // (1 grey level apart on average here; squeezed into a 5:4 box between bars, about 60)
        byte[] source = Inspect.grayFrame(src, 0.5), output = Inspect.grayFrame(v.path(), 0.5);
        double diff = 0;
        for (int i = 0; i < source.length; i++) diff += Math.abs((source[i] & 0xff) - (output[i] & 0xff));
        assertThat(diff / source.length).isLessThan(5);
    }

    @Test
    void threeFormatsRenderAsTwoFilesAndAudioIsNormalisedToAboutMinus14Lufs() {
        Path src = RenderMedia.video(work.resolve("src.mp4"), "320x180", 3);
        List<RenderedVariant> out = renderer.render(RenderRequest.of(src,
                formats.get(List.of("instagram_reel", "youtube_short", "facebook")), work.resolve("out")), SMALL,
                RunOptions.defaults());
        assertThat(out).extracting(RenderedVariant::formats)
                .containsExactly(List.of("instagram_reel", "youtube_short"), List.of("facebook"));
        assertThat(out).extracting(v -> v.width() + "x" + v.height()).containsExactly("270x480", "270x270");
        assertThat(Inspect.loudness(out.getFirst().path())).isCloseTo(-14, within(1.5));
    }

    @Test
    void speedPresetsKeepAudioAndVideoTheSameLength() {
        Path src = RenderMedia.video(work.resolve("src.mp4"), "320x180", 3);
        List<Preset> presets = List.of(new Preset("speed", 1, 1, false, 0, 1, 1, 0, 1.08),
                new Preset("speed", 2, 1, false, 0, 1, 1, 0, 0.95));
        List<RenderedVariant> out = renderer.render(RenderRequest.of(src, formats.get(List.of("youtube")),
                work.resolve("out")).withPresets(presets), SMALL, RunOptions.defaults());
        for (RenderedVariant v : out) {
            OutputProbe p = Inspect.probe(v.path());
            assertThat(p.audioSeconds()).as(v.preset().describe()).isCloseTo(p.videoSeconds(), within(0.1));
            assertThat(p.videoSeconds()).isCloseTo(3 / v.preset().speed(), within(0.1));
        }
    }

    @Test
    void theBlurredPadKeepsTheLastFrameEvenOfAOneFrameSource() {
        RenderOptions pad = SMALL.withReframe(ReframeMode.PAD);
        Path src = RenderMedia.video(work.resolve("src.mp4"), "320x180", 2, false, "yuv420p");
        RenderedVariant v = renderer.render(RenderRequest.of(src, formats.get(List.of("tiktok")),
                work.resolve("out")), pad, RunOptions.defaults()).getFirst();
        assertThat(Inspect.probe(v.path()).videoSeconds()).as("50 frames, not 49").isCloseTo(2.0, within(0.02));
        Path one = RenderMedia.video(work.resolve("one.mp4"), "320x180", 0.04, false, "yuv420p");
        RenderedVariant single = renderer.render(RenderRequest.of(one, formats.get(List.of("tiktok")),
                work.resolve("out-one")), pad, RunOptions.defaults()).getFirst();
        assertThat(Inspect.probe(single.path()).videoCodec()).isEqualTo("h264");
    }

    @Test
    void aCancelledRenderLeavesNoFilesAndNoProcesses() throws Exception {
        Path src = RenderMedia.video(work.resolve("src.mp4"), "320x180", 10);
        Path outDir = work.resolve("out");
        CancelToken cancel = CancelToken.create();
        // cancel once FFmpeg has opened its (temp) output: then there really is something to clean up
        Thread watcher = Thread.ofVirtual().start(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!cancel.isCancelled() && System.nanoTime() < deadline) {
                if (partialOutputs(outDir) > 0) cancel.cancel();
                sleep(20);
            }
        });
        assertThatThrownBy(() -> renderer.render(RenderRequest.of(src, formats.get(List.of("tiktok")), outDir),
                RenderOptions.defaults().withAnalyse(false), RunOptions.defaults().withCancel(cancel)))
                .isInstanceOf(FfmpegException.Cancelled.class);
        watcher.join();
        assertThat(outDir).isEmptyDirectory();
        assertThat(TestMedia.liveFfmpegProcesses()).isEmpty();
    }

    private static long partialOutputs(Path outDir) {
        try (Stream<Path> files = Files.walk(outDir)) {
            return files.filter(p -> p.toString().endsWith(".mp4")).count();
        } catch (Exception e) {
            return 0; // not created yet, or deleted under us
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSourceTooLongForThePlatformFailsBeforeEncoding() {
        Path src = RenderMedia.video(work.resolve("src.mp4"), "320x180", 2);
        var tiny = new PlatformFormat("tiny", 320, 180, Duration.ofSeconds(1), 30, 1_000_000);
        assertThatThrownBy(() -> renderer.render(RenderRequest.of(src, List.of(tiny), work.resolve("out")), SMALL,
                RunOptions.defaults())).isInstanceOf(RenderException.LimitExceeded.class)
                .hasMessageContaining("tiny allows at most 1 s");
        assertThat(work.resolve("out")).doesNotExist();
    }
}
