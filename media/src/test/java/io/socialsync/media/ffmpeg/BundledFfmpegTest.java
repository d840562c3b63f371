package io.socialsync.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.media.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledFfmpegTest {
    @Test
    void extractsExecutablesAndLibrariesThatRunAndDescribeThemselves() throws Exception {
        FfmpegBinaries b = BundledFfmpeg.extract(TestMedia.DATA_DIR);
        Path dir = b.ffmpeg().getParent();
        assertThat(dir).isEqualTo(TestMedia.DATA_DIR.resolve("ffmpeg/6.1.1-1.5.10"));
        assertThat(dir.resolve("ffprobe")).isExecutable();
        assertThat(dir.resolve("libavcodec.so.60")).exists();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("libjni"));
        }

        FfmpegInfo info = new Ffmpeg(b).inspect();
        assertThat(info.source()).isEqualTo(FfmpegSource.BUNDLED);
        assertThat(info.version()).startsWith("ffmpeg version 6.1.1");
        assertThat(info.ffprobeVersion()).startsWith("ffprobe version 6.1.1");
        assertThat(info.filters()).contains("scale", "testsrc2", "sine", "scdet", "ebur128").hasSizeGreaterThan(300);
        // documented gaps of this build (shared/reference/video-processing.md §2.6)
        assertThat(info.has("drawtext")).isFalse();
        assertThat(info.has("zscale")).isFalse();
        assertThat(info.hasEncoder("libx264")).isTrue();
        assertThat(info.hasEncoder("aac")).isTrue();
    }

    @Test
    void concurrentFirstExtractionsAgreeAndLeaveNoDebris(@TempDir Path dataDir) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<FfmpegBinaries> extract = () -> {
            start.await();
            return BundledFfmpeg.extract(dataDir);
        };
        List<FfmpegBinaries> results;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<FfmpegBinaries>> futures = List.of(pool.submit(extract), pool.submit(extract));
            results = List.of(futures.get(0).get(), futures.get(1).get());
        }
        assertThat(results.get(0)).isEqualTo(results.get(1));
        try (Stream<Path> entries = Files.list(dataDir.resolve("ffmpeg"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("6.1.1-1.5.10");
        }
        var out = new Ffmpeg(results.get(0)).query(List.of("-hide_banner", "-version"));
        assertThat(out.exitCode()).isZero();
    }
}
