package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CropPlannerTest {
    private static final int COLS = 100;

    /** A track whose energy sits in a band of columns around {@code centre} at each time. */
    private static SaliencyTrack track(double[] times, double[] centres, boolean[] cuts) {
        List<SaliencyTrack.Sample> s = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            double[] cols = new double[COLS];
            int c = (int) (centres[i] * COLS);
            for (int x = Math.max(0, c - 5); x < Math.min(COLS, c + 5); x++) cols[x] = 0.1;
            s.add(new SaliencyTrack.Sample(times[i], cols, cuts[i]));
        }
        return new SaliencyTrack(s);
    }

    @Test
    void aConcentratedSubjectFitsAndTheWindowCentresOnIt() {
        var t = track(new double[] {0, 0.5, 1, 1.5}, new double[] {0.8, 0.8, 0.8, 0.8}, new boolean[4]);
        CropPlanner.Result r = CropPlanner.plan(t, 0.316, 0.35);
        assertThat(r.fits()).isTrue();
        assertThat(r.path()).hasSize(1);
        assertThat(r.path().getFirst().centerX()).isCloseTo(0.8, within(0.03));
    }

    @Test
    void uniformTextureDoesNotFitSoTheRendererPads() {
        double[] flat = new double[COLS];
        java.util.Arrays.fill(flat, 1.0 / COLS);
        var t = new SaliencyTrack(List.of(new SaliencyTrack.Sample(0, flat, false)));
        CropPlanner.Result r = CropPlanner.plan(t, 0.316, 0.35);
        assertThat(r.fits()).isFalse();
        assertThat(r.path().getFirst().centerX()).as("ties go to the centre").isCloseTo(0.5, within(0.02));
    }

    @Test
    void smallMovesAreIgnoredBigOnesPanAndCutsJump() {
        var t = track(new double[] {0, 2, 4, 6}, new double[] {0.30, 0.33, 0.70, 0.20},
                new boolean[] {false, false, false, true});
        List<CropKeyframe> p = CropPlanner.plan(t, 0.316, 0.35).path();
        assertThat(p).extracting(CropKeyframe::timeSeconds).containsExactly(0.0, 4.0, 4.5, 5.999, 6.0);
        assertThat(p.get(0).centerX()).isCloseTo(0.30, within(0.02)); // 0.33 is inside the dead zone
        assertThat(p.get(1).centerX()).isCloseTo(0.30, within(0.02)); // pan starts from where we were
        assertThat(p.get(2).centerX()).isCloseTo(0.70, within(0.02));
        assertThat(p.get(3).centerX()).isCloseTo(0.70, within(0.02)); // held up to the cut ...
        assertThat(p.get(4).centerX()).isCloseTo(0.20, within(0.02)); // ... then a jump, not a pan
    }

    @Test
    void aMoveAtTheLastSampleStillPans() {
        var t = track(new double[] {0, 2, 4}, new double[] {0.30, 0.30, 0.70}, new boolean[3]);
        List<CropKeyframe> p = CropPlanner.plan(t, 0.316, 0.35).path();
        assertThat(p).extracting(CropKeyframe::timeSeconds).containsExactly(0.0, 4.0, 4.5);
        assertThat(p.getLast().centerX()).isCloseTo(0.70, within(0.02));
    }
}
