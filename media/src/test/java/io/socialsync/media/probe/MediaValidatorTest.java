package io.socialsync.media.probe;

import static io.socialsync.media.TestMedia.synth;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probe and validation on real, FFmpeg-synthesised files (made once for the class, each a second or two). */
class MediaValidatorTest {
    @TempDir
    static Path dir;

    static Ffmpeg ffmpeg;
    static Path normal;
    static Path faststart;

    @BeforeAll
    static void synthesiseNormalInputs() {
        ffmpeg = TestMedia.ffmpeg();
        normal = TestMedia.normalMp4(dir.resolve("normal.mp4"), 1);
        faststart = synth(dir.resolve("faststart.mp4"), "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=2",
                "-c:v", "libx264", "-preset", "ultrafast", "-movflags", "+faststart");
    }

    private static ValidationResult validate(Path file) {
        return new MediaValidator(ffmpeg, ValidationLimits.DEFAULTS).validate(file);
    }

    private static MediaInfo accepted(Path file) {
        ValidationResult r = validate(file);
        assertThat(r).isInstanceOf(ValidationResult.Accepted.class);
        return ((ValidationResult.Accepted) r).info();
    }

    private static Rejection rejected(Path file) {
        ValidationResult r = validate(file);
        assertThat(r).isInstanceOf(ValidationResult.Rejected.class);
        return ((ValidationResult.Rejected) r).rejection();
    }

