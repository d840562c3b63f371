package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.probe.MediaProber;
import io.socialsync.media.probe.VideoStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Colour: outputs are BT.709 limited range, converted only when the source is something else (see
 * {@link SourceColour}). BT.709 red is Y 63, U 102, V 240; BT.601 red is Y 81, U 90, V 240.
 */
class ColourTest {
    private static final int[] RED_709 = {63, 102, 240};

    @TempDir
    Path work;

    private static String graph(int w, int h, String pixFmt, String space, String range) {
        return RenderPlan.builder(PlanFixtures.source(w, h, 5, true, pixFmt, "", space, range))
                .request(PlanFixtures.request("youtube")).build().graph();
    }

    @Test
    void bt709SourcesAreOnlyTaggedNotConverted() {
        assertThat(graph(1920, 1080, "yuv420p", "", "")).as("untagged HD").doesNotContain("color_matrix")
                .startsWith("[0:0]split=").contains("setparams=range=tv:color_primaries=bt709");
        assertThat(graph(720, 1280, "yuv420p", "", "")).as("untagged portrait HD").doesNotContain("color_matrix");
        assertThat(graph(640, 360, "yuv420p", "bt709", "tv")).as("tagged SD").doesNotContain("color_matrix");
    }

    @Test
    void otherMatricesAndFullRangeAreConvertedOnceBeforeTheSplit() {
        String tail = ":out_color_matrix=bt709:out_range=tv,format=yuv420p,split=";
        assertThat(graph(640, 480, "yuv420p", "", "")).as("untagged SD").startsWith(
                "[0:0]scale=in_color_matrix=bt601:in_range=tv" + tail);
        assertThat(graph(1920, 1080, "yuv420p", "smpte170m", "tv")).startsWith(
                "[0:0]scale=in_color_matrix=smpte170m:in_range=tv" + tail);
        assertThat(graph(1920, 1080, "yuvj420p", "", "pc")).startsWith(
                "[0:0]scale=in_color_matrix=bt709:in_range=pc" + tail);
        assertThat(graph(1920, 1080, "yuv420p", "bt709", "pc")).contains("in_range=pc");
        assertThat(graph(640, 480, "rgb24", "", "")).startsWith("[0:0]scale=out_color_matrix=bt709:out_range=tv");
        assertThat(graph(1920, 1080, "yuv420p", "smpte170m", "tv").split("color_matrix", -1))
                .as("once, not per output").hasSize(3);
    }

    @Test
    void hdrIsConvertedWhenItCannotBeToneMappedAndNotAfterwards() {
        var info = PlanFixtures.source(3840, 2160, 5, true, "yuv420p10le", "smpte2084", "bt2020nc", "tv");
        String plain = RenderPlan.builder(info).request(PlanFixtures.request("youtube")).build().graph();
        assertThat(plain).startsWith("[0:0]scale=in_color_matrix=bt2020:in_range=tv");
        String mapped = RenderPlan.builder(info).request(PlanFixtures.request("youtube")).toneMap(true).build()
                .graph();
        assertThat(mapped).contains("tonemap").doesNotContain("color_matrix");
    }

    /** Solid red, stored with {@code matrix}, untagged (as many screen recorders and old encoders write it). */
    private Path red(String name, String size, String matrix) {
        Path src = TestMedia.synth(work.resolve(name), "-f", "lavfi", "-i", "color=c=red:size=" + size
                + ":rate=25:duration=1,format=rgb24,scale=out_color_matrix=" + matrix + ":out_range=tv,"
                + "format=yuv420p,setparams=colorspace=unknown:color_primaries=unknown:color_trc=unknown:range=unknown",
                "-c:v", "libx264", "-preset", "ultrafast");
        VideoStream v = new MediaProber(TestMedia.ffmpeg()).probe(src).requireVideo();
        assertThat(v.colorSpace()).as("the source must be untagged for this test").isEmpty();
        return src;
    }

    private int[] renderedCentre(Path src) throws Exception {
        RenderedVariant v = new Renderer(TestMedia.ffmpeg()).render(RenderRequest.of(src,
                PlatformFormats.defaults().get(List.of("youtube")), work.resolve("out-" + src.getFileName())),
                RenderOptions.defaults().withSizeScale(0.25).withAnalyse(false), RunOptions.defaults()).getFirst();
        assertThat(Inspect.probe(v.path()).colorPrimaries()).isEqualTo("bt709");
        return Inspect.centreYuv(v.path(), 0.5);
    }

    @Test
    void untaggedHdKeepsItsColoursAndUntaggedSdIsConvertedFromBt601() throws Exception {
        Path hd = red("hd.mp4", "1280x720", "bt709");
        assertClose(Inspect.centreYuv(hd, 0.5), RED_709);
        assertClose(renderedCentre(hd), RED_709); // read as BT.601, it would come out shifted
        Path sd = red("sd.mp4", "320x240", "bt601");
        assertClose(Inspect.centreYuv(sd, 0.5), new int[] {81, 90, 240});
        assertClose(renderedCentre(sd), RED_709);
    }

    @Test
    void fullRangeSourcesComeOutLimitedRange() throws Exception {
        Path src = TestMedia.synth(work.resolve("full.mp4"), "-f", "lavfi", "-i",
                "color=c=white:size=1280x720:rate=25:duration=1,format=yuvj420p", "-c:v", "libx264", "-preset",
                "ultrafast");
        assertThat(Inspect.centreYuv(src, 0.5)[0]).as("full-range white in the source").isGreaterThan(250);
        assertThat(renderedCentre(src)[0]).as("limited-range white").isCloseTo(235, within(3));
    }

    private static void assertClose(int[] actual, int[] expected) {
        for (int i = 0; i < 3; i++) assertThat(actual[i]).as("YUV".charAt(i) + " of " + List.of(actual[0], actual[1],
                actual[2])).isCloseTo(expected[i], within(3));
    }
}
