package io.socialsync.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Work directories of dead processes are swept, those of live ones kept. The owners are real processes (child
 * JVMs), so the locks are the kernel's, and the dead one dies by SIGKILL, skipping every cleanup.
 */
class OwnedDirTest {
    final Path parent = TestDatabases.tempDir("owned-dir").resolve("work");

    @Test
    void aDeadProcessesDirectoryIsSweptALiveOnesKept() throws Exception {
        var live = Holder.start(parent, "serve");
        var dead = Holder.start(parent, "worker");
        try (var ours = OwnedDir.claim(parent, "pid=1 command=tool")) {
            Path leftover = Files.createDirectories(dead.dir.resolve("render-123")).resolve("out.mp4");
            Files.write(leftover, new byte[1000]);
            dead.process.destroyForcibly().waitFor();

            assertThat(OwnedDir.sweep(parent, Instant.now())).containsExactly(dead.dir);
            assertThat(dead.dir).doesNotExist();
            assertThat(live.dir).isDirectory();
            assertThat(ours.path()).isDirectory();
            assertThat(OwnedDir.liveOwners(parent)).extracting(OwnedDir.Owner::note)
                    .containsExactly("pid=" + live.process.pid() + " command=serve");

            live.process.destroyForcibly().waitFor();
            assertThat(OwnedDir.sweep(parent, Instant.now())).containsExactly(live.dir);
            assertThat(ours.path()).isDirectory();
        } finally {
            live.process.destroyForcibly();
            dead.process.destroyForcibly();
        }
    }

    @Test
    void directoriesAndLockFilesArePrivateAndACleanCloseDeletesItsOwn() throws Exception {
        Path dir;
        try (var ours = OwnedDir.claim(parent, "pid=1")) {
            dir = ours.path();
            assertThat(Files.getPosixFilePermissions(parent)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(dir.resolve(OwnedDir.LOCK)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(OwnedDir.sweep(parent, Instant.now())).isEmpty();
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void aDirectoryWithoutALockIsAClaimInProgressUntilItIsOld() throws Exception {
        Path claiming = Files.createDirectories(parent.resolve("being-claimed"));
        Instant now = Files.getLastModifiedTime(claiming).toInstant();
        assertThat(OwnedDir.sweep(parent, now.plus(Duration.ofMinutes(1)))).isEmpty();
        assertThat(OwnedDir.sweep(parent, now.plus(Duration.ofMinutes(11)))).containsExactly(claiming);
    }

    @Test
    void twoOwnersInOneJvmClaimingAndSweepingAtOnceNeverLoseTheirDirectories() throws Exception {
        // two contexts (or two LocalStorages on one root) starting together in one JVM: one's sweep must neither
        // delete the other's fresh directory nor make its claim fail
        var errors = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
        var start = new java.util.concurrent.CountDownLatch(1);
        var threads = new java.util.ArrayList<Thread>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 300; i++) {
                        try (var owned = OwnedDir.claim(parent, "pid=1 command=tool")) {
                            OwnedDir.sweep(parent, Instant.now());
                            if (!Files.exists(owned.path().resolve(OwnedDir.LOCK))) {
                                throw new AssertionError("a live directory was swept: " + owned.path());
                            }
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void nodesStartingTogetherSweepTheSameOldLeftoversWithoutFailing() throws Exception {
        // what a version before per-process directories left in work/ (no lock file), found by several nodes
        // starting at once after the upgrade: each sweep deletes what the others have not, none fails its start
        for (int round = 0; round < 5; round++) {
            Path old = parent.resolve("render-" + round);
            for (int d = 0; d < 100; d++) {
                Path sub = Files.createDirectories(old.resolve("part-" + d).resolve("frames"));
                Files.write(sub.resolve("f.bin"), new byte[16]);
            }
            Instant later = Files.getLastModifiedTime(old).toInstant().plus(Duration.ofHours(1));
            var errors = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
            var start = new java.util.concurrent.CountDownLatch(1);
            var threads = new java.util.ArrayList<Thread>();
            for (int t = 0; t < 4; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        OwnedDir.sweep(parent, later);
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            start.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertThat(errors).isEmpty();
            assertThat(old).doesNotExist();
        }
    }

    /** Another process owning a directory of {@code parent}. */
    record Holder(Process process, Path dir) {
        static Holder start(Path parent, String command) throws Exception {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), parent.toString(), command).redirectErrorStream(true).start();
            var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String dir = out.lines().filter(l -> l.startsWith("dir=")).findFirst()
                    .orElseThrow(() -> new AssertionError("the holder printed no directory")).substring(4);
            return new Holder(p, Path.of(dir));
        }
    }

    public static final class Main {
        public static void main(String[] args) throws Exception {
            var dir = OwnedDir.claim(Path.of(args[0]), "pid=" + ProcessHandle.current().pid() + " command=" + args[1]);
            System.out.println("dir=" + dir.path());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(2)); // killed by the test long before
        }
    }
}
