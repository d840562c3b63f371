package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.MediaProber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cheap analysis pass on real (synthetic) pictures: bars and a subject off to one side. */
class AnalysisTest {
    @TempDir
    Path work;

    /** The scratch directory's name is hostile on purpose: its path goes into the filter graph. */
    private SourceAnalyzer.Result analyse(Path src) throws Exception {
        MediaInfo info = new MediaProber(TestMedia.ffmpeg()).probe(src);
        Path scratch = Files.createDirectories(work.resolve("we:ird 'dir,[x];\\y"));
        return SourceAnalyzer.analyse(TestMedia.ffmpeg(), info, Duration.ZERO, info.duration(), scratch,
                RunOptions.defaults());
    }

    /**
     * A moving test pattern on the right of a flat grey stage.
     *
     * @param gop frames between keyframes: 25 (1 s) lets the analysis read keyframes only, 250 (x264's default,
     *     10 s) makes it sample the decoded frames
     */
    private Path subjectOnTheRight(int gop) {
        return TestMedia.synth(work.resolve("subject-" + gop + ".mp4"), "-f", "lavfi", "-i",
                "color=c=0x505050:size=320x180:rate=25:duration=2[bg];"
                        + "testsrc2=size=60x60:rate=25:duration=2[fg];[bg][fg]overlay=x='230+10*sin(3*t)':y=60",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", Integer.toString(gop), "-pix_fmt", "yuv420p");
    }

    private Path pattern(int seconds, int gop) {
        return RenderMedia.video(work.resolve("pattern-" + gop + ".mp4"), "320x180", seconds, false, "yuv420p", "-g",
                Integer.toString(gop), "-sc_threshold", "0");
    }

    private static List<Double> sampleTimes(SourceAnalyzer.Result r) {
        return r.saliency().orElseThrow().samples().stream().map(SaliencyTrack.Sample::timeSeconds).toList();
    }

    @Test
    void keyframesAreEnoughWhenTheyComeEverySecond() throws Exception {
        assertThat(sampleTimes(analyse(pattern(4, 25)))).containsExactly(0.0, 1.0, 2.0, 3.0);
    }

    @Test
    void sparseKeyframesFallBackToFourSamplesASecond() throws Exception {
        assertThat(sampleTimes(analyse(pattern(4, 250)))).hasSize(16).startsWith(0.0, 0.25, 0.5).endsWith(3.75);
    }

    @Test
    void samplesAreOnTheSourceTimelineAndInsideTheClip() throws Exception {
        Path src = pattern(6, 25);
        MediaInfo info = new MediaProber(TestMedia.ffmpeg()).probe(src);
        var r = SourceAnalyzer.analyse(TestMedia.ffmpeg(), info, Duration.ofMillis(1500), Duration.ofSeconds(3),
                work, RunOptions.defaults());
        assertThat(sampleTimes(r)).containsExactly(2.0, 3.0, 4.0);
    }

    @Test
    void sampleTimesComeFromTheMetadataLog() {
        assertThat(SourceAnalyzer.times("frame:0    pts:0       pts_time:0\nlavfi.cropdetect.x=0\n"
                + "frame:1    pts:30720   pts_time:2.5\nlavfi.cropdetect.x=0\n")).containsExactly(0, 2.5);
        assertThat(SourceAnalyzer.times("frame:0    pts:NOPTS   pts_time:NOPTS\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {25, 250})
    void theNineBySixteenWindowFollowsTheSubjectAndTheRenderUsesIt(int gop) throws Exception {
        Path src = subjectOnTheRight(gop);
        SourceAnalyzer.Result r = analyse(src);
        assertThat(r.letterbox()).isEmpty();
        Reframe reframe = ReframeDecider.decide(320, 180, 1080, 1920, List.of(), r.saliency(),
                RenderOptions.defaults());
        assertThat(reframe).isInstanceOf(Reframe.CropX.class);
        assertThat(((Reframe.CropX) reframe).path()).allSatisfy(k -> assertThat(k.centerX()).isBetween(0.75, 0.95));
        List<RenderedVariant> out = new Renderer(TestMedia.ffmpeg()).render(RenderRequest.of(src,
                PlatformFormats.defaults().get(List.of("tiktok")), work.resolve("out")),
                RenderOptions.defaults().withSizeScale(0.25), RunOptions.defaults());
        // the pattern spans rows 60–120 of 180, i.e. about 21–43 of the 64-row thumbnail: a centre crop would
        // show only the flat stage there
        Path v = out.getFirst().path();
        assertThat(Inspect.rowsStdDev(v, 1, 26, 38)).as("pattern inside the crop").isGreaterThan(20);
        assertThat(Inspect.rowsStdDev(v, 1, 0, 12)).as("flat stage above it").isLessThan(5);
        assertThat(Files.size(out.getFirst().path())).isPositive();
    }

    @ParameterizedTest
    @ValueSource(ints = {25, 250})
    void letterboxBarsAreDetectedAndCroppedAway(int gop) throws Exception {
        Path src = TestMedia.synth(work.resolve("bars-" + gop + ".mp4"), "-f", "lavfi", "-i",
                "testsrc2=size=320x136:rate=25:duration=2,pad=320:180:0:22:black", "-c:v", "libx264", "-preset",
                "ultrafast", "-g", Integer.toString(gop), "-pix_fmt", "yuv420p");
        assertThat(analyse(src).letterbox()).contains(new CropRect(0, 22, 320, 136));
        RenderedVariant v = new Renderer(TestMedia.ffmpeg()).render(RenderRequest.of(src,
                PlatformFormats.defaults().get(List.of("youtube")), work.resolve("out")),
                RenderOptions.defaults().withSizeScale(0.25), RunOptions.defaults()).getFirst();
        assertThat(Inspect.rowsMean(v.path(), 1, 0, 2)).as("no black bar left on top").isGreaterThan(40);
    }

    @Test
    void aSuppliedPlanIsUsedAsIs() {
        var plan = List.of(new CropKeyframe(0, 0.1), new CropKeyframe(1, 0.9));
        Reframe r = ReframeDecider.decide(320, 180, 1080, 1920, plan, Optional.empty(), RenderOptions.defaults());
        assertThat(r).isEqualTo(new Reframe.CropX(plan));
    }
}
