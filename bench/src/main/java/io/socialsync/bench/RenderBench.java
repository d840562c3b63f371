package io.socialsync.bench;

import io.socialsync.media.TempDir;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.probe.MediaProber;
import io.socialsync.media.render.PlatformFormat;
import io.socialsync.media.render.PlatformFormats;
import io.socialsync.media.render.RenderOptions;
import io.socialsync.media.render.RenderPlan;
import io.socialsync.media.render.RenderRequest;
import io.socialsync.media.render.Renderer;
import io.socialsync.media.render.SourceAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * bench/render: three variants (9:16, 1:1, 16:9) of a 60 s 1080p30 source. SocialSync's {@link Renderer} (probe,
 * letterbox/saliency pass, one FFmpeg process, verification) against the best hand-written single FFmpeg command
 * and against three separate runs; also the renderer's own FFmpeg command run bare, which splits its cost into
 * "the command" and "the rest". Prints wall and CPU time and their ratios; the last line is the summary.
 *
 * <p>Usage: {@code bench/render [--rounds N]}; with several rounds the order rotates and the minimum counts.
 */
public final class RenderBench {
    private static final List<String> FORMATS = List.of("instagram_reel", "facebook", "youtube");

    private RenderBench() {
    }

    public static void main(String[] args) throws Exception {
        Quiet.logs();
        int rounds = args.length == 2 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 1;
        var media = BenchMedia.open();
        Path source = media.source1080p();
        List<PlatformFormat> formats = PlatformFormats.defaults().get(FORMATS);
        try (TempDir work = TempDir.create(media.cache, "render-run-")) {
            // untimed: what the renderer will decide, so the baselines do the same reframing (also warms the cache)
            var info = new MediaProber(media.ffmpeg).probe(source);
            var decided = new SourceAnalyzer.Result[1];
            var analysis = Measured.of(() -> decided[0] = SourceAnalyzer.analyse(media.ffmpeg, info, Duration.ZERO,
                    info.duration(), work.path(), RunOptions.defaults()));
            RenderPlan plan = RenderPlan.builder(info).request(RenderRequest.of(source, formats, work.path()))
                    .options(RenderOptions.defaults()).letterbox(decided[0].letterbox())
                    .saliency(decided[0].saliency()).outputDir(work.path()).build();
            var hand = new HandRender(source, plan.outputs());
            for (int i = 0; i < plan.outputs().size(); i++) System.out.println("output " + hand.describe(i));
            Path script = Files.writeString(work.resolve("graph.txt"), plan.graph());

            Map<String, Runnable> runs = new LinkedHashMap<>();
            runs.put("socialsync Renderer", () -> new Renderer(media.ffmpeg).render(
                    RenderRequest.of(source, formats, work.resolve("socialsync")), RenderOptions.defaults(),
                    RunOptions.defaults()));
            runs.put("  its FFmpeg command, bare", () -> media.bare.run(plan.argsWithScript(script)));
            runs.put("hand-written single command", () -> media.bare.run(hand.single(work.path())));
            runs.put("three separate ffmpeg runs", () -> {
                for (int i = 0; i < plan.outputs().size(); i++) media.bare.run(hand.separate(i, work.path()));
            });
            Map<String, Measured> best = BestOf.run(runs, rounds);
            best.forEach((name, m) -> System.out.printf(Locale.ROOT, "%-30s wall %6.1f s   cpu %6.1f s%n", name,
                    m.wallSeconds(), m.cpuSeconds()));
            System.out.printf(Locale.ROOT, "%-30s wall %6.1f s   cpu %6.1f s (measured once, untimed above)%n",
                    "  its analysis pass", analysis.wallSeconds(), analysis.cpuSeconds());
            System.out.println("single command: " + media.bare.shell(hand.single(work.path())));
            summary(best, rounds);
        }
    }

    private static void summary(Map<String, Measured> m, int rounds) {
        Measured ss = m.get("socialsync Renderer");
        Measured one = m.get("hand-written single command");
        Measured three = m.get("three separate ffmpeg runs");
        System.out.printf(Locale.ROOT, "render (best of %d; machine shared with other load): socialsync %.1f s wall, "
                + "%.1f s cpu; vs one hand-written command %.2fx wall, %.2fx cpu (target <= 1.05); three separate runs "
                + "take %.2fx wall, %.2fx cpu of socialsync's (target >= 1.2)%n", rounds, ss.wallSeconds(),
                ss.cpuSeconds(), ss.wallSeconds() / one.wallSeconds(), ss.cpuSeconds() / one.cpuSeconds(),
                three.wallSeconds() / ss.wallSeconds(), three.cpuSeconds() / ss.cpuSeconds());
    }
}
