package io.socialsync.media.render;

import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.probe.MediaInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The single FFmpeg invocation that renders every variant of a clip: the source is sought with {@code -ss} before
 * {@code -i} (fast and, when transcoding, frame-accurate), decoded once, split, and fed to one encoder per distinct
 * output. Building it runs nothing, so the arguments can be unit-tested.
 */
public final class RenderPlan {
    private final MediaInfo source;
    private final Duration clipStart;
    private final Duration clipDuration;
    private final String graph;
    private final List<PlannedOutput> outputs;
    private final RenderOptions options;

    RenderPlan(MediaInfo source, Duration clipStart, Duration clipDuration, String graph, List<PlannedOutput> outputs,
               RenderOptions options) {
        this.source = source;
        this.clipStart = clipStart;
        this.clipDuration = clipDuration;
        this.graph = graph;
        this.outputs = List.copyOf(outputs);
        this.options = options;
    }

    public static RenderPlanBuilder builder(MediaInfo source) {
        return new RenderPlanBuilder(source);
    }

    public List<PlannedOutput> outputs() {
        return outputs;
    }

    /** The {@code -filter_complex} graph. */
    public String graph() {
        return graph;
    }

    public Duration clipStart() {
        return clipStart;
    }

    public Duration clipDuration() {
        return clipDuration;
    }

    /** The longest output, for progress percentages. */
    public Duration expectedDuration() {
        return outputs.stream().map(PlannedOutput::duration).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Arguments for {@link Ffmpeg#run} with the graph inline. */
    public List<String> args() {
        return args(List.of("-filter_complex", graph));
    }

    /** The same, reading the graph from {@code script}: long crop paths would hit the command-line limit. */
    public List<String> argsWithScript(Path script) {
        return args(List.of("-filter_complex_script", script.toAbsolutePath().toString()));
    }

    private List<String> args(List<String> graphArgs) {
        List<String> a = new ArrayList<>(List.of("-y", "-ss", Fmt.seconds(clipStart), "-t", Fmt.seconds(clipDuration),
                "-i", Ffmpeg.fileArg(source.file())));
        a.addAll(graphArgs);
        for (int i = 0; i < outputs.size(); i++) {
            PlannedOutput o = outputs.get(i);
            a.addAll(List.of("-map", "[v" + i + "]", "-map", "[a" + i + "]"));
            double secs = o.duration().toNanos() / 1e9;
            a.addAll(EncoderArgs.video(options, o.fps(),
                    EncoderArgs.maxrateFor(o.maxSizeBytes(), secs, options.audioBitrateKbps())));
            a.addAll(EncoderArgs.audio(options));
            a.addAll(EncoderArgs.platformContainer());
            a.addAll(List.of("-t", Fmt.seconds(o.duration()), Ffmpeg.fileArg(o.file())));
        }
        return a;
    }
}
