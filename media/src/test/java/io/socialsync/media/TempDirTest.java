package io.socialsync.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempDirTest {
    @TempDir
    Path work;

    @Test
    void deletesNestedContentOnCloseAndToleratesASecondClose() throws Exception {
        io.socialsync.media.TempDir tmp = io.socialsync.media.TempDir.create(work, "job-");
        Files.createDirectories(tmp.resolve("a/b"));
        Files.writeString(tmp.resolve("a/b/c.txt"), "x");
        tmp.close();
        tmp.close();
        assertThat(tmp.path()).doesNotExist();
        assertThat(work).isEmptyDirectory();
    }
}
