package io.socialsync.media.analysis;

import static io.socialsync.media.analysis.SyntheticVideos.src;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialsync.media.TestMedia;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.MediaProber;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast decode ({@link Decode#FAST}: non-reference frames and deblocking skipped) must find what a full decode
 * finds, on H.264 with B-frames and deblocking, where it really skips: the cut suite's F1 and the clips, in the
 * same order at the same places. Test videos made with {@code ultrafast} have neither, so this is the test that
 * keeps the speed-up honest.
 */
class AnalysisEquivalenceTest {
    /** A song's shape: a quiet intro, verses, a second chorus and the loudest chorus at 55–75 s. */
    /**
     * Moving pictures, as a camera films them. Per-frame strobes, flicker and grain are left to the cut test: seen
     * every other frame they alias, which the motion signal cannot undo (docs/BENCHMARKS.md, Analyse).
     */
    static final List<String> MOVING = List.of(src("testsrc2"), src("mandelbrot"),
            src("testsrc") + ",scroll=horizontal=0.02", src("life=mold=10:ratio=0.1:death_color=#C83232"),
            src("smptebars"), src("cellauto=rule=110"), src("rgbtestsrc") + ",scroll=vertical=0.01");
    static final String SONG = "if(lt(t,20),0.03,if(between(t,55,75),1,if(between(t,90,105),0.5,0.15)))";

    @TempDir
    Path work;

    @Test
    void h264AndHevcSkipNonReferenceFramesAndOtherCodecsDecodeInFull() {
        assertThat(Decode.FAST.inputOptions("h264")).containsExactly("-skip_frame", "noref", "-skip_loop_filter",
                "all");
        assertThat(Decode.FAST.inputOptions("hevc")).isNotEmpty();
        assertThat(Decode.FAST.inputOptions("vp9")).isEmpty();
        assertThat(Decode.FULL.inputOptions("h264")).isEmpty();
        // a VFR source's longer intervals are its own: frames count once unless the decode skipped some
        assertThat(Decode.FAST.skipsFrames("h264")).isTrue();
        assertThat(Decode.FAST.skipsFrames("vp9")).isFalse();
        assertThat(Decode.FULL.skipsFrames("h264")).isFalse();
    }

    @Test
    void cutsOfTheStrobeAndFlashSuiteWithBFramesAreFoundAsByAFullDecode() {
        Path video = SyntheticVideos.concatWithBFrames(work.resolve("cuts-b.mp4"), SceneCutAccuracyTest.SEGMENTS,
                null);
        MediaInfo info = new MediaProber(TestMedia.ffmpeg()).probe(video);
        double[] fast = signals(video, info, Decode.FAST).cuts();
        double[] full = signals(video, info, Decode.FULL).cuts();
        List<Double> truth = SyntheticVideos.boundaries(SceneCutAccuracyTest.SEGMENTS);
        double f1 = SceneCutAccuracyTest.f1(truth, list(fast), SceneCutAccuracyTest.TOLERANCE);
        System.out.printf("cuts with B-frames:%n full %s%n fast %s%n F1 fast %.3f full %.3f%n",
                Arrays.toString(full), Arrays.toString(fast), f1,
                SceneCutAccuracyTest.f1(truth, list(full), SceneCutAccuracyTest.TOLERANCE));
        assertThat(f1).as("scene-cut F1 of the fast decode").isGreaterThanOrEqualTo(0.95);
        // a cut is the first new picture seen: with B-frames skipped at most a few frames late, never early
        assertThat(fast).hasSameSizeAs(full);
        for (int i = 0; i < fast.length; i++) {
            assertThat(fast[i]).as("cut %d", i).isCloseTo(full[i], within(0.2));
        }
    }

    @Test
    void clipsOfAVideoWithBFramesAreTheSameAsByAFullDecode() {
        List<SyntheticVideos.Segment> segments = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (String pictures : MOVING) segments.add(new SyntheticVideos.Segment(pictures,
                    2 + (i + segments.size()) % 4));
        }
        Path video = SyntheticVideos.concatWithBFrames(work.resolve("clips-b.mp4"), segments, SONG);
        MediaInfo info = new MediaProber(TestMedia.ffmpeg()).probe(video);
        System.out.printf("cuts full %s%ncuts fast %s%n", Arrays.toString(signals(video, info, Decode.FULL).cuts()),
                Arrays.toString(signals(video, info, Decode.FAST).cuts()));
        List<ClipCandidate> fast = analyse(video, info, Decode.FAST);
        List<ClipCandidate> full = analyse(video, info, Decode.FULL);
        System.out.println("clips, full decode:");
        full.forEach(c -> System.out.println("  " + c));
        System.out.println("clips, fast decode:");
        fast.forEach(c -> System.out.println("  " + c));
        assertThat(full).hasSizeGreaterThanOrEqualTo(3);
        assertThat(fast).hasSameSizeAs(full);
        for (int i = 0; i < fast.size(); i++) {
            ClipCandidate f = fast.get(i), r = full.get(i);
            assertThat(f.start()).as("start of clip %d", i + 1).isCloseTo(r.start(), within(0.5));
            assertThat(f.end()).as("end of clip %d", i + 1).isCloseTo(r.end(), within(0.5));
            assertThat(f.score()).as("score of clip %d", i + 1).isCloseTo(r.score(), within(3.0));
        }
    }

    @Test
    void blackFrozenAndPerSecondSignalsOfAVideoWithBFramesMatchAFullDecode() {
        List<SyntheticVideos.Segment> segments = List.of(new SyntheticVideos.Segment(src("testsrc2"), 3),
                new SyntheticVideos.Segment(src("color=c=black"), 3), new SyntheticVideos.Segment(src("mandelbrot"), 3),
                new SyntheticVideos.Segment(src("smptebars"), 4), new SyntheticVideos.Segment(src("testsrc2"), 3),
                new SyntheticVideos.Segment(src("color=c=black"), 1), new SyntheticVideos.Segment(MOVING.get(2), 3));
        Path video = SyntheticVideos.concatWithBFrames(work.resolve("black-frozen-b.mp4"), segments, SONG);
        MediaInfo info = new MediaProber(TestMedia.ffmpeg()).probe(video);
        Signals fast = signals(video, info, Decode.FAST), full = signals(video, info, Decode.FULL);
        System.out.printf("black full %s fast %s%nfrozen full %s fast %s%nduration full %s fast %s%n", full.black(),
                fast.black(), full.frozen(), fast.frozen(), full.duration(), fast.duration());
        System.out.printf("motion full %s%nmotion fast %s%nbrightness full %s%nbrightness fast %s%n"
                        + "sharpness full %s%nsharpness fast %s%n", Arrays.toString(full.motion()),
                Arrays.toString(fast.motion()), Arrays.toString(full.brightness()), Arrays.toString(fast.brightness()),
                Arrays.toString(full.sharpness()), Arrays.toString(fast.sharpness()));
        assertThat(fast.duration()).isCloseTo(full.duration(), within(0.1));
        assertThat(fast.black()).hasSameSizeAs(full.black()).hasSize(2);
        assertThat(fast.frozen()).hasSameSizeAs(full.frozen()).isNotEmpty();
        for (int i = 0; i < full.black().size(); i++) {
            assertThat(fast.black().get(i).start()).isCloseTo(full.black().get(i).start(), within(0.1));
            assertThat(fast.black().get(i).end()).isCloseTo(full.black().get(i).end(), within(0.1));
        }
        for (int i = 0; i < full.frozen().size(); i++) {
            assertThat(fast.frozen().get(i).start()).isCloseTo(full.frozen().get(i).start(), within(0.1));
            assertThat(fast.frozen().get(i).end()).isCloseTo(full.frozen().get(i).end(), within(0.1));
        }
        // a difference across a skipped frame is not quite twice one across one interval: motion reads a little low
        for (int i = 0; i < full.motion().length; i++) {
            assertThat(fast.motion()[i]).as("motion in second %d", i)
                    .isCloseTo(full.motion()[i], within(0.05 + 0.2 * full.motion()[i]));
        }
        for (int i = 0; i < full.brightness().length; i++) {
            assertThat(fast.brightness()[i]).as("brightness in second %d", i)
                    .isCloseTo(full.brightness()[i], within(0.02));
        }
    }

    private Signals signals(Path video, MediaInfo info, Decode decode) {
        return new Analyser(TestMedia.ffmpeg(), work, CutSettings.DEFAULT, decode).signals(video, info, p -> {},
                null);
    }

    private List<ClipCandidate> analyse(Path video, MediaInfo info, Decode decode) {
        return new Analyser(TestMedia.ffmpeg(), work, CutSettings.DEFAULT, decode)
                .analyse(video, info, ClipRules.DEFAULT, p -> {}, null).clips();
    }

    private static List<Double> list(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
