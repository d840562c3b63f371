package io.socialsync.cli;

import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.render.PlatformFormat;
import io.socialsync.media.render.PlatformFormats;
import io.socialsync.media.render.Preset;
import io.socialsync.media.render.Presets;
import io.socialsync.media.render.RenderOptions;
import io.socialsync.media.render.RenderRequest;
import io.socialsync.media.render.RenderedVariant;
import io.socialsync.media.render.Renderer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render one clip of a local video file for several platforms in one FFmpeg pass and print the "
                + "files written (no server or database needed).")
public class RenderCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The video file.")
    Path file;

    @Option(names = "--start", paramLabel = "S", converter = Seconds.class, description = "Clip start (default: 0).")
    Duration start = Duration.ZERO;

    @Option(names = "--end", paramLabel = "E", converter = Seconds.class,
            description = "Clip end (default: the end of the video).")
    Duration end;

    @Option(names = "--platforms", split = ",", required = true, paramLabel = "NAME",
            description = "Formats, comma-separated: instagram_reel, tiktok, youtube_short, facebook, youtube.")
    List<String> platforms;

    @Option(names = "--preset", split = ",", paramLabel = "NAME", description = "Variant presets, one file set "
            + "each: none, random, or effects joined by + (zoom+mirror+color+speed). Default: none.")
    List<String> presets = List.of("none");

    @Option(names = "--seed", description = "Seed for the presets' parameters; the same seed renders the same "
            + "variants again (default: random, printed on stderr).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: the current one).")
    Path out = Path.of(".");

    @Option(names = "--scale", paramLabel = "F", description = "Shrink every output by this factor for a quick "
            + "preview, e.g. 0.25 (default: 1, full size).")
    double scale = 1;

    @Override
    public Integer call() {
        boolean drawn = seed == null;
        var request = request();
        var ffmpeg = Standalone.ffmpeg();
        var cancel = CancelToken.create();
        List<RenderedVariant> written;
        Standalone.validated(ffmpeg, file, cancel); // before the bar: a rejection is the only line on stderr
        try (var bar = new ProgressBar("rendering")) {
            var run = RunOptions.defaults().withCancel(cancel)
                    .withProgress(p -> p.percent().ifPresent(pct -> bar.update(pct / 100, "")));
            written = new Renderer(ffmpeg).render(request, RenderOptions.defaults().withSizeScale(scale), run);
        }
        if (drawn) System.err.println("seed " + seed + " (pass --seed " + seed + " to render the same variants again)");
        for (RenderedVariant v : written) {
            System.out.print(String.format(Locale.ROOT, "%s  %s  %dx%d  %.1f s  %.1f MB  %s%n", v.path(),
                    String.join(",", v.formats()), v.width(), v.height(), v.duration().toMillis() / 1000.0,
                    v.sizeBytes() / 1e6, v.preset().describe()));
            v.warnings().forEach(w -> System.err.println("warning: " + v.path().getFileName() + ": " + w.message()));
        }
        return 0;
    }

    private RenderRequest request() {
        if (end != null && end.compareTo(start) <= 0) throw usage("--end must be after --start");
        if (!(scale > 0 && scale <= 1)) throw usage("--scale must be in (0, 1]");
        List<PlatformFormat> formats;
        try {
            formats = PlatformFormats.defaults().get(platforms);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        long s = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
        seed = s; // printed after the render: an error must stay the only line on stderr
        var resolved = new ArrayList<Preset>();
        for (String name : presets) {
            try {
                resolved.add(Presets.resolve(name, s));
            } catch (IllegalArgumentException e) {
                throw usage("--preset " + name + ": " + e.getMessage());
            }
        }
        return new RenderRequest(file, start, end == null ? null : end.minus(start), formats, resolved, List.of(),
                out.toAbsolutePath(), baseName(file));
    }

    /** Output names come from the input's, reduced to what RenderRequest allows. */
    static String baseName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]+", "-")
                .replaceAll("^[-.]+|-+$", "");
        return name.isEmpty() ? "clip" : name.length() > 60 ? name.substring(0, 60) : name;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
