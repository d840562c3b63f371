package io.socialsync.media.analysis;

import static io.socialsync.media.analysis.SyntheticVideos.src;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.media.TestMedia;
import io.socialsync.media.analysis.SyntheticVideos.Segment;
import io.socialsync.media.probe.MediaProber;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scene-cut accuracy on a video with known cuts, including the content that fools naive detectors: a black/white
 * strobe, per-frame brightness flicker, a colour strobe, single-frame camera flashes, a fast horizontal scroll and
 * frozen bars.
 */
class SceneCutAccuracyTest {
    static final double TOLERANCE = 0.5;

    static final List<Segment> SEGMENTS = List.of(
            new Segment(src("testsrc2"), 3),
            new Segment(src("color=c=0x3050a0") + ",noise=alls=30:allf=t", 2),
            new Segment(src("smptebars"), 3),
            // strobe: black/white every 2 frames
            new Segment(src("color=c=white") + ",geq=lum='if(mod(floor(N/2),2),235,16)':cb=128:cr=128", 3),
            new Segment(src("mandelbrot"), 3),
            new Segment(src("rgbtestsrc"), 2),
            // flicker: the picture brightens and darkens every frame
            new Segment(src("testsrc") + ",eq=brightness='0.5*mod(n,2)':eval=frame", 3),
            new Segment(src("life=mold=10:ratio=0.1:death_color=#C83232:life_color=#00ff00"), 3),
            // camera flashes: two single near-white frames inside one shot
            new Segment(src("testsrc2") + ",eq=brightness='0.9*(eq(n,25)+eq(n,50))':eval=frame", 3),
            new Segment(src("cellauto=rule=110"), 2),
            // colour strobe: red/blue every 3 frames
            new Segment(src("color=c=gray")
                    + ",geq=lum=82:cb='if(mod(floor(N/3),2),240,90)':cr='if(mod(floor(N/3),2),110,240)'", 2),
            new Segment(src("smptehdbars"), 3),
            new Segment(src("testsrc") + ",scroll=horizontal=0.02", 3),
            new Segment(src("color=c=0x806020") + ",noise=alls=20:allf=t", 2));

    @TempDir
    Path work;

    @Test
    void sceneCutF1IsAtLeast95PercentWithStrobesAndFlashes() {
        Path video = SyntheticVideos.concat(work.resolve("cuts.mp4"), SEGMENTS);
        var info = new MediaProber(TestMedia.ffmpeg()).probe(video);
        Signals s = new Analyser(TestMedia.ffmpeg(), work).signals(video, info, p -> {}, null);

        List<Double> truth = SyntheticVideos.boundaries(SEGMENTS);
        double f1 = f1(truth, Arrays.stream(s.cuts()).boxed().toList(), TOLERANCE);
        System.out.printf("scene cuts: truth=%s%n detected=%s%n F1=%.3f%n", truth, Arrays.toString(s.cuts()), f1);
        assertThat(f1).as("scene-cut F1 (±%s s); detected %s", TOLERANCE, Arrays.toString(s.cuts()))
                .isGreaterThanOrEqualTo(0.95);
        assertThat(Arrays.stream(s.cuts()).filter(t -> t > 8 + TOLERANCE && t < 11 - TOLERANCE))
                .as("no cut storm inside the strobe").isEmpty();

        // control: without the flash test and the minimum shot length the same video is hard
        var naive = new CutSettings(0.5, 8, 1.5, Double.MAX_VALUE, 0.35, 0);
        Signals n = new Analyser(TestMedia.ffmpeg(), work, naive).signals(video, info, p -> {}, null);
        double naiveF1 = f1(truth, Arrays.stream(n.cuts()).boxed().toList(), TOLERANCE);
        System.out.printf(" naive detector: %d cuts, F1=%.3f%n", n.cuts().length, naiveF1);
        assertThat(naiveF1).as("the strobes and flashes really are a challenge").isLessThan(0.8);
    }

    /** Greedy one-to-one matching within the tolerance, in time order. */
    static double f1(List<Double> truth, List<Double> detected, double tolerance) {
        List<Double> unmatched = new ArrayList<>(detected);
        int hits = 0;
        for (double t : truth) {
            Double match = unmatched.stream().filter(d -> Math.abs(d - t) <= tolerance)
                    .min((a, b) -> Double.compare(Math.abs(a - t), Math.abs(b - t))).orElse(null);
            if (match != null) {
                unmatched.remove(match);
                hits++;
            }
        }
        if (hits == 0) return 0;
        double precision = (double) hits / detected.size(), recall = (double) hits / truth.size();
        return 2 * precision * recall / (precision + recall);
    }
}
