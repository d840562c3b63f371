package io.socialsync.media.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.RunOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code trim} of 0.2–1.0 s gave 0.866 s (26 frames at 30 fps) while the docs promise frame-exact edits. Accurate
 * mode: exactly round((end − start) × fps) frames, from the first at or after {@code start}, audio as long as the
 * video. Keyframe copy: starts on the keyframe at or before {@code start} (as reported) and ends within one
 * frame of {@code end}.
 */
class TrimExactnessTest {
    private static final int FPS = 30;
    @TempDir
    static Path work;
    private static Path source;
    private final Editor editor = new Editor(TestMedia.ffmpeg());

    /** Frame n is a flat grey of luma 16 + 2n (lossless), so an output frame says which source frame it is. */
    @BeforeAll
    static void source() {
        source = TestMedia.synth(work.resolve("numbered.mp4"), "-f", "lavfi", "-i", "nullsrc=size=320x180:rate=" + FPS
                + ":duration=3,geq=lum='16+2*N':cb=128:cr=128", "-f", "lavfi", "-i",
                "sine=frequency=330:sample_rate=44100:duration=3", "-c:v", "libx264", "-preset", "ultrafast",
                "-qp", "0", "-pix_fmt", "yuv420p", "-g", Integer.toString(FPS), "-sc_threshold", "0", "-c:a", "aac",
                "-shortest");
    }

    @ParameterizedTest(name = "{0}-{1} s")
    @CsvSource({"0.2, 1.0", "0, 0.5", "0.5, 1.5", "1.0, 2.0", "0.033, 0.1", "1.234, 2.567", "2.1, 3.0"})
    void accurateTrimHasTheRightFramesAndMatchingAudio(double start, double end) {
        Path out = work.resolve("acc-" + start + "-" + end + ".mp4");
        EditResult r = editor.apply(trim(start, end, TrimMode.ACCURATE), out, RunOptions.defaults());
        int first = (int) Math.ceil(start * FPS - 1e-6); // the first source frame at or after start
        long frames = Math.round((end - start) * FPS);
        List<Integer> numbers = frameNumbers(out);
        assertThat(numbers).as("source frames kept").hasSize((int) frames);
        assertThat(numbers.getFirst()).as("first frame").isEqualTo(first);
        assertThat(numbers.getLast()).as("last frame").isEqualTo(first + (int) frames - 1);
        double video = streamSeconds(out, "v:0"), audio = streamSeconds(out, "a:0");
        assertThat(video).isCloseTo(frames / (double) FPS, within(0.001));
        assertThat(audio).as("audio length").isCloseTo(video, within(1.0 / FPS));
        assertThat(r.duration().toNanos() / 1e9).as("the duration the API reports")
                .isCloseTo(frames / (double) FPS, within(0.5 / FPS));
    }

    @Test
    void aSourceWithoutAudioIsTrimmedExactlyToo() {
        Path silent = EditMedia.silentClip(work.resolve("silent.mp4"), "320x180", FPS, 2);
        Path out = work.resolve("silent-trim.mp4");
        EditResult r = editor.apply(new EditOperation.Trim(silent, Duration.ofMillis(200), Duration.ofMillis(1000),
                TrimMode.ACCURATE), out, RunOptions.defaults());
        assertThat(frameNumbers(out)).hasSize(24);
        assertThat(r.info().hasAudio()).isFalse();
    }

    /** A copy cannot start between keyframes; it ends within one frame of {@code end}. */
    @ParameterizedTest(name = "{0}-{1} s")
    @CsvSource({"0.2, 1.0, 0", "1.5, 2.5, 1", "1.0, 2.0, 1", "2.1, 2.9, 2"})
    void keyframeCopyStartsOnTheKeyframeAndEndsWithinAFrame(double start, double end, double keyframe) {
        Path out = work.resolve("copy-" + start + "-" + end + ".mp4");
        EditResult r = editor.apply(trim(start, end, TrimMode.KEYFRAME_COPY), out, RunOptions.defaults());
        assertThat(r.sourceStart()).isEqualTo(Duration.ofMillis(Math.round(keyframe * 1000)));
        assertThat(streamSeconds(out, "v:0")).isCloseTo(end - keyframe, within(1.0 / FPS + 0.001));
        assertThat(streamSeconds(out, "a:0")).as("copied AAC frames: within one 1024-sample frame")
                .isCloseTo(end - keyframe, within(1024.0 / 44100 + 0.001));
    }

    private EditOperation.Trim trim(double start, double end, TrimMode mode) {
        return new EditOperation.Trim(source, Duration.ofNanos(Math.round(start * 1e9)),
                Duration.ofNanos(Math.round(end * 1e9)), mode);
    }

    /** Every frame's number, from its luma (read as stored: a gray conversion would stretch the range). */
    private static List<Integer> frameNumbers(Path file) {
        Path raw = work.resolve(file.getFileName() + ".gray");
        TestMedia.ffmpeg().run(List.of("-y", "-i", Ffmpeg.fileArg(file), "-vf", "scale=2:2:flags=area",
                "-pix_fmt", "yuv420p",
                "-fps_mode", "passthrough", "-f", "rawvideo", Ffmpeg.fileArg(raw)), RunOptions.defaults());
        try {
            byte[] px = Files.readAllBytes(raw);
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < px.length; i += 6) out.add((int) Math.round(((px[i] & 0xff) - 16) / 2.0)); // Y of 2x2
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double streamSeconds(Path file, String stream) {
        return Double.parseDouble(probe(file, stream, "-show_entries", "stream=duration").replace("N/A", "0"));
    }

    private static String probe(Path file, String stream, String... what) {
        List<String> a = new ArrayList<>(List.of("-v", "error", "-select_streams", stream));
        a.addAll(List.of(what));
        a.addAll(List.of("-of", "csv=p=0", Ffmpeg.fileArg(file)));
        return TestMedia.ffmpeg().probe(a, Duration.ofSeconds(30), null).stdout().strip();
    }
}
