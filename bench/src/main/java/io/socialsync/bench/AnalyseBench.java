package io.socialsync.bench;

import io.socialsync.media.analysis.Analyser;
import io.socialsync.media.analysis.AnalysisResult;
import io.socialsync.media.analysis.ClipRules;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.probe.MediaProber;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * bench/analyse: the {@link Analyser}'s CPU and wall time over a bare decode of the same file ({@code ffmpeg -i X
 * -f null -}), the two run in turn and the ratios taken pair by pair ({@link Paired}), then the JVM's peak RSS
 * analysing a 10-minute and a long input, each in a fresh JVM so the high-water marks do not mix, with default
 * heap settings and with a small fixed heap. Bounded memory is the point: signals are stream-parsed from FFmpeg's
 * text output, never held per frame.
 *
 * <p>Usage: {@code bench/analyse [--rounds N] [--long-minutes 120] [--capped-heap 64]}: N pairs (default 5);
 * {@code --long-minutes 0} skips the memory runs; the capped heap is in MB.
 */
public final class AnalyseBench {
    private AnalyseBench() {
    }

    public static void main(String[] args) throws Exception {
        Quiet.logs();
        var media = BenchMedia.open();
        if (args.length == 2 && args[0].equals("--rss")) {
            child(media, Path.of(args[1]));
            return;
        }
        int longMinutes = option(args, "--long-minutes", 120);
        int rounds = option(args, "--rounds", 5);
        String cappedHeap = option(args, "--capped-heap", 64) + "m";
        var source = media.source1080p();
        String loadBefore = CpuUse.loadAverage();
        media.bare.run(List.of("-i", Ffmpeg.fileArg(source), "-f", "null", "-")); // warm the page cache first
        analyse(media, source); // and the JIT, so the pairs compare steady states
        var pairs = Paired.run(() -> analyse(media, source),
                () -> media.bare.run(List.of("-i", Ffmpeg.fileArg(source), "-f", "null", "-")), rounds);
        String loadAfter = CpuUse.loadAverage();
        Measured decode = Paired.median(pairs.baseline());
        Measured analysis = Paired.median(pairs.contender());
        System.out.printf(Locale.ROOT, "%-36s wall %6.1f s   cpu %6.1f s  (medians of %d)%n",
                "bare decode (ffmpeg -i X -f null -)", decode.wallSeconds(), decode.cpuSeconds(), rounds);
        System.out.printf(Locale.ROOT, "%-36s wall %6.1f s   cpu %6.1f s%n", "analysis (probe + Analyser)",
                analysis.wallSeconds(), analysis.cpuSeconds());
        System.out.printf(Locale.ROOT, "analysis / bare decode, pair by pair: cpu %s; load average before %s, "
                + "after %s%n", Arrays.toString(Arrays.stream(pairs.cpuRatios())
                .mapToObj(r -> String.format(Locale.ROOT, "%.2f", r)).toArray()), loadBefore, loadAfter);
        double ratio = pairs.wallRatio();
        double cpuRatio = pairs.cpuRatio();
        System.out.printf(Locale.ROOT, "analyse (median of %d interleaved pairs; load average %s -> %s): %.2fx bare "
                + "decode cpu (target <= 0.7), %.2fx wall%n", rounds, loadBefore, loadAfter, cpuRatio, ratio);
        if (longMinutes == 0) return; // --long-minutes 0: the time ratios only

        Path ten = media.lowRes(10);
        Path longer = longMinutes == 10 ? ten
                : media.looped(ten, longMinutes / 10, "src-180p-" + longMinutes + "min.mp4");
        // default JVM settings: the heap grows as the GC sees fit, so peak RSS says little about what is retained;
        // the capped run shows the same analysis fits a small fixed heap whatever the input's length
        var rss = new LinkedHashMap<String, RssChild.Result>();
        for (List<String> jvm : List.of(List.<String>of(), List.of("-Xmx" + cappedHeap))) {
            for (Path input : List.of(ten, longer)) {
                String label = (input == ten ? 10 : longMinutes) + " min, "
                        + (jvm.isEmpty() ? "default heap" : jvm.getFirst());
                var r = RssChild.run(media.cache, input, jvm);
                rss.put(label, r);
                System.out.printf(Locale.ROOT, "peak RSS, 320x180 input of %-22s %6.0f MB  (analysis %.1f s, "
                        + "live heap after it %.1f MB)%n", label, r.megabytes(), r.seconds(),
                        r.liveKilobytes() / 1024.0);
            }
        }
        var values = List.copyOf(rss.values());
        System.out.printf(Locale.ROOT, "analyse memory: peak RSS 10 min -> %d min: %.0f -> %.0f MB default heap, "
                + "%.0f -> %.0f MB with -Xmx%s%n", longMinutes, values.get(0).megabytes(), values.get(1).megabytes(),
                values.get(2).megabytes(), values.get(3).megabytes(), cappedHeap);
    }

    /** Probe plus analysis, as the ANALYSE_VIDEO job runs them. */
    static AnalysisResult analyse(BenchMedia media, Path file) {
        var info = new MediaProber(media.ffmpeg).probe(file);
        return new Analyser(media.ffmpeg).analyse(file, info, ClipRules.DEFAULT, p -> {}, null);
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        }
        return fallback;
    }

    /**
     * In the child JVM: analyse, then report the high-water mark, the time, and the heap still live after a full
     * GC while the result is held (what the analysis keeps, as opposed to garbage the GC had not collected yet).
     */
    private static void child(BenchMedia media, Path file) {
        var result = new AnalysisResult[1];
        double seconds = Measured.of(() -> result[0] = analyse(media, file)).wallSeconds();
        System.gc();
        long live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.println(PeakRss.kilobytes() + " " + seconds + " " + live / 1024 + " " + result[0].clips().size());
    }
}
