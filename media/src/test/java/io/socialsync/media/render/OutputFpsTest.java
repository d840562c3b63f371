package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.media.probe.FrameRate;
import io.socialsync.media.probe.PixelAspect;
import io.socialsync.media.probe.VideoStream;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputFpsTest {
    private static VideoStream source(String avg, String base) {
        return new VideoStream(0, "h264", "yuv420p", 320, 180, PixelAspect.SQUARE, 0, FrameRate.parse(avg),
                FrameRate.parse(base), "", "",
                "", OptionalLong.empty());
    }

    /** Instagram Reels' range is 23–60 fps, YouTube's 1–60. */
    @ParameterizedTest(name = "{0} (nominal {1}) in {2}-{3} fps -> {4}")
    @CsvSource({
            "318960000/18762353, 17/1, 23, 60, 24/1", // the 17 fps source: raised, and a clean rational
            "318960000/18762353, 17/1, 1, 60, 17/1", // in range: its own rate, cleaned
            "12/1, 12/1, 23, 60, 24/1", // doubled: every frame shown twice
            "15/1, 15/1, 23, 60, 30/1", // doubled rather than 24's uneven cadence
            "10/1, 10/1, 24, 60, 30/1",
            "120/1, 120/1, 23, 60, 60/1",
            "100/1, 100/1, 23, 60, 50/1", // halved rather than 60's uneven cadence
            "90/1, 90/1, 1, 60, 30/1",
            "75/1, 75/1, 1, 60, 25/1", // every third frame
            "70/1, 70/1, 1, 60, 60/1", // no even divisor: the fastest rate in range
            "120000/1001, 120000/1001, 30, 30, 30/1", // a clamp lands on an integer rate
            "30000/1001, 30000/1001, 23, 60, 30000/1001",
            "2997/100, 30000/1001, 23, 60, 30000/1001", // a rounded mean is still NTSC
            "25/1, 25/1, 23, 60, 25/1",
            "27/1, 27/1, 23, 60, 27/1", // unusual but clean and in range: kept
            "2189/86, 30/1, 23, 60, 25/1", // VFR (mean 25.45 against nominal 30): the nearest standard rate
            "1400/100, 30/1, 23, 60, 24/1", // VFR and slow: standard, then raised
            "0/0, 0/0, 23, 60, 30/1"
    })
    void everyRateIsCleanAndInRange(String avg, String base, int min, int max, String expected) {
        FrameRate out = OutputFps.choose(source(avg, base), min, max);
        assertThat(out.toString()).isEqualTo(expected);
        assertThat(out.value()).isBetween(min * 0.998, max * 1.002);
        assertThat(out.denominator()).isIn(1L, 1001L);
    }
}
