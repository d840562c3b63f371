package io.socialsync.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The cut logic on hand-made frame streams (25 fps), no FFmpeg. */
class CutDetectorTest {
    private static final double FPS = 25;

    /** A frame of flat grey level {@code y} whose difference to the previous frame is {@code mafd}. */
    private static VideoFrame frame(int n, double mafd, double y) {
        return new VideoFrame(n / FPS, mafd, y, 128, 128, y, y, 0);
    }

    private static double[] detect(int frames, IntFunction<VideoFrame> f) {
        CutDetector d = new CutDetector(CutSettings.DEFAULT);
        for (int i = 0; i < frames; i++) d.accept(f.apply(i));
        return d.finish();
    }

    @Test
    void aHardCutIsFound() {
        assertThat(detect(100, i -> frame(i, i == 50 ? 30 : 1, i < 50 ? 100 : 150))).containsExactly(2.0);
    }

    @Test
    void aCutBetweenPicturesWithTheSameAveragesIsStillACut() {
        assertThat(detect(100, i -> frame(i, i == 50 ? 30 : 1, 100))).containsExactly(2.0);
    }

    @Test
    void aSingleFrameFlashIsNotACut() {
        assertThat(detect(100, i -> frame(i, i == 50 || i == 51 ? 60 : 1, i == 50 ? 235 : 100))).isEmpty();
    }

    @Test
    void aStrobeGivesOnlyItsEntryAndExit() {
        // 2 s of steady picture, 3 s of black/white every 2 frames, 2 s of another picture
        double[] cuts = detect(175, i -> {
            if (i < 50) return frame(i, 1, 100);
            if (i < 125) return frame(i, i % 2 == 0 ? 85 : 0, (i / 2) % 2 == 0 ? 16 : 235);
            return frame(i, i == 125 ? 40 : 1, 150);
        });
        assertThat(cuts).hasSize(2);
        assertThat(cuts[0]).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(cuts[1]).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void steadyFastMotionIsNotACut() {
        assertThat(detect(200, i -> frame(i, 20 + (i % 3), 100 + (i % 5)))).isEmpty();
    }

    @Test
    void cutsCloserThanTheMinimumShotKeepTheStrongest() {
        double[] cuts = detect(100, i -> frame(i, i == 40 ? 20 : i == 45 ? 40 : 1, i < 40 ? 50 : i < 45 ? 100 : 200));
        assertThat(cuts).containsExactly(45 / FPS);
    }
}
