package io.socialsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/** Private modes whatever the umask (the test JVM's is the usual 022): set in Java, not inherited. */
class PrivateFilesTest {
    static final java.util.Set<java.nio.file.attribute.PosixFilePermission> DIR =
            PosixFilePermissions.fromString("rwx------");
    static final java.util.Set<java.nio.file.attribute.PosixFilePermission> FILE =
            PosixFilePermissions.fromString("rw-------");
    final Path tmp = TestDatabases.tempDir("private-files");

    @Test
    void filesWrittenThroughItAre0600() throws Exception {
        Path file = tmp.resolve("out.bin");
        try (var out = PrivateFiles.newOutputStream(file)) {
            out.write(new byte[] {1, 2, 3});
        }
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(FILE);
        assertThat(file).hasSize(3);
    }

    @Test
    void anOldDataDirectoryIsTightenedOnStart() throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("tus"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        var env = new MockEnvironment().withProperty("socialsync.data-dir", data.toString());
        var properties = Binder.get(env).bindOrCreate("socialsync", SocialSyncProperties.class);

        var dir = new DataDirectory(properties);

        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(DIR);
        assertThat(Files.getPosixFilePermissions(data.resolve("tus"))).isEqualTo(DIR);
        assertThat(Files.getPosixFilePermissions(data.resolve("db"))).isEqualTo(DIR);
        assertThat(Files.getPosixFilePermissions(dir.privateDirectory("work/x"))).isEqualTo(DIR);
    }
}
