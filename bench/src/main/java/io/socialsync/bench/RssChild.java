package io.socialsync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code AnalyseBench --rss FILE} in a fresh JVM (this one's settings plus any given) and reads its answer. */
final class RssChild {
    record Result(long kilobytes, double seconds, long liveKilobytes) {
        double megabytes() {
            return kilobytes / 1024.0;
        }
    }

    private RssChild() {
    }

    /** @param jvmArgs added after this JVM's own, e.g. {@code -Xmx64m}; a child that runs out of memory fails */
    static Result run(Path cache, Path file, List<String> jvmArgs) throws IOException, InterruptedException {
        var argv = new ArrayList<String>();
        argv.add(ProcessHandle.current().info().command().orElse("java"));
        argv.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        argv.addAll(jvmArgs);
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), AnalyseBench.class.getName(), "--rss",
                file.toString()));
        var pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("BENCH_CACHE", cache.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) throw new IllegalStateException("the analysis JVM failed: " + out);
        String[] last = out.lines().reduce((a, b) -> b).orElse("").split(" ");
        return new Result(Long.parseLong(last[0]), Double.parseDouble(last[1]), Long.parseLong(last[2]));
    }
}
