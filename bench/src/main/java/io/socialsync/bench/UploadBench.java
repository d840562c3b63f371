package io.socialsync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/upload: streams a synthetic N-byte video (default 4 GiB) through POST /upload of the real server JAR
 * running with a small heap (default -Xmx256m), and compares its throughput with dd writing the same bytes to the
 * same disk. Shows that an upload never sits in the server's memory: the peak RSS stays flat whatever N is.
 * The last line is a summary; ok=true when the upload was stored whole and the throughput ratio met the target.
 */
public final class UploadBench {
    private static final double TARGET_RATIO = 0.6;

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        Path dir = Files.createTempDirectory(options.dir(), "socialsync-upload-bench-");
        Path data = dir.resolve("data");
        long limit = Math.max(4L << 30, options.bytes() + (1 << 20));
        System.out.printf("upload of %,d bytes through POST /upload, server %s, data in %s%n", options.bytes(),
                options.heap(), data);
        try (var server = ServerProcess.start(options.jar(), data, options.heap(), limit)) {
            long baseline = server.memory("VmRSS");
            var peak = new AtomicLong(baseline);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> sample(server, peak));
            double serverCpu = server.cpuSeconds();
            double clientCpu = clientCpu();
            long start = System.nanoTime();
            var response = StreamingPost.send(server.baseUrl() + "/upload", server.adminKey(),
                    new SyntheticUpload(options.bytes()));
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            serverCpu = server.cpuSeconds() - serverCpu;
            clientCpu = clientCpu() - clientCpu;
            long hwm = server.memory("VmHWM");
            boolean stored = response.status() == 201 && response.body().contains("\"size_bytes\":" + options.bytes());
            System.out.printf("server: HTTP %d %s%n", response.status(), abbreviate(response.body()));
            System.out.printf("upload: %.1f s, %.1f MB/s%n", seconds, options.bytes() / seconds / 1e6);
            System.out.printf("cpu: server %.1f s, client %.1f s (%.0f MB per server CPU-second)%n", serverCpu,
                    clientCpu, options.bytes() / serverCpu / 1e6);
            System.out.printf("server memory: RSS %.0f MB before, %.0f MB sampled peak, VmHWM %.0f MB%n",
                    baseline / 1e6, peak.get() / 1e6, hwm / 1e6);
            server.close();
            double ddSeconds = DiskBaseline.seconds(dir, options.bytes());
            double upload = options.bytes() / seconds / 1e6;
            double dd = options.bytes() / ddSeconds / 1e6;
            double ratio = upload / dd;
            System.out.printf("summary: upload=%.0f MB/s dd=%.0f MB/s ratio=%.2f peak_rss=%.0f MB heap=%s ok=%b%n",
                    upload, dd, ratio, hwm / 1e6, options.heap(), stored && ratio >= TARGET_RATIO);
        } catch (Exception e) {
            Path log = data.resolveSibling("data-server.log");
            if (Files.exists(log)) {
                var lines = Files.readAllLines(log);
                System.err.println(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
            throw e;
        } finally {
            if (!options.keep()) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void sample(ServerProcess server, AtomicLong peak) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                peak.accumulateAndGet(server.memory("VmRSS"), Math::max);
                Thread.sleep(200);
            } catch (Exception stopped) {
                return;
            }
        }
    }

    private static double clientCpu() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static String abbreviate(String body) {
        return body.length() <= 160 ? body : body.substring(0, 160) + "…";
    }
}
