package io.socialsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.Cli;
import io.socialsync.support.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code socialsync analyse} and {@code render} on local files, in-process, without a database or server. */
class MediaCommandsTest {
    @TempDir
    Path dir;

    static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @Test
    void analysePrintsClipsAsATableOrJson() {
        String video = TestVideos.music("cli-analyse", 12).toString();
        var table = run("analyse", video, "--min-length", "3", "--max-length", "5", "--count", "2");
        assertThat(table.exit()).as(table.err()).isZero();
        var lines = table.out().strip().lines().toList();
        assertThat(lines.getFirst()).contains("rank", "start", "end", "length", "score", "reason");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).strip()).startsWith("1  0:");
        assertThat(table.err()).contains("analysing [").contains("100%");
        assertThat(run("--help").out()).contains("analyse", "render");

        var json = JsonMapper.builder().build().readTree(run("analyse", video, "--json", "--min-length", "3",
                "--max-length", "5", "--count", "2").out());
        assertThat(json.get("clips").size()).isEqualTo(2);
        var clip = json.get("clips").get(0);
        assertThat(clip.get("length").asDouble()).isBetween(2.9, 5.1);
        assertThat(clip.get("score").asDouble()).isBetween(0.0, 100.0);
        assertThat(clip.get("sub_scores").has("energy")).isTrue();
        assertThat(json.get("duration_seconds").asDouble()).isBetween(11.9, 12.1);
    }

    @Test
    void renderWritesOneFilePerDistinctFormat() {
        String video = TestVideos.music("cli-render", 4).toString();
        var r = run("render", video, "--start", "1", "--end", "0:03", "--platforms", "instagram_reel,tiktok,facebook",
                "--preset", "random", "--seed", "7", "--scale", "0.25", "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        var lines = r.out().strip().lines().toList();
        assertThat(lines).hasSize(2); // reels and tiktok share one 9:16 file
        assertThat(lines.get(0)).contains("instagram_reel,tiktok", "270x480", "(seed 7)");
        assertThat(lines.get(1)).contains("facebook", "270x270");
        for (String line : lines) {
            assertThat(Path.of(line.substring(0, line.indexOf("  ")))).exists().startsWith(dir);
        }
    }

    @Test
    void badInputIsOneLineAndExit1() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all\n".repeat(100));
        var notVideo = run("analyse", text.toString());
        assertThat(notVideo.exit()).isEqualTo(1);
        assertThat(notVideo.err().strip().lines().toList()).hasSize(1);
        assertThat(notVideo.err().strip()).startsWith("socialsync: ").contains("This is not a video file");
        var missing = run("render", dir.resolve("nope.mp4").toString(), "--platforms", "tiktok");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).endsWith("The file nope.mp4 does not exist.");
        var badPlatform = run("render", text.toString(), "--platforms", "myspace");
        assertThat(badPlatform.exit()).isEqualTo(2);
        assertThat(badPlatform.err().strip()).startsWith("socialsync: unknown format 'myspace'");
    }
}
