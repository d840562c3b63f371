package io.socialsync.cli;

import io.socialsync.media.analysis.AnalysisResult;
import io.socialsync.media.analysis.Analyser;
import io.socialsync.media.analysis.ClipRules;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.probe.MediaInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "analyse", aliases = "analyze", mixinStandardHelpOptions = true,
        description = "Find the best clips of a local video file and print them (no server or database needed).")
public class AnalyseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The video file.")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--min-length", paramLabel = "S", converter = Seconds.class,
            description = "Shortest clip, seconds or m:s (default: 15).")
    Duration minLength = ClipRules.DEFAULT.minLength();

    @Option(names = "--max-length", paramLabel = "S", converter = Seconds.class,
            description = "Longest clip, seconds or m:s (default: 60).")
    Duration maxLength = ClipRules.DEFAULT.maxLength();

    @Option(names = "--count", paramLabel = "N",
            description = "How many clips to propose when the video is long enough (default: 3 to 5, by score).")
    Integer count;

    @Override
    public Integer call() {
        ClipRules rules = rules();
        var ffmpeg = Standalone.ffmpeg();
        var cancel = CancelToken.create();
        // validated before the bar starts: a rejection is then the only line on stderr
        MediaInfo info = Standalone.validated(ffmpeg, file, cancel);
        AnalysisResult result;
        try (var bar = new ProgressBar("analysing")) {
            result = new Analyser(ffmpeg).analyse(file, info, rules, f -> bar.update(f, ""), cancel);
        }
        System.out.print(json ? ClipTable.json(file, info, result) : ClipTable.table(result));
        return 0;
    }

    private ClipRules rules() {
        if (maxLength.compareTo(minLength) < 0) throw usage("--max-length must not be below --min-length");
        if (minLength.isZero()) throw usage("--min-length must be > 0");
        if (count != null && (count < 1 || count > 50)) throw usage("--count must be between 1 and 50");
        int min = count == null ? ClipRules.DEFAULT.minCount() : count;
        int max = count == null ? ClipRules.DEFAULT.maxCount() : count;
        return new ClipRules(minLength, maxLength, min, max);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
