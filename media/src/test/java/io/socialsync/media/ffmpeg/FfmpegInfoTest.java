package io.socialsync.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FfmpegInfoTest {
    private static final String FILTERS = """
            Filters:
              T.. = Timeline support
              .S. = Slice threading
              A = Audio input/output
              | = Source or sink filter
             ... abench            A->A       Benchmark part of a filtergraph.
             TSC scale             V->V       Scale the input video size.
             ... testsrc2          |->V       Generate another test pattern.
             ... amix              N->A       Audio mixing.
            """;
    private static final String ENCODERS = """
            Encoders:
             V..... = Video
             A..... = Audio
             ------
             V....D libx264              libx264 H.264 / AVC
             A....D aac                  AAC (Advanced Audio Coding)
             V..... h264_v4l2m2m         V4L2 mem2mem H.264 encoder wrapper
            """;

    @Test
    void parsesFilterAndEncoderListingsIgnoringTheLegend() {
        assertThat(FfmpegInfo.names(FILTERS, FfmpegInfo.FILTER)).containsExactly("abench", "amix", "scale", "testsrc2");
        assertThat(FfmpegInfo.names(ENCODERS, FfmpegInfo.ENCODER)).containsExactly("aac", "h264_v4l2m2m", "libx264");
    }

    @Test
    void requireExplainsAMissingFilter() {
        var info = new FfmpegInfo(FfmpegSource.BUNDLED, Path.of("/x/ffmpeg"), Path.of("/x/ffprobe"), "ffmpeg version 6",
                "ffprobe version 6", Set.of("scale"), Set.of("libx264"));
        assertThat(info.has("scale")).isTrue();
        assertThat(info.describe()).contains("drawtext NO").contains("libx264 yes").contains("BUNDLED");
        assertThatThrownBy(() -> info.require("drawtext", "Captions"))
                .isInstanceOf(FfmpegException.NotAvailable.class)
                .hasMessageContaining("Captions needs the FFmpeg filter 'drawtext'")
                .hasMessageContaining(FfmpegLocator.ENV_FFMPEG);
    }
}
