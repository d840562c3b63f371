package io.socialsync.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.media.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real FFmpeg runs: progress, failure messages, timeout and cancel clean-up. */
class FfmpegRunTest {
    /** Real-time (-re) and endless: runs until killed, at almost no CPU. */
    private static final List<String> ENDLESS_INPUT =
            List.of("-re", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25");

    @TempDir
    Path work;

    private final Ffmpeg ffmpeg = TestMedia.ffmpeg();

    private static List<String> encodeTo(List<String> input, Path out) {
        var args = new java.util.ArrayList<>(input);
        args.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-y", Ffmpeg.fileArg(out)));
        return args;
    }

    @Test
    void reportsProgressUpToOneHundredPercent() {
        List<Progress> events = new CopyOnWriteArrayList<>();
        try (var tmp = io.socialsync.media.TempDir.create(work, "job-")) {
            Path out = tmp.resolve("out.mp4");
            ffmpeg.run(encodeTo(List.of("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=2"), out),
                    RunOptions.defaults().withExpectedDuration(Duration.ofSeconds(2)).withProgress(events::add));
            assertThat(out).isNotEmptyFile();
        }
        assertThat(events).isNotEmpty();
        assertThat(events.getLast().done()).isTrue();
        assertThat(events.getLast().percent()).hasValue(100);
        assertThat(events.getLast().outTime()).isBetween(Duration.ofMillis(1900), Duration.ofMillis(2100));
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void failureCarriesFfmpegsOwnReason() {
        assertThatThrownBy(() -> ffmpeg.run(encodeTo(List.of("-i", Ffmpeg.fileArg(work.resolve("missing.mp4"))),
                work.resolve("out.mp4")), RunOptions.defaults()))
                .isInstanceOfSatisfying(FfmpegException.Failed.class, e -> {
                    assertThat(e.exitCode()).isNotZero();
                    assertThat(e.stderrTail()).contains("No such file or directory");
                })
                .hasMessageContaining("No such file or directory");
    }

    @Test
    void timeoutKillsFfmpegAndTheTempDirLeavesNothing() {
        List<Progress> events = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> {
            try (var tmp = io.socialsync.media.TempDir.create(work, "job-")) {
                ffmpeg.run(encodeTo(ENDLESS_INPUT, tmp.resolve("out.mp4")),
                        // long enough for a first progress report on a loaded 2-core machine (1.5 s was not)
                        RunOptions.defaults().withTimeout(Duration.ofSeconds(6)).withProgress(events::add));
            }
        }).isInstanceOf(FfmpegException.TimedOut.class).hasMessageContaining("ffmpeg timed out");
        assertThat(events).as("it was really running").isNotEmpty();
        assertThat(TestMedia.liveFfmpegProcesses()).isEmpty();
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void cancelTokenStopsARunningJob() {
        CancelToken token = CancelToken.create();
        assertThatThrownBy(() -> {
            try (var tmp = io.socialsync.media.TempDir.create(work, "job-")) {
                ffmpeg.run(encodeTo(ENDLESS_INPUT, tmp.resolve("out.mp4")),
                        RunOptions.defaults().withTimeout(Duration.ofSeconds(30)).withCancel(token)
                                .withProgress(p -> token.cancel()));
            }
        }).isInstanceOf(FfmpegException.Cancelled.class);
        assertThat(TestMedia.liveFfmpegProcesses()).isEmpty();
        assertThat(work).isEmptyDirectory();
    }
}
