package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.FfmpegException;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.probe.MediaValidator;
import io.socialsync.media.probe.ValidationLimits;
import io.socialsync.media.probe.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rest of the robustness list: each input is either processed correctly (validated, then rendered
 * with the renderer's own output verification) or rejected with a reason, and nothing hangs or stays behind.
 */
class HostileInputsTest {
    private static final RenderOptions SMALL = RenderOptions.defaults().withSizeScale(0.25);
    private final MediaValidator validator = new MediaValidator(TestMedia.ffmpeg(), ValidationLimits.DEFAULTS);
    private final Renderer renderer = new Renderer(TestMedia.ffmpeg());

    @TempDir
    Path work;

    private RenderedVariant renderAccepted(Path src) {
        assertThat(validator.validate(src)).isInstanceOf(ValidationResult.Accepted.class);
        var out = renderer.render(RenderRequest.of(src, PlatformFormats.defaults().get(List.of("tiktok")),
                work.resolve("out")), SMALL, RunOptions.defaults().withTimeout(Duration.ofMinutes(2)));
        assertThat(out).hasSize(1);
        return out.getFirst();
    }

    @Test
    void mpegTsWithAStartOffsetRendersFromItsFirstFrame() {
        Path src = RenderMedia.video(work.resolve("offset.ts"), "320x180", 2, true, "yuv420p",
                "-output_ts_offset", "10", "-f", "mpegts");
        var v = renderAccepted(src);
        assertThat(v.duration().toMillis()).isBetween(1800L, 2200L);
    }

    @Test
    void twoAudioTracksAndCoverArtTakeTheFirstTrackAndIgnoreThePicture() {
        Path cover = TestMedia.synth(work.resolve("cover.png"), "-f", "lavfi", "-i", "color=red:size=64x64",
                "-frames:v", "1");
        Path src = TestMedia.synth(work.resolve("tracks.mp4"),
                "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-f", "lavfi", "-i", "sine=frequency=880:duration=2",
                "-i", cover.toString(),
                "-map", "0:v", "-map", "1:a", "-map", "2:a", "-map", "3:v", "-c:v:0", "libx264", "-preset", "ultrafast",
                "-c:v:1", "png", "-disposition:v:1", "attached_pic", "-c:a", "aac", "-shortest");
        var accepted = (ValidationResult.Accepted) validator.validate(src);
        assertThat(accepted.info().audio()).hasSize(2);
        assertThat(accepted.info().requireVideo().width()).isEqualTo(320);
        assertThat(renderAccepted(src).width()).isEqualTo(270);
    }

    @Test
    void av1Source() {
        Path src = RenderMedia.video(work.resolve("av1.mkv"), "320x180", 1, true, "yuv420p",
                "-c:v", "libaom-av1", "-cpu-used", "8", "-row-mt", "1", "-b:v", "200k");
        assertThat(renderAccepted(src).height()).isEqualTo(480);
    }

    @Test
    void bitFlipsMidStreamAreRenderedThroughOrRejectedNeverHung() throws IOException {
        Path clean = RenderMedia.video(work.resolve("clean.mp4"), "320x180", 3, true, "yuv420p",
                "-movflags", "+faststart");
        byte[] bytes = Files.readAllBytes(clean);
        for (int i = bytes.length / 3; i < bytes.length * 2 / 3; i += 997) {
            bytes[i] ^= (byte) 0x5A;
        }
        Path damaged = Files.write(work.resolve("damaged.mp4"), bytes);
        var result = validator.validate(damaged);
        if (result instanceof ValidationResult.Rejected rejected) {
            assertThat(rejected.message()).isNotBlank();
            return;
        }
        try {
            assertThat(renderAccepted(damaged).duration().toMillis()).isPositive();
        } catch (FfmpegException | RenderException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Test
    void anAbsurdDeclaredSizeIsRejectedWithAReason() throws IOException {
        // a raw-video header claiming 100000x100000 frames, with a few bytes of "picture"
        Path y4m = work.resolve("absurd.y4m");
        Files.write(y4m, ("YUV4MPEG2 W100000 H100000 F25:1 Ip A1:1 C420jpeg\nFRAME\n" + "x".repeat(1000))
                .getBytes(StandardCharsets.US_ASCII));
        var result = validator.validate(y4m);
        assertThat(result).isInstanceOf(ValidationResult.Rejected.class);
        assertThat(((ValidationResult.Rejected) result).message()).isNotBlank();
    }

    @Test
    void nothingIsLeftInTheWorkDirectoryAfterAFailedRender() throws IOException {
        Path text = Files.writeString(work.resolve("notes.mp4"), "not a video");
        assertThatThrownBy(() -> renderer.render(RenderRequest.of(text,
                PlatformFormats.defaults().get(List.of("tiktok")), work.resolve("failed")), SMALL,
                RunOptions.defaults())).isInstanceOf(RuntimeException.class);
        try (var left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .allMatch(n -> n.equals("notes.mp4") || n.equals("failed") && isEmpty(work.resolve(n)));
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return true;
        }
    }
}
