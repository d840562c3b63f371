package io.socialsync.media;

import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.RunOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The FFmpeg the tests use (located like production; on a machine without one on PATH that means the bundled
 * copy, extracted once per build under target/) and tiny lavfi-synthesised inputs.
 */
public final class TestMedia {
    /** Shared by all test classes so the ~90 MB bundle is extracted once. */
    public static final Path DATA_DIR = Path.of("target", "test-data").toAbsolutePath();
    private static Ffmpeg ffmpeg;

    private TestMedia() {}

    public static synchronized Ffmpeg ffmpeg() {
        if (ffmpeg == null) ffmpeg = Ffmpeg.locate(DATA_DIR);
        return ffmpeg;
    }

    /** Runs ffmpeg with {@code args} then {@code -y out}; returns {@code out}. */
    public static Path synth(Path out, String... args) {
        List<String> argv = new ArrayList<>(Arrays.asList(args));
        argv.addAll(List.of("-y", Ffmpeg.fileArg(out)));
        ffmpeg().run(argv, RunOptions.defaults().withTimeout(Duration.ofSeconds(60)));
        return out;
    }

    /** 160x120 testsrc2 at 25 fps plus a 440 Hz sine, {@code seconds} long, H.264/AAC. */
    public static Path normalMp4(Path out, int seconds) {
        return synth(out, "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
    }

    /** Live processes this JVM started whose executable is ffmpeg or ffprobe. */
    public static List<ProcessHandle> liveFfmpegProcesses() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg") || c.endsWith("ffprobe")).orElse(false))
                .toList();
    }
}
