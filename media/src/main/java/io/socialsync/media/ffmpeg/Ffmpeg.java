package io.socialsync.media.ffmpeg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry point: a located FFmpeg and the safe way to run it. Thread-safe; create once and share.
 *
 * <pre>{@code
 * Ffmpeg ffmpeg = Ffmpeg.locate(dataDir);
 * ffmpeg.run(List.of("-i", in.toString(), "-c:v", "libx264", out.toString()),
 *            RunOptions.defaults().withExpectedDuration(d).withProgress(p -> ...).withCancel(token));
 * }</pre>
 */
public final class Ffmpeg {
    /** Prepended to every ffmpeg run: no stdin, machine-readable progress on stdout, no banner noise. */
    private static final List<String> PREAMBLE =
            List.of("-hide_banner", "-nostdin", "-nostats", "-loglevel", "warning", "-progress", "pipe:1");
    static final Duration QUICK_TIMEOUT = Duration.ofSeconds(30);

    private final FfmpegBinaries binaries;
    private final Optional<String> passedOver;
    private volatile FfmpegInfo info;

    public Ffmpeg(FfmpegBinaries binaries) {
        this(binaries, Optional.empty());
    }

    Ffmpeg(FfmpegBinaries binaries, Optional<String> passedOver) {
        this.binaries = binaries;
        this.passedOver = passedOver;
    }

    /**
     * {@code SOCIALSYNC_FFMPEG}/{@code SOCIALSYNC_FFPROBE} → PATH → bundled, extracted under {@code dataDir}; see
     * {@link FfmpegLocator} for what is checked.
     */
    public static Ffmpeg locate(Path dataDir) {
        return FfmpegLocator.locate(dataDir);
    }

    /**
     * An input/output argument for a local file: the {@code file:} prefix stops FFmpeg from reading a name like
     * {@code concat:a|b} or {@code http://…} as a protocol, or {@code -x.mp4} as an option.
     */
    public static String fileArg(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    public FfmpegBinaries binaries() {
        return binaries;
    }

    /** The PATH FFmpeg the locator did not take and why, e.g. for {@code doctor}; empty when none was. */
    public Optional<String> passedOver() {
        return passedOver;
    }

    /**
     * Runs ffmpeg with {@code args} (everything after the executable; stdout is taken by {@code -progress}, so do
     * not write output to {@code pipe:1}).
     *
     * @throws FfmpegException.Failed on a non-zero exit, {@link FfmpegException.TimedOut} or
     *     {@link FfmpegException.Cancelled} after the process tree was killed
     */
    public ProcessOutcome run(List<String> args, RunOptions options) {
        List<String> argv = new ArrayList<>();
        argv.add(binaries.ffmpeg().toString());
        argv.addAll(PREAMBLE);
        argv.addAll(args);
        var parser = new ProgressParser(options.expectedDuration(), options.progress());
        ProcessOutcome outcome = ProcessRunner.run(
                new Command(argv, binaries.environment(), options.timeout(), options.cancel(), parser));
        if (!outcome.succeeded()) throw new FfmpegException.Failed("ffmpeg", outcome.exitCode(), outcome.stderrTail());
        return outcome;
    }

    /** Runs ffprobe and returns its stdout whatever the exit code: a failing probe is data, not an error. */
    public ProbeOutput probe(List<String> args, Duration timeout, CancelToken cancel) {
        return capture(binaries.ffprobe(), args, timeout, cancel);
    }

    /** Runs ffmpeg without the progress preamble, capturing stdout (for {@code -version}, {@code -filters}). */
    ProbeOutput query(List<String> args) {
        return capture(binaries.ffmpeg(), args, QUICK_TIMEOUT, null);
    }

    /** The {@code doctor} view: source, paths, version, filters and encoders; asked once, as they do not change. */
    public FfmpegInfo inspect() {
        FfmpegInfo i = info;
        if (i == null) info = i = FfmpegInfo.inspect(this);
        return i;
    }

    private ProbeOutput capture(Path exe, List<String> args, Duration timeout, CancelToken cancel) {
        List<String> argv = new ArrayList<>();
        argv.add(exe.toString());
        argv.addAll(args);
        StringBuilder out = new StringBuilder();
        ProcessOutcome outcome = ProcessRunner.run(new Command(argv, binaries.environment(), timeout, cancel,
                line -> out.append(line).append('\n')));
        return new ProbeOutput(outcome.exitCode(), out.toString(), outcome.stderrTail());
    }

    /** Captured stdout and the stderr tail of an ffprobe (or query) run. */
    public record ProbeOutput(int exitCode, String stdout, String stderr) {}
}
