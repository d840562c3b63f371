package io.socialsync.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.TestDatabases;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Puts write their temp files in the process's own .tmp directory; a new process deletes a dead one's. */
class LocalStorageTempFilesTest {
    final Path root = TestDatabases.tempDir("local-temp").resolve("files");
    final UrlSigner signer = new UrlSigner("k".repeat(32).getBytes(StandardCharsets.UTF_8), "http://localhost/");

    @Test
    void theTempFilesOfAKilledPutAreDeletedByTheNextProcess() throws Exception {
        // what a process killed mid-put leaves: its directory, a lock file nobody holds, a partial temp file
        Path dead = Files.createDirectories(root.resolve(".tmp/0d1e2f3a-dead"));
        Files.writeString(dead.resolve(".lock"), "pid=1\n");
        Files.write(dead.resolve(".put-123.tmp"), new byte[4096]);

        try (var storage = new LocalStorage(root, signer, Clock.systemUTC())) {
            assertThat(dead).doesNotExist();
            storage.put(StorageKey.of("v/a.mp4"), new ByteArrayInputStream(new byte[10]), 10, "video/mp4");
            Path stored = root.resolve("v/a.mp4");
            assertThat(Files.getPosixFilePermissions(stored)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(storage.list("").map(StoredObject::key).map(StorageKey::value)).containsExactly("v/a.mp4");
            try (Stream<Path> temps = Files.walk(root.resolve(".tmp"))) {
                assertThat(temps.filter(p -> p.getFileName().toString().startsWith(".put-"))).isEmpty();
            }
            try (Stream<Path> beside = Files.list(root.resolve("v"))) {
                assertThat(beside.map(p -> p.getFileName().toString())).containsExactly("a.mp4");
            }
        }
        try (Stream<Path> left = Files.list(root.resolve(".tmp"))) {
            assertThat(left).as("a clean close deletes its own directory").isEmpty();
        }
    }
}
