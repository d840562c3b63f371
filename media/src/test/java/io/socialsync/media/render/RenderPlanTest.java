package io.socialsync.media.render;

import static io.socialsync.media.render.PlanFixtures.request;
import static io.socialsync.media.render.PlanFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenderPlanTest {
    private static RenderPlan plan(RenderRequest r, boolean audio) {
        return RenderPlan.builder(source(1920, 1080, 30, audio)).request(r).build();
    }

    @Test
    void identicalSpecsShareOneEncodeAndTheSourceIsDecodedOnce() {
        RenderPlan p = plan(request("instagram_reel", "tiktok", "facebook"), true);
        assertThat(p.outputs()).hasSize(2);
        assertThat(p.outputs().get(0).formatNames()).containsExactly("instagram_reel", "tiktok");
        assertThat(p.outputs().get(1).formatNames()).containsExactly("facebook");
        List<String> args = p.args();
        assertThat(Collections.frequency(args, "-i")).isEqualTo(1);
        assertThat(args.indexOf("-ss")).isLessThan(args.indexOf("-i"));
        assertThat(Collections.frequency(args, "libx264")).isEqualTo(2);
        assertThat(p.graph()).contains("split=2[s0][s1]").contains("asplit=2");
    }

    @Test
    void everyOutputGetsThePlatformSafeEncoderSettings() {
        List<String> args = plan(request("youtube"), true).args();
        assertThat(String.join(" ", args)).contains("-profile:v high -pix_fmt yuv420p -fps_mode cfr")
                .contains("-c:a aac -b:a 128k -ar 48000 -ac 2").contains("-movflags +faststart")
                .contains("-colorspace bt709 -color_primaries bt709 -color_trc bt709");
        assertThat(plan(request("youtube"), true).graph()).contains("loudnorm=I=-14").contains("fps=25")
                .contains("format=yuv420p");
    }

    @Test
    void aSilentSourceGetsASilentTrackOfTheOutputsLength() {
        RenderPlan p = RenderPlan.builder(source(1920, 1080, 30, false))
                .request(request("youtube").withClip(Duration.ofSeconds(2), Duration.ofSeconds(3))).build();
        assertThat(p.graph()).contains(
                "anullsrc=r=48000:cl=stereo,atrim=start_sample=1024:end_sample=144000,asetpts=PTS-STARTPTS[a0]")
                .doesNotContain("[0:a");
    }

    @Test
    void speedMovesVideoAndAudioTogether() {
        Preset fast = new Preset("speed", 1, 1, false, 0, 1, 1, 0, 1.05);
        RenderPlan p = plan(request("youtube").withPresets(List.of(fast)), true);
        assertThat(p.graph()).contains("setpts=PTS/1.05").contains(
                "[x0]atempo=1.05,atrim=start_sample=1024:end_sample=1371429,asetpts=PTS-STARTPTS[a0]");
        assertThat(p.outputs().getFirst().duration()).isEqualTo(Duration.ofNanos(Math.round(30e9 / 1.05)));
    }

    @Test
    void theSameSeedGivesByteIdenticalArguments() {
        RenderRequest a = request("tiktok", "youtube").withPresets(List.of(Presets.resolve("random", 77),
                Presets.resolve("zoom+mirror+color", 78)));
        RenderRequest b = request("tiktok", "youtube").withPresets(List.of(Presets.resolve("random", 77),
                Presets.resolve("zoom+mirror+color", 78)));
        assertThat(plan(a, true).args()).isEqualTo(plan(b, true).args());
        RenderRequest c = request("tiktok", "youtube").withPresets(List.of(Presets.resolve("random", 79),
                Presets.resolve("zoom+mirror+color", 78)));
        assertThat(plan(c, true).args()).isNotEqualTo(plan(a, true).args());
    }

    @Test
    void sizeScaleShrinksOutputsToEvenSizes() {
        RenderPlan p = RenderPlan.builder(source(1920, 1080, 30, true)).request(request("tiktok", "youtube"))
                .options(RenderOptions.defaults().withSizeScale(0.1)).build();
        assertThat(p.outputs()).extracting(o -> o.width() + "x" + o.height()).containsExactly("108x192", "192x108");
    }

    @Test
    void aSuppliedCropPlanDrivesTheNineBySixteenCrop() {
        RenderRequest r = request("tiktok").withClip(Duration.ofSeconds(10), Duration.ofSeconds(5))
                .withCropPlan(List.of(new CropKeyframe(10, 0.25), new CropKeyframe(12, 0.75)));
        RenderPlan p = plan(r, true);
        assertThat(p.outputs().getFirst().reframe()).isInstanceOf(Reframe.CropX.class);
        assertThat(p.graph()).contains("crop=w=606:h=1080:x='clip((if(lt(t,0),0.25,if(lt(t,2),0.25+(0.5)*(t-(0))/2,"
                + "0.75)))*iw-ow/2,0,iw-ow)':y=0");
    }

    @Test
    void portraitIntoLandscapeIsPaddedWithABlurredBackgroundAndBarsAreCroppedFirst() {
        RenderPlan p = RenderPlan.builder(source(1080, 1920, 5, true)).request(request("youtube", "tiktok"))
                .letterbox(Optional.of(new CropRect(0, 40, 1080, 1840))).build();
        assertThat(p.outputs().get(0).reframe()).isInstanceOf(Reframe.BlurPad.class);
        // 1080x1840 is a little wider than 9:16: a mild centre crop, no padding
        assertThat(p.outputs().get(1).reframe()).isEqualTo(Reframe.CropX.centre());
        assertThat(p.graph()).startsWith("[0:0]crop=1080:1840:0:40,split=2").contains("boxblur").contains("overlay");
    }

    @Test
    void anamorphicSdIsMadeSquareFirstSoA169PictureFills169WithoutBars() {
        RenderPlan p = RenderPlan.builder(PlanFixtures.anamorphic(720, 576, 64, 45)).request(request("youtube"))
                .build();
        assertThat(p.graph()).startsWith("[0:0]scale=1024:576,setsar=1,");
        assertThat(p.outputs().get(0).reframe()).as("16:9 into 16:9: no blurred side bars")
                .isNotInstanceOf(Reframe.BlurPad.class);
        assertThat(p.outputs().get(0).warnings()).as("1024x576 into 1920x1080").isNotEmpty();
    }

    @Test
    void squarePixelsAreLeftAlone() {
        assertThat(RenderPlan.builder(source(1024, 576, 10, false)).request(request("youtube")).build().graph())
                .doesNotContain("scale=1024:576");
    }

    @Test
    void platformLimitsAreCheckedBeforeEncoding() {
        RenderRequest r = request("youtube_short").withClip(Duration.ZERO, Duration.ofSeconds(200));
        assertThatThrownBy(() -> RenderPlan.builder(source(1920, 1080, 600, true)).request(r).build())
                .isInstanceOf(RenderException.LimitExceeded.class)
                .hasMessage("the clip lasts 200 s but youtube_short allows at most 180 s; shorten the clip");
    }

    @Test
    void theFrameRateIsCappedAtThePlatformsMaximum() {
        var fmt = new PlatformFormat("slow", 640, 360, Duration.ofMinutes(1), 24, 1_000_000_000);
        RenderRequest r = RenderRequest.of(PlanFixtures.SOURCE, List.of(fmt), PlanFixtures.OUT);
        assertThat(plan(r, true).outputs().getFirst().fps().value()).isEqualTo(24);
        assertThat(plan(r, true).graph()).contains("fps=24,");
    }

    @Test
    void hdrSourcesAreToneMappedWhenTheFiltersExist() {
        var hdr = new io.socialsync.media.probe.VideoStream(0, "hevc", "yuv420p10le", 1920, 1080,
                io.socialsync.media.probe.PixelAspect.SQUARE, 0,
                new io.socialsync.media.probe.FrameRate(25, 1), new io.socialsync.media.probe.FrameRate(25, 1),
                "smpte2084", "bt2020nc", "tv", java.util.OptionalLong.empty());
        var info = new io.socialsync.media.probe.MediaInfo(PlanFixtures.SOURCE, "mov", Duration.ofSeconds(5), 1,
                Optional.of(hdr), List.of());
        assertThat(RenderPlan.builder(info).request(request("youtube")).toneMap(true).build().graph())
                .startsWith("[0:0]zscale=t=linear").contains("tonemap=hable");
        assertThat(RenderPlan.builder(info).request(request("youtube")).toneMap(false).build().graph())
                .doesNotContain("tonemap");
        assertThat(plan(request("youtube"), true).graph()).as("SDR is left alone").doesNotContain("tonemap");
    }

    @Test
    void sameSizeAtDifferentFrameRatesGetsTwoFilesWithDistinctNames() {
        var cinema = new PlatformFormat("cinema", 1920, 1080, Duration.ofMinutes(5), 24, 1_000_000_000);
        RenderRequest r = RenderRequest.of(PlanFixtures.SOURCE, List.of(PlatformFormats.defaults().get("youtube"),
                cinema, cinema), PlanFixtures.OUT);
        RenderPlan p = plan(r, true);
        assertThat(p.outputs()).extracting(o -> o.file().getFileName().toString())
                .containsExactly("clip-v0-1920x1080.mp4", "clip-v0-1920x1080-2.mp4");
        assertThat(p.outputs().get(1).formatNames()).containsExactly("cinema");
    }
}
