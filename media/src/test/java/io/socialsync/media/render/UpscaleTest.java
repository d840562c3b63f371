package io.socialsync.media.render;

import static io.socialsync.media.render.PlanFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.RunOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 128x96 source was enlarged to 1080x1920 without a word. */
class UpscaleTest {
    private final Renderer renderer = new Renderer(TestMedia.ffmpeg());

    @TempDir
    Path work;

    private static RenderPlan plan(int w, int h, PlatformFormat... formats) {
        return RenderPlan.builder(source(w, h, 5, true)).request(RenderRequest.of(PlanFixtures.SOURCE,
                List.of(formats), PlanFixtures.OUT)).build();
    }

    @Test
    void aTinySourceFilledIntoAReelCarriesItsFactor() {
        PlannedOutput o = plan(128, 96, PlatformFormats.defaults().get("instagram_reel")).outputs().getFirst();
        assertThat(o.width() + "x" + o.height()).as("no cap by default").isEqualTo("1080x1920");
        // 4:3 into 9:16 is a centre crop of the full 96 px height, enlarged to 1920
        assertThat(o.warnings()).containsExactly(new RenderWarning.Upscale(20, 128, 96));
        assertThat(o.warnings().getFirst().message()).contains("128x96", "20x");
    }

    @Test
    void aCappedRuleChoosesASmallerAcceptedSizeButNotBelowItsFloor() {
        PlatformFormat reel = PlatformFormats.defaults().get("instagram_reel");
        PlannedOutput capped = plan(640, 360, reel.withMaxUpscale(2)).outputs().getFirst();
        // full height 360 to 1920 would be 5.33x; 2x gives 720 px tall, under the 540x960 floor
        assertThat(capped.width() + "x" + capped.height()).isEqualTo("540x960");
        assertThat(((RenderWarning.Upscale) capped.warnings().getFirst()).factor()).isCloseTo(2.67, within(0.01));
        PlannedOutput hd = plan(1920, 1080, reel.withMaxUpscale(1.5)).outputs().getFirst();
        // a 1080p crop to 9:16 is enlarged 1.78x; capped at 1.5 it comes out at 1620 px tall
        assertThat(hd.width() + "x" + hd.height()).isEqualTo("910x1620");
        assertThat(((RenderWarning.Upscale) hd.warnings().getFirst()).factor()).isCloseTo(1.5, within(0.01));
    }

    @Test
    void downscalesAndPaddedFitsWarnOfNothing() {
        assertThat(plan(3840, 2160, PlatformFormats.defaults().get("youtube")).outputs().getFirst().warnings())
                .isEmpty();
        // a portrait phone video into 16:9 is fitted inside a blurred pad: 1920 tall into 1080 shrinks
        assertThat(plan(1080, 1920, PlatformFormats.defaults().get("youtube")).outputs().getFirst().warnings())
                .isEmpty();
    }

    @Test
    void aPresetZoomCountsAsEnlargement() {
        RenderPlan p = RenderPlan.builder(source(1920, 1080, 5, true)).request(RenderRequest.of(PlanFixtures.SOURCE,
                List.of(PlatformFormats.defaults().get("youtube")), PlanFixtures.OUT)
                .withPresets(List.of(new Preset("zoom", 1, 1.2, false, 0, 1, 1, 0, 1)))).build();
        assertThat(p.outputs().getFirst().warnings()).containsExactly(new RenderWarning.Upscale(1.2, 1920, 1080));
    }

    @Test
    void theRenderedVariantReportsTheUpscale() {
        Path src = RenderMedia.video(work.resolve("tiny.mp4"), "128x96", 1);
        RenderedVariant v = renderer.render(RenderRequest.of(src,
                List.of(PlatformFormats.defaults().get("tiktok").withMaxUpscale(4)), work.resolve("out")),
                RenderOptions.defaults().withAnalyse(false), RunOptions.defaults()).getFirst(); // a centre crop
        assertThat(v.width() + "x" + v.height()).as("the 360 px floor").isEqualTo("360x640");
        assertThat(Inspect.probe(v.path()).height()).isEqualTo(640);
        assertThat(v.warnings()).singleElement().isInstanceOfSatisfying(RenderWarning.Upscale.class,
                w -> assertThat(w.factor()).isCloseTo(6.67, within(0.01)));
    }
}
