package io.socialsync.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.media.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegLocatorTest {
    @TempDir
    Path dir;

    private Path fakeExe(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path exe = Files.writeString(folder.resolve(name), "#!/bin/sh\necho fake\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        return exe;
    }

    @Test
    void environmentWinsAndAMissingFfprobeIsTakenFromBesideFfmpeg() {
        Path env = FakeFfmpeg.install(dir.resolve("env"), FakeFfmpeg.BUNDLED);
        Path bin = FakeFfmpeg.install(dir.resolve("bin"), FakeFfmpeg.BUNDLED);
        Ffmpeg f = FfmpegLocator.locate(
                Map.of(FfmpegLocator.ENV_FFMPEG, env.resolve("ffmpeg").toString(), "PATH", bin.toString()), dir);
        assertThat(f.binaries().source()).isEqualTo(FfmpegSource.ENV);
        assertThat(f.binaries().ffmpeg()).isEqualTo(env.resolve("ffmpeg"));
        assertThat(f.binaries().ffprobe()).isEqualTo(env.resolve("ffprobe"));
        assertThat(f.passedOver()).isEmpty();
    }

    @Test
    void anEnvironmentFfmpegBelowTheMinimumIsAnErrorNotAFallback() {
        Path env = FakeFfmpeg.install(dir.resolve("env"), FakeFfmpeg.DEBIAN_12);
        assertThatThrownBy(() -> FfmpegLocator.locate(Map.of(FfmpegLocator.ENV_FFMPEG, env.resolve("ffmpeg")
                .toString()), dir))
                .isInstanceOf(FfmpegException.NotAvailable.class)
                .hasMessageStartingWith(FfmpegLocator.ENV_FFMPEG + "=" + env.resolve("ffmpeg"))
                .hasMessageContaining("version 5.1.9, older than the minimum 6.0")
                .hasMessageContaining("or unset it to use the bundled build");
    }

    @Test
    void debian12sFfmpegOnPathIsPassedOverForTheBundledOneWithTheReason() {
        Path bin = FakeFfmpeg.install(dir.resolve("bin"), FakeFfmpeg.DEBIAN_12);
        Ffmpeg f = FfmpegLocator.locate(Map.of("PATH", bin.toString()), TestMedia.DATA_DIR);
        assertThat(f.binaries().source()).isEqualTo(FfmpegSource.BUNDLED);
        assertThat(f.passedOver()).contains(bin.resolve("ffmpeg")
                + " on PATH: ffmpeg and ffprobe: version 5.1.9, older than the minimum 6.0");
        assertThat(f.inspect().version()).startsWith("ffmpeg version 6.1");
        assertThat(f.inspect().describe()).contains("source:   BUNDLED\npassed over " + f.passedOver().orElseThrow())
                .contains("(minimum 6.0)");
    }

    @Test
    void aNewEnoughFfmpegOnPathIsUsed() {
        Path bin = FakeFfmpeg.install(dir.resolve("bin"), FakeFfmpeg.BUNDLED);
        Ffmpeg f = FfmpegLocator.locate(Map.of("PATH", bin.toString()), dir);
        assertThat(f.binaries().source()).isEqualTo(FfmpegSource.PATH);
        assertThat(f.binaries().ffmpeg()).isEqualTo(bin.resolve("ffmpeg"));
        assertThat(f.passedOver()).isEmpty();
    }

    @Test
    void aGitBuildOnPathCountsAsNewButIsPassedOverWhenAFilterIsMissing() throws IOException {
        Path bin = FakeFfmpeg.install(dir.resolve("bin"), FakeFfmpeg.BUNDLED);
        for (String f : List.of("version.txt", "ffprobe-version.txt")) {
            FakeFfmpeg.edit(bin, f, s -> s.replaceFirst("version 6\\.1\\.1", "version N-112345-gabc1234"));
        }
        assertThat(FfmpegLocator.locate(Map.of("PATH", bin.toString()), dir).binaries().source())
                .isEqualTo(FfmpegSource.PATH);

        FakeFfmpeg.edit(bin, "filters.txt", s -> s.replaceAll("(?m)^.* blurdetect .*\\R", ""));
        Ffmpeg f = FfmpegLocator.locate(Map.of("PATH", bin.toString()), TestMedia.DATA_DIR);
        assertThat(f.binaries().source()).isEqualTo(FfmpegSource.BUNDLED);
        assertThat(f.passedOver()).hasValueSatisfying(why -> assertThat(why).endsWith(": no filter blurdetect"));
    }

    @Test
    void aPathFfmpegThatDoesNotRunIsPassedOver() throws IOException {
        Path bin = dir.resolve("bin");
        Path ffmpeg = fakeExe(bin, "ffmpeg");
        Files.writeString(ffmpeg, "#!/bin/sh\necho 'libavcodec.so.59: cannot open shared object file' >&2\nexit 127\n");
        fakeExe(bin, "ffprobe");
        Ffmpeg f = FfmpegLocator.locate(Map.of("PATH", bin.toString()), TestMedia.DATA_DIR);
        assertThat(f.binaries().source()).isEqualTo(FfmpegSource.BUNDLED);
        assertThat(f.passedOver()).hasValueSatisfying(why -> assertThat(why)
                .contains("does not run").contains("exit 127").contains("cannot open shared object file"));
    }

    @Test
    void aBrokenEnvironmentSettingFailsLoudlyInsteadOfFallingBack() throws IOException {
        Path notExecutable = Files.writeString(dir.resolve("ffmpeg"), "text");
        assertThatThrownBy(() -> FfmpegLocator.locate(Map.of(FfmpegLocator.ENV_FFMPEG, notExecutable.toString()), dir))
                .isInstanceOf(FfmpegException.NotAvailable.class)
                .hasMessageContaining("not an executable");
    }

    @Test
    void pathNeedsBothBinaries() throws IOException {
        Path bin1 = dir.resolve("bin1");
        Path bin2 = dir.resolve("bin2");
        fakeExe(bin1, "ffmpeg");
        assertThat(FfmpegLocator.fromPath(bin1.toString())).isEmpty();
        fakeExe(bin2, "ffprobe");
        FfmpegBinaries b = FfmpegLocator.fromPath(bin1 + ":" + bin2).orElseThrow();
        assertThat(b.source()).isEqualTo(FfmpegSource.PATH);
        assertThat(b.ffprobe()).isEqualTo(bin2.resolve("ffprobe"));
    }

    @Test
    void withNothingConfiguredTheBundledCopyIsUsed() {
        FfmpegBinaries b = FfmpegLocator.locate(Map.of("PATH", dir.toString()), TestMedia.DATA_DIR).binaries();
        assertThat(b.source()).isEqualTo(FfmpegSource.BUNDLED);
        assertThat(b.ffmpeg()).startsWith(TestMedia.DATA_DIR.resolve("ffmpeg")).isExecutable();
        assertThat(b.environment()).containsKey("LD_LIBRARY_PATH");
    }
}
