package io.socialsync.media.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PixelAspectTest {

    @Test
    void ffprobesRatioIsReadAndWhatItCannotSayIsSquare() {
        assertThat(PixelAspect.parse("64:45")).isEqualTo(new PixelAspect(64, 45));
        assertThat(PixelAspect.parse("64:45").square()).isFalse();
        assertThat(PixelAspect.parse("1:1").square()).isTrue();
        for (String unsaid : new String[] {null, "", "0:1", "N/A", "x:y"}) {
            assertThat(PixelAspect.parse(unsaid)).as(unsaid).isEqualTo(PixelAspect.SQUARE);
        }
    }

    @Test
    void aQuarterTurnTurnsThePixelsToo() {
        var sideways = new VideoStream(0, "h264", "yuv420p", 720, 576, new PixelAspect(64, 45), 90,
                new FrameRate(25, 1), new FrameRate(25, 1), "", "", "", java.util.OptionalLong.empty());
        assertThat(sideways.displayedPixelAspect()).isEqualTo(new PixelAspect(45, 64));
    }
}
