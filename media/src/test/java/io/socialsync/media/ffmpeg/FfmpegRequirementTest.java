package io.socialsync.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.media.analysis.Analyser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegRequirementTest {
    @TempDir
    Path dir;

    /** The info the locator would get from the captured build, through the same parsing as a real inspection. */
    private FfmpegInfo captured(String build) throws IOException {
        Path d = FakeFfmpeg.install(dir.resolve(build), build);
        return info(Files.readString(d.resolve("version.txt")), Files.readString(d.resolve("ffprobe-version.txt")),
                Files.readString(d.resolve("filters.txt")), Files.readString(d.resolve("encoders.txt")));
    }

    private static FfmpegInfo info(String version, String probeVersion, String filters, String encoders) {
        return new FfmpegInfo(FfmpegSource.PATH, Path.of("/usr/bin/ffmpeg"), Path.of("/usr/bin/ffprobe"),
                version.lines().findFirst().orElse(""), probeVersion.lines().findFirst().orElse(""),
                FfmpegInfo.names(filters, FfmpegInfo.FILTER), FfmpegInfo.names(encoders, FfmpegInfo.ENCODER));
    }

    @Test
    void itCoversEveryFilterTheAnalysisGraphUses() {
        assertThat(FfmpegRequirement.FILTERS).containsAll(Analyser.REQUIRED_FILTERS);
    }

    @Test
    void theBundledBuildMeetsIt() throws IOException {
        assertThat(FfmpegRequirement.shortfalls(captured(FakeFfmpeg.BUNDLED))).isEmpty();
    }

    @Test
    void debian12IsTooOldThoughItHasEveryFilter() throws IOException {
        assertThat(FfmpegRequirement.shortfalls(captured(FakeFfmpeg.DEBIAN_12)))
                .containsExactly("ffmpeg and ffprobe: version 5.1.9, older than the minimum 6.0");
    }

    @Test
    void aGitBuildPassesOnVersionButStillNeedsTheFilters() {
        var info = new FfmpegInfo(FfmpegSource.PATH, Path.of("/opt/ffmpeg"), Path.of("/opt/ffprobe"),
                "ffmpeg version N-112345-gabc1234 Copyright", "ffprobe version N-112345-gabc1234 Copyright",
                Set.of("scale", "fps"), Set.of("aac"));
        assertThat(FfmpegRequirement.shortfalls(info)).hasSize(2)
                .anySatisfy(s -> assertThat(s).startsWith("no filter ").contains("blurdetect", "loudnorm"))
                .contains("no encoder libx264, mjpeg");
    }

    @Test
    void anUnreadableVersionAndAMismatchedFfprobeAreEachNamed() {
        var info = info("ffmpeg version custom-build", "ffprobe version 5.0.1", "", "");
        assertThat(FfmpegRequirement.shortfalls(info))
                .contains("ffmpeg: no version we can read in \"ffmpeg version custom-build\"",
                        "ffprobe: version 5.0.1, older than the minimum 6.0");
    }
}
