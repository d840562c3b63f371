package io.socialsync.bench;

import io.socialsync.media.TempDir;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.render.PlatformFormats;
import io.socialsync.media.render.RenderOptions;
import io.socialsync.media.render.RenderRequest;
import io.socialsync.media.render.RenderedVariant;
import io.socialsync.media.render.Renderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * bench/render-settings: the encoder settings of {@link RenderOptions#defaults()} against the previous ones
 * ({@link #BASELINE}: x264 veryfast, CRF 21) on bench/pipeline's music-video source. Each clip is rendered for
 * instagram_reel, facebook and youtube by the real {@link Renderer} with both settings, in alternating order (the
 * machine is shared: CPU time of this JVM and its FFmpeg children is compared, pair by pair, not wall time). Then
 * every new output is compared with the baseline's with FFmpeg's {@code ssim} filter (the "All" figure, luma and
 * chroma) and its bitrate is printed beside the baseline's.
 *
 * <p>Usage: {@code bench/render-settings [--clips 14,60,95,150,190] [--seconds 23]}: clip start times (s) and
 * length. The default is five 23 s clips, bench/pipeline's 115 s of output per format.
 */
public final class RenderSettingsBench {
    static final RenderOptions BASELINE = new RenderOptions(1, "veryfast", 21, 128, -14, true,
            io.socialsync.media.render.ReframeMode.AUTO, 0.35, 0);
    private static final List<String> FORMATS = List.of("instagram_reel", "facebook", "youtube");
    private static final Pattern ALL = Pattern.compile("SSIM Y:([0-9.]+).* All:([0-9.]+)");

    private RenderSettingsBench() {
    }

    public static void main(String[] args) throws Exception {
        Quiet.logs();
        List<Double> starts = List.of(14.0, 60.0, 95.0, 150.0, 190.0);
        double seconds = 23;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--clips" -> starts = java.util.Arrays.stream(args[i + 1].split(",")).map(Double::valueOf).toList();
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        var media = BenchMedia.open();
        Path source = media.musicVideo();
        RenderOptions current = RenderOptions.defaults();
        System.out.printf(Locale.ROOT, "baseline: %s CRF %d; current defaults: %s; load average %s%n",
                BASELINE.x264Preset(), BASELINE.crf(), describe(current), CpuUse.loadAverage());
        var renderer = new Renderer(media.ffmpeg);
        double cpuOld = 0, cpuNew = 0, outputSeconds = 0;
        Map<String, Double> minSsim = new LinkedHashMap<>();
        Map<String, Double> maxKbps = new LinkedHashMap<>();
        try (TempDir work = TempDir.create(media.cache, "render-settings-")) {
            for (int c = 0; c < starts.size(); c++) {
                var formats = PlatformFormats.defaults().get(FORMATS);
                var clip = Duration.ofMillis(Math.round(starts.get(c) * 1000));
                var length = Duration.ofMillis(Math.round(seconds * 1000));
                Path oldDir = work.resolve("old-" + c), newDir = work.resolve("new-" + c);
                var old = new ArrayList<RenderedVariant>();
                var neu = new ArrayList<RenderedVariant>();
                Runnable renderOld = () -> old.addAll(renderer.render(RenderRequest.of(source, formats, oldDir)
                        .withClip(clip, length), BASELINE, RunOptions.defaults()));
                Runnable renderNew = () -> neu.addAll(renderer.render(RenderRequest.of(source, formats, newDir)
                        .withClip(clip, length), current, RunOptions.defaults()));
                Measured mOld, mNew;
                if (c % 2 == 0) {
                    mOld = Measured.of(renderOld);
                    mNew = Measured.of(renderNew);
                } else {
                    mNew = Measured.of(renderNew);
                    mOld = Measured.of(renderOld);
                }
                cpuOld += mOld.cpuSeconds();
                cpuNew += mNew.cpuSeconds();
                System.out.printf(Locale.ROOT, "clip %d (%.0f s + %.0f s): cpu old %.1f s, new %.1f s (%.2fx); load %s%n",
                        c + 1, starts.get(c), seconds, mOld.cpuSeconds(), mNew.cpuSeconds(),
                        mNew.cpuSeconds() / mOld.cpuSeconds(), CpuUse.loadAverage());
                for (RenderedVariant n : neu) {
                    RenderedVariant o = old.stream().filter(v -> v.formats().equals(n.formats())).findFirst()
                            .orElseThrow();
                    outputSeconds += n.duration().toNanos() / 1e9 * n.formats().size();
                    double[] ssim = ssim(media, n.path(), o.path());
                    double kOld = kbps(o), kNew = kbps(n);
                    String name = String.join("+", n.formats());
                    minSsim.merge(name, ssim[1], Math::min);
                    maxKbps.merge(name, kNew, Math::max);
                    System.out.printf(Locale.ROOT, "  %-16s %dx%d  SSIM all %.4f (Y %.4f)  %6.0f kbit/s -> %6.0f kbit/s (%.2fx)%n",
                            name, n.width(), n.height(), ssim[1], ssim[0], kOld, kNew, kNew / kOld);
                }
            }
        }
        double minutes = outputSeconds / 60;
        System.out.printf(Locale.ROOT, "summary: cpu_per_output_min old=%.1fs new=%.1fs ratio=%.2f min_ssim=%s "
                        + "max_kbps=%s load=%s%n", cpuOld / minutes, cpuNew / minutes, cpuNew / cpuOld,
                format(minSsim, "%.4f"), format(maxKbps, "%.0f"), CpuUse.loadAverage());
    }

    private static String describe(RenderOptions o) {
        return o.x264Preset() + " CRF " + o.crf();
    }

    private static String format(Map<String, Double> m, String f) {
        var parts = new ArrayList<String>();
        m.forEach((k, v) -> parts.add(k + ":" + String.format(Locale.ROOT, f, v)));
        return String.join(",", parts);
    }

    /** Video and audio bitrate of the whole file, what a platform's limit counts. */
    private static double kbps(RenderedVariant v) {
        return v.sizeBytes() * 8 / 1000.0 / (v.duration().toNanos() / 1e9);
    }

    /** {Y, All} SSIM of {@code a} against {@code b}. */
    private static double[] ssim(BenchMedia media, Path a, Path b) throws IOException, InterruptedException {
        var argv = List.of(media.ffmpeg.binaries().ffmpeg().toString(), "-hide_banner", "-nostdin", "-nostats",
                "-i", a.toString(), "-i", b.toString(), "-lavfi", "[0:v][1:v]ssim", "-f", "null", "-");
        Path err = Files.createTempFile("bench-ssim", ".log");
        try {
            var pb = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
            pb.environment().putAll(media.ffmpeg.binaries().environment());
            int exit = pb.start().waitFor();
            String log = Files.readString(err);
            var m = ALL.matcher(log);
            if (exit != 0 || !m.find()) throw new IllegalStateException("ssim failed: " + log.strip());
            return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
