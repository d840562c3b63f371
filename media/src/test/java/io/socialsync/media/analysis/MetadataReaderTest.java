package io.socialsync.media.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.media.ffmpeg.CancelToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataReaderTest {
    @TempDir
    Path dir;

    @Test
    void parsesFramesValuesAndCStyleSpecials() throws Exception {
        Path file = Files.writeString(dir.resolve("m.txt"), """
                frame:0    pts:0       pts_time:0
                lavfi.scd.mafd=0.000
                lavfi.blur=-nan
                frame:1    pts:NOPTS   pts_time:NOPTS
                lavfi.r128.M=-inf
                lavfi.signalstats.YAVG=121.067
                """);
        List<String> events = new ArrayList<>();
        MetadataReader.read(file, new MetadataReader.Listener() {
            @Override
            public void frame(double t) {
                events.add("frame " + t);
            }

            @Override
            public void value(String key, double v) {
                events.add(key + " " + v);
            }

            @Override
            public void end() {
                events.add("end");
            }
        }, new CancelToken());
        assertThat(events).containsExactly("frame 0.0", "lavfi.scd.mafd 0.0", "lavfi.blur NaN", "frame NaN",
                "lavfi.r128.M -Infinity", "lavfi.signalstats.YAVG 121.067", "end");
    }

    @Test
    void aMissingFileReadsAsEmpty() {
        List<String> events = new ArrayList<>();
        MetadataReader.read(dir.resolve("none.txt"), new MetadataReader.Listener() {
            @Override
            public void frame(double t) {
                events.add("frame");
            }

            @Override
            public void value(String key, double v) {
                events.add(key);
            }

            @Override
            public void end() {
                events.add("end");
            }
        }, new CancelToken());
        assertThat(events).containsExactly("end");
    }
}
