package io.socialsync.media.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Shapes of ffprobe output that tiny synthetic files do not produce. */
class ProbeParserTest {
    private static MediaInfo parse(String json) {
        return ProbeParser.parse(json, Path.of("x"), 1);
    }

    @Test
    void thePixelShapeIsRead() {
        MediaInfo sd = parse("""
                {"streams":[{"index":0,"codec_type":"video","codec_name":"mpeg2video","width":720,"height":576,
                  "sample_aspect_ratio":"64:45","display_aspect_ratio":"16:9"}],
                 "format":{"format_name":"mpeg","duration":"3.5"}}""");
        assertThat(sd.requireVideo().pixelAspect()).isEqualTo(new PixelAspect(64, 45));
    }

    @Test
    void legacyRotateTagAndNegativeDisplayMatrixBothSwapAxes() {
        MediaInfo tagged = parse("""
                {"streams":[{"index":0,"codec_type":"video","codec_name":"h264","width":1920,"height":1080,
                  "tags":{"rotate":"270"}}],"format":{"format_name":"mov","duration":"3.5"}}""");
        assertThat(tagged.requireVideo().rotation()).isEqualTo(270);
        assertThat(tagged.requireVideo().width()).isEqualTo(1080);
        MediaInfo matrix = parse("""
                {"streams":[{"index":0,"codec_type":"video","width":1920,"height":1080,"tags":{"rotate":"0"},
                  "side_data_list":[{"side_data_type":"DOVI configuration record"},
                                    {"side_data_type":"Display Matrix","rotation":-90.00000}]}],
                 "format":{"format_name":"mov","duration":"3.5"}}""");
        assertThat(matrix.requireVideo().rotation()).isEqualTo(270);
        assertThat(matrix.requireVideo().height()).isEqualTo(1920);
    }

    @Test
    void pqTransferAndNtscRatesAndStreamDurationFallback() {
        MediaInfo info = parse("""
                {"streams":[{"index":0,"codec_type":"video","codec_name":"hevc","width":3840,"height":2160,
                  "pix_fmt":"yuv420p10le","color_transfer":"smpte2084",
                  "r_frame_rate":"30000/1001","avg_frame_rate":"30/1","duration":"N/A"},
                 {"index":1,"codec_type":"data"},
                 {"index":2,"codec_type":"audio","codec_name":"opus","sample_rate":"48000","channels":2,
                  "duration":"12.5"}],
                 "format":{"format_name":"matroska,webm","duration":"N/A"}}""");
        VideoStream v = info.requireVideo();
        assertThat(v.hdr()).isEqualTo(HdrTransfer.PQ);
        assertThat(v.variableFrameRate()).as("29.97 vs 30 is rounding, not VFR").isFalse();
        assertThat(v.frameCount()).isEmpty();
        assertThat(info.duration()).isEqualTo(Duration.ofMillis(12500));
        assertThat(info.audio()).singleElement()
                .isEqualTo(new AudioStream(2, "opus", 48000, 2, ""));
    }

    @Test
    void attachedPictureListedFirstIsSkipped() {
        MediaInfo info = parse("""
                {"streams":[{"index":0,"codec_type":"video","codec_name":"mjpeg","width":600,"height":600,
                  "disposition":{"attached_pic":1}},
                 {"index":1,"codec_type":"video","codec_name":"vp9","width":640,"height":360,
                  "disposition":{"attached_pic":0}}],
                 "format":{"format_name":"matroska,webm","duration":"1"}}""");
        assertThat(info.requireVideo().index()).isEqualTo(1);
        assertThat(info.requireVideo().codec()).isEqualTo("vp9");
    }

    @Test
    void garbageIsRejectedAsIllegalArgument() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
