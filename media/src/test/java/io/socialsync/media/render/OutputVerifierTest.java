package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.media.probe.FrameRate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputVerifierTest {
    private static final PlatformFormat SHORT = PlatformFormats.defaults().get("youtube_short");
    private static final PlannedOutput PLANNED = new PlannedOutput(0, List.of(SHORT), Preset.NONE, 1080, 1920,
            new FrameRate(30000, 1001), new Reframe.Scale(), Duration.ofSeconds(10), Path.of("x.mp4"), List.of());

    private static OutputProbe probe(String profile, int sampleRate, double seconds, FrameRate fps) {
        return new OutputProbe("h264", profile, "yuv420p", 1080, 1920, fps, 0, "bt709", "bt709", "aac", sampleRate, 2,
                seconds, seconds, seconds);
    }

    @Test
    void aGoodOutputPasses() {
        assertThat(OutputVerifier.problems(probe("High", 48000, 10, new FrameRate(2997, 100)), PLANNED, 1_000_000))
                .isEmpty();
    }

    @Test
    void everyDeviationIsNamed() {
        List<String> p = OutputVerifier.problems(probe("Constrained Baseline", 44100, 200, new FrameRate(25, 1)),
                PLANNED, 3_000_000_000L);
        assertThat(p).containsExactlyInAnyOrder(
                "H.264 profile is 'Constrained Baseline', expected 'High'",
                "frame rate is 25/1, expected 30000/1001",
                "audio sample rate is 44100 Hz",
                "lasts 200.0 s, youtube_short allows 180 s",
                "size 3000000000 bytes exceeds the youtube_short limit of 2000000000 bytes");
    }
}
