package io.socialsync.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Scoring and selection on hand-made signals, no FFmpeg. */
class ClipSelectorTest {
    private static double[] series(int n, IntToDoubleFunction f) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = f.applyAsDouble(i);
        return a;
    }

    /** {@code n} seconds of clean, bright footage with loudness {@code lufs(i)} and the given cuts. */
    private static Signals signals(int n, IntToDoubleFunction lufs, double[] cuts, List<Interval> black) {
        return new Signals(n, true, series(n, i -> 2), series(n, lufs), series(n, i -> 1), series(n, i -> 0),
                series(n, i -> 0.5), series(n, i -> 0.4), series(n, i -> 0.8), cuts, black, List.of());
    }

    @Test
    void theLoudestSectionWinsAndClipsSpreadWithoutOverlap() {
        Signals s = signals(300, i -> i >= 200 && i < 230 ? -12 : -35, new double[] {60.4, 120.2, 199.6, 230.3},
                List.of());
        List<ClipCandidate> clips = ClipSelector.select(s, ClipRules.DEFAULT).clips();
        assertThat(clips).hasSizeBetween(3, 5);
        assertThat(clips.getFirst().interval().overlap(200, 230)).isGreaterThanOrEqualTo(25);
        assertThat(clips.getFirst().start()).as("snapped to the cut").isEqualTo(199.6);
        assertThat(clips.getFirst().reason()).startsWith("High-energy audio");
        for (ClipCandidate a : clips) {
            assertThat(a.length()).isBetween(15.0 - 1e-6, 60.0 + 1e-6);
            for (ClipCandidate b : clips) if (a != b) assertThat(a.interval().overlaps(b.interval())).isFalse();
        }
    }

    @Test
    void uniformFootageStillYieldsTheMinimumCountSpreadOut() {
        Signals s = signals(600, i -> -20, new double[0], List.of());
        List<ClipCandidate> clips = ClipSelector.select(s, ClipRules.DEFAULT).clips();
        assertThat(clips).hasSizeGreaterThanOrEqualTo(3);
        double[] starts = clips.stream().mapToDouble(ClipCandidate::start).sorted().toArray();
        for (int i = 1; i < starts.length; i++) assertThat(starts[i] - starts[i - 1]).isGreaterThan(60);
    }

    @Test
    void aOneMinuteVideoStillYieldsThreeClips() {
        Signals s = signals(60, i -> -20 - (i % 5), new double[] {20.2, 41.1}, List.of());
        List<ClipCandidate> clips = ClipSelector.select(s, ClipRules.DEFAULT).clips();
        assertThat(clips).hasSize(3);
    }

    @Test
    void blackFootageIsNeverProposed() {
        Signals s = signals(120, i -> -20, new double[0], List.of(new Interval(0, 120)));
        ClipSelector.Selection sel = ClipSelector.select(s, ClipRules.DEFAULT);
        assertThat(sel.clips()).isEmpty();
        assertThat(sel.noClipsReason()).hasValueSatisfying(r -> assertThat(r).contains("black"));
    }

    @Test
    void respectsCustomRules() {
        ClipRules rules = new ClipRules(java.time.Duration.ofSeconds(20), java.time.Duration.ofSeconds(30), 1, 2);
        Signals s = signals(200, i -> -20 - (i % 7), new double[] {50, 100, 150}, List.of());
        List<ClipCandidate> clips = ClipSelector.select(s, rules).clips();
        assertThat(clips).hasSizeBetween(1, 2)
                .allSatisfy(c -> assertThat(c.length()).isBetween(20.0 - 1e-6, 30.0 + 1e-6));
    }

    @Test
    void selectionIsDeterministic() {
        Signals s = signals(400, i -> -30 + 10 * Math.sin(i / 17.0), new double[] {33.3, 97.1, 180, 260.5}, List.of());
        var a = ClipSelector.select(s, ClipRules.DEFAULT).clips();
        var b = ClipSelector.select(s, ClipRules.DEFAULT).clips();
        assertThat(b).isEqualTo(a);
    }

    @Test
    void normalisationCentresOnTheMedianAndIgnoresWobble() {
        assertThat(Normalise.scaled(new double[] {-40, -40, -40, -10}, 6)).containsExactly(0.5, 0.5, 0.5, 1);
        assertThat(Normalise.scaled(new double[] {-24.5, -23.9, -23.9}, 6)[0]).isCloseTo(0.4, within(1e-9));
        assertThat(Normalise.scaled(new double[] {3, 3, 3}, 1)).containsOnly(0.5);
        assertThat(Normalise.scaled(new double[0], 1)).isEmpty();
    }
}
