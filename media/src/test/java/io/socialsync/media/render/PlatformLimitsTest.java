package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlatformLimitsTest {
    private final PlatformFormat reel = PlatformFormats.defaults().get("instagram_reel");

    @Test
    void aClipShorterThanReelsMinimumIsRefusedWithWhatToChange() {
        assertThatThrownBy(() -> PlatformLimits.checkClip(reel, Duration.ofMillis(2400), Presets.resolve("none", 1)))
                .isInstanceOf(RenderException.LimitExceeded.class)
                .hasMessage("the clip lasts 2.4 s but instagram_reel needs at least 3 s; lengthen the clip");
        assertThatCode(() -> PlatformLimits.checkClip(reel, Duration.ofSeconds(3), Presets.resolve("none", 1)))
                .doesNotThrowAnyException();
    }

    @Test
    void theSpeedPresetCountsBecauseItShortensTheOutput() {
        Preset fast = new Preset("speed", 1, 1, false, 0, 1, 1, 0, 1.25);
        assertThatThrownBy(() -> PlatformLimits.checkClip(reel, Duration.ofMillis(3500), fast))
                .hasMessage("the clip lasts 2.8 s (after the 1.25x speed preset) but instagram_reel needs at least 3 s;"
                        + " lengthen the clip");
    }

    @Test
    void formatsWithoutAPublishedMinimumTakeAnyLength() {
        assertThatCode(() -> PlatformLimits.checkClip(PlatformFormats.defaults().get("tiktok"), Duration.ofMillis(500),
                Presets.resolve("none", 1))).doesNotThrowAnyException();
    }
}
