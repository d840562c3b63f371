package io.socialsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.Cli;
import io.socialsync.support.Eventually;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code socialsync serve} on the embedded defaults (H2 file, local storage), in a JVM of its own as a user runs
 * it, with no SOCIALSYNC_* environment: it listens on its HTTP port and nowhere else, keeps its files private,
 * and a CLI tool started meanwhile says in one line that serve holds the database.
 */
class ServeOnEmbeddedDefaultsTest {
    static final Path DATA = TestDatabases.tempDir("serve-defaults").resolve("data");
    static final int PORT = ServerTest.freePort();
    static Process serve;

    @BeforeAll
    static void startServe() throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dsocialsync.data-dir=" + DATA, "io.socialsync.cli.SocialSync", "serve", "--no-workers",
                "--port", Integer.toString(PORT));
        builder.environment().keySet().removeIf(k -> k.startsWith("SOCIALSYNC_") || k.startsWith("SPRING_"));
        serve = builder.redirectErrorStream(true).redirectOutput(DATA.resolveSibling("serve.log").toFile()).start();
        Eventually.await("serve to answer on port " + PORT, Duration.ofMinutes(2), () -> {
            if (!serve.isAlive()) throw new AssertionError("serve exited; see " + DATA.resolveSibling("serve.log"));
            return answers();
        });
    }

    /** A graceful stop (SIGTERM) signs the ledger head into storage: H2 must not have closed itself first. */
    @AfterAll
    static void stopServeAndFindItsShutdownCheckpoint() throws InterruptedException, IOException {
        serve.destroy();
        boolean stopped = serve.waitFor(30, TimeUnit.SECONDS);
        if (!stopped) serve.destroyForcibly();
        assertThat(stopped).as("serve stops on SIGTERM").isTrue();
        Path checkpoints = DATA.resolve("files/ledger/checkpoints");
        assertThat(Files.isDirectory(checkpoints)).as("a shutdown checkpoint in " + checkpoints).isTrue();
        try (Stream<Path> files = Files.list(checkpoints)) {
            assertThat(files.filter(f -> f.toString().endsWith(".json")).count()).isPositive();
        }
    }

    @Test
    void noSocketListensButTheHttpPort() throws IOException {
        assertThat(listeningPorts(serve.pid())).containsExactly(PORT);
    }

    @Test
    void aToolSaysInOneLineThatServeHoldsTheDatabase() {
        System.setProperty("socialsync.data-dir", DATA.toString());
        try {
            String expected = "socialsync: the database in " + DATA + " is in use by a running `socialsync serve`"
                    + " (pid " + serve.pid() + "); stop it or run this against its API";
            for (var args : List.of(List.of("apikey", "list"), List.of("ledger", "verify"), List.of("doctor"))) {
                var run = Cli.run(args.toArray(String[]::new));
                assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(1);
                assertThat(run.err().strip()).as(String.join(" ", args)).isEqualTo(expected);
                assertThat(run.out()).as(String.join(" ", args)).isEmpty();
            }
        } finally {
            Cli.forgetDatabase();
        }
    }

    @Test
    void theDataDirectoryAndTheDatabaseArePrivate() throws IOException {
        var dir = PosixFilePermissions.fromString("rwx------");
        var file = PosixFilePermissions.fromString("rw-------");
        assertThat(Files.getPosixFilePermissions(DATA)).isEqualTo(dir);
        try (Stream<Path> children = Files.list(DATA)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                assertThat(Files.getPosixFilePermissions(child)).as(child.toString()).isEqualTo(dir);
            }
        }
        try (Stream<Path> db = Files.list(DATA.resolve("db"))) {
            List<Path> files = db.filter(p -> p.toString().endsWith(".mv.db")).toList();
            assertThat(files).isNotEmpty();
            for (Path f : files) {
                assertThat(Files.getPosixFilePermissions(f)).as(f.toString()).isEqualTo(file);
            }
        }
        try (Stream<Path> work = Files.list(DATA.resolve("work"))) {
            Path own = work.findFirst().orElseThrow();
            assertThat(Files.getPosixFilePermissions(own)).isEqualTo(dir);
            assertThat(Files.getPosixFilePermissions(own.resolve(".lock"))).isEqualTo(file);
        }
    }

    private static boolean answers() {
        try (var http = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/actuator/health/liveness"))
                    .timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** TCP ports in LISTEN state on sockets the process holds open: its fds' socket inodes in /proc/net/tcp{,6}. */
    static Set<Integer> listeningPorts(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                } catch (IOException closedMeanwhile) {
                    // not a socket we care about
                }
            }
        }
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) continue;
            for (String line : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
                String[] f = line.trim().split("\\s+");
                boolean listening = f[3].equals("0A");
                if (listening && inodes.contains(f[9])) {
                    ports.add(Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16));
                }
            }
        }
        if (inodes.isEmpty()) throw new UncheckedIOException(new IOException("no sockets seen for pid " + pid));
        return ports;
    }
}
