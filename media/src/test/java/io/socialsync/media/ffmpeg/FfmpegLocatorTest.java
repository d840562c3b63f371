package io.socialsync.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.media.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    void environmentWinsAndAMissingFfprobeIsTakenFromBesideFfmpeg() throws IOException {
        Path ffmpeg = fakeExe(dir.resolve("env"), "ffmpeg");
        Path ffprobe = fakeExe(dir.resolve("env"), "ffprobe");
        fakeExe(dir.resolve("bin"), "ffmpeg");
        fakeExe(dir.resolve("bin"), "ffprobe");
        FfmpegBinaries b = FfmpegLocator.locate(
                Map.of(FfmpegLocator.ENV_FFMPEG, ffmpeg.toString(), "PATH", dir.resolve("bin").toString()), dir);
        assertThat(b.source()).isEqualTo(FfmpegSource.ENV);
        assertThat(b.ffmpeg()).isEqualTo(ffmpeg);
        assertThat(b.ffprobe()).isEqualTo(ffprobe);
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
        FfmpegBinaries b = FfmpegLocator.locate(Map.of("PATH", dir.toString()), TestMedia.DATA_DIR);
        assertThat(b.source()).isEqualTo(FfmpegSource.BUNDLED);
        assertThat(b.ffmpeg()).startsWith(TestMedia.DATA_DIR.resolve("ffmpeg")).isExecutable();
        assertThat(b.environment()).containsKey("LD_LIBRARY_PATH");
    }
}