    /** Keeps the first {@code fraction} of a file, like an upload that was cut off. */
    private static Path cut(Path file, double fraction, String name) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return Files.write(dir.resolve(name), Arrays.copyOf(all, (int) (all.length * fraction)));
    }

    @Test
    void normalMp4() {
        MediaInfo info = accepted(normal);
        assertThat(info.container()).contains("mp4");
        assertThat(info.duration()).isBetween(Duration.ofMillis(950), Duration.ofMillis(1100));
        VideoStream v = info.requireVideo();
        assertThat(v.codec()).isEqualTo("h264");
        assertThat(v.pixelFormat()).isEqualTo("yuv420p");
        assertThat(v.width()).isEqualTo(160);
        assertThat(v.height()).isEqualTo(120);
        assertThat(v.rotation()).isZero();
        assertThat(v.frameRate()).isEqualTo(new FrameRate(25, 1));
        assertThat(v.variableFrameRate()).isFalse();
        assertThat(v.hdr()).isEqualTo(HdrTransfer.SDR);
        assertThat(info.audio()).singleElement().satisfies(a -> {
            assertThat(a.codec()).isEqualTo("aac");
            assertThat(a.sampleRate()).isEqualTo(44100);
            assertThat(a.channels()).isEqualTo(1);
        });
    }

    @Test
    void videoWithoutAudio() {
        MediaInfo info = accepted(faststart);
        assertThat(info.hasAudio()).isFalse();
        assertThat(info.video()).isPresent();
    }

    @Test
    void displayMatrixRotationSwapsWidthAndHeight() {
        Path rotated = synth(dir.resolve("rotated.mp4"), "-display_rotation", "90", "-i", Ffmpeg.fileArg(normal),
                "-c", "copy");
        VideoStream v = accepted(rotated).requireVideo();
        assertThat(v.rotation()).isEqualTo(90);
        assertThat(v.storedWidth()).isEqualTo(160);
        assertThat(v.width()).isEqualTo(120);
        assertThat(v.height()).isEqualTo(160);
    }

    @Test
    void oddSizeIsReportedExactly() {
        // testsrc is RGB, so x264 keeps 4:4:4 and the odd width survives (4:2:0 would force it even)
        Path odd = synth(dir.resolve("odd.mp4"), "-f", "lavfi", "-i", "testsrc=size=853x480:rate=25:duration=1",
                "-c:v", "libx264", "-preset", "ultrafast");
        VideoStream v = accepted(odd).requireVideo();
        assertThat(v.width()).isEqualTo(853);
        assertThat(v.height()).isEqualTo(480);
        assertThat(v.pixelFormat()).isEqualTo("yuv444p");
    }

    @Test
    void oneFrameVideoIsAcceptedWithItsFrameCount() {
        Path one = synth(dir.resolve("one.mp4"), "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25",
                "-frames:v", "1", "-c:v", "libx264", "-preset", "ultrafast");
        MediaInfo info = accepted(one);
        assertThat(info.requireVideo().frameCount()).hasValue(1);
        assertThat(info.duration()).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void variableFrameRateIsFlagged() {
        // 30 fps for the first second, then every third frame time: avg ≈ 15 fps vs a 30 fps base
        Path vfr = synth(dir.resolve("vfr.mp4"), "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=30:duration=2",
                "-vf", "setpts='if(lt(N,30),N,30+(N-30)*3)/30/TB'", "-fps_mode", "vfr",
                "-c:v", "libx264", "-preset", "ultrafast");
        VideoStream v = accepted(vfr).requireVideo();
        assertThat(v.variableFrameRate()).isTrue();
        assertThat(v.baseFrameRate()).isEqualTo(new FrameRate(30, 1));
        assertThat(v.frameRate().value()).isBetween(14.0, 17.0);
    }

    @Test
    void hlgTransferIsDetected() {
        Path hlg = synth(dir.resolve("hlg.mp4"), "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=1",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p10le",
                "-color_primaries", "bt2020", "-colorspace", "bt2020nc", "-color_trc", "arib-std-b67");
        VideoStream v = accepted(hlg).requireVideo();
        assertThat(v.hdr()).isEqualTo(HdrTransfer.HLG);
        assertThat(v.pixelFormat()).isEqualTo("yuv420p10le");
    }

    @Test
    void coverArtIsNeitherTheVideoNorAReasonToAccept() {
        Path png = synth(dir.resolve("cover.png"), "-f", "lavfi", "-i", "testsrc2=size=64x64", "-frames:v", "1");
        Path mp4 = synth(dir.resolve("with-cover.mp4"), "-i", Ffmpeg.fileArg(png), "-i", Ffmpeg.fileArg(normal),
                "-map", "0", "-map", "1", "-c:v:0", "png", "-disposition:v:0", "attached_pic", "-c:v:1", "copy",
                "-c:a", "copy");
        // the MP4 muxer stores the cover last (covr atom); ProbeParserTest covers a cover listed first
        VideoStream v = accepted(mp4).requireVideo();
        assertThat(v.codec()).isEqualTo("h264");
        assertThat(v.width()).isEqualTo(160);

        Path song = synth(dir.resolve("song.m4a"), "-f", "lavfi", "-i", "sine=duration=1", "-i", Ffmpeg.fileArg(png),
                "-map", "0", "-map", "1", "-c:a", "aac", "-c:v", "png", "-disposition:v:0", "attached_pic");
        assertThat(rejected(song)).isEqualTo(new Rejection.NoVideoStream("audio only"));
        assertThat(rejected(png)).isInstanceOf(Rejection.NotMedia.class)
                .extracting(Rejection::message).asString().contains("still image");
    }

    @Test
    void audioOnlyFile() {
        Path audio = synth(dir.resolve("audio.m4a"), "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac");
        Rejection r = rejected(audio);
        assertThat(r.code()).isEqualTo("no_video");
        assertThat(r.message()).isEqualTo("The file has no video stream (audio only).");
    }

    @Test
    void textFileNamedMp4IsNotMedia() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "these are my notes, not a video\n");
        assertThat(rejected(text)).isEqualTo(new Rejection.NotMedia("FFmpeg does not recognise its format"));
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertThat(rejected(empty)).isEqualTo(new Rejection.NotMedia("the file is empty"));
        assertThat(rejected(dir.resolve("missing.mp4"))).isInstanceOf(Rejection.NotFound.class);
    }

    @Test
    void mp4CutInHalfHasNoIndex() throws IOException {
        Rejection r = rejected(cut(normal, 0.5, "half.mp4"));
        assertThat(r).isEqualTo(new Rejection.Truncated("the MP4/MOV index (moov atom) is missing"));
        assertThat(r.message()).startsWith("The file is incomplete");
    }

    @Test
    void truncatedFaststartMp4AndMkvAreCaughtByTheTailDecode() throws IOException {
        assertThat(rejected(cut(faststart, 0.6, "cut-faststart.mp4"))).isInstanceOf(Rejection.Truncated.class);
        Path mkv = synth(dir.resolve("full.mkv"), "-i", Ffmpeg.fileArg(faststart), "-c", "copy");
        assertThat(rejected(cut(mkv, 0.6, "cut.mkv"))).isInstanceOf(Rejection.Truncated.class);
        // without the tail check the faststart one probes fine: that is why it exists
        assertThat(new MediaValidator(ffmpeg, ValidationLimits.DEFAULTS, false)
                .validate(dir.resolve("cut-faststart.mp4"))).isInstanceOf(ValidationResult.Accepted.class);
    }

    @Test
    void rawStreamWithoutDurationIsRejected() {
        Path raw = synth(dir.resolve("raw.h264"), "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=1",
                "-c:v", "libx264", "-preset", "ultrafast", "-f", "h264");
        assertThat(rejected(raw)).isEqualTo(new Rejection.ZeroDuration());
    }

    @Test
    void limitsApplyToDurationSizeAndDisplayedResolution() {
        var strict = new ValidationLimits(Duration.ofMillis(500), 1L << 30, 8192);
        assertThat(new MediaValidator(ffmpeg, strict).validate(normal))
                .isInstanceOfSatisfying(ValidationResult.Rejected.class, r -> assertThat(r.message())
                        .isEqualTo("The video is 0:00:01 long; the limit is 0:00:00."));
        var tiny = new ValidationLimits(Duration.ofHours(4), 1000, 8192);
        assertThat(new MediaValidator(ffmpeg, tiny).validate(normal))
                .isInstanceOfSatisfying(ValidationResult.Rejected.class,
                        r -> assertThat(r.rejection()).isInstanceOf(Rejection.TooLarge.class));
        var small = new ValidationLimits(Duration.ofHours(4), 1L << 30, 150);
        assertThat(new MediaValidator(ffmpeg, small).validate(normal))
                .isInstanceOfSatisfying(ValidationResult.Rejected.class, r -> assertThat(r.rejection())
                        .isEqualTo(new Rejection.ResolutionTooHigh(160, 120, 150)));
        var fewPixels = new ValidationLimits(Duration.ofHours(4), 1L << 30, 8192, 160 * 119);
        assertThat(new MediaValidator(ffmpeg, fewPixels).validate(normal))
                .isInstanceOfSatisfying(ValidationResult.Rejected.class, r -> {
                    assertThat(r.rejection()).isEqualTo(new Rejection.TooManyPixels(160, 120, 160 * 119));
                    assertThat(r.message()).startsWith("The video's frames are 160x120 (0.02 megapixels)")
                            .contains("Re-encode it to 8K (7680x4320) or smaller");
                });
    }
}
