package io.socialsync.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The real server JAR as a child process on a free port and its own data directory, with the given heap. */
final class ServerProcess implements AutoCloseable {
    final Process process;
    final int port;
    final Path dataDir;
    final Path log;

    private ServerProcess(Process process, int port, Path dataDir, Path log) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
    }

    static ServerProcess start(Path jar, Path dataDir, String heap, long maxUploadBytes) throws Exception {
        return start(jar, dataDir, heap, maxUploadBytes, false, java.util.Map.of());
    }

    /** @param workers run the job workers in the server too (the pipeline bench), with {@code env} added */
    static ServerProcess start(Path jar, Path dataDir, String heap, long maxUploadBytes, boolean workers,
                               java.util.Map<String, String> env) throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-server.log");
        var command = new java.util.ArrayList<>(List.of(java.toString(), heap));
        String extra = System.getenv("BENCH_SERVER_JAVA_OPTS"); // e.g. a profiler: -XX:StartFlightRecording=...
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        if (!workers) command.add("--no-workers");
        command.addAll(List.of("--port", Integer.toString(port)));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SOCIALSYNC_DATA_DIR", dataDir.toString());
        builder.environment().put("SOCIALSYNC_MAX_UPLOAD_BYTES", Long.toString(maxUploadBytes));
        builder.environment().putAll(env);
        var server = new ServerProcess(builder.start(), port, dataDir, log);
        server.awaitReady(Duration.ofMinutes(3));
        return server;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String adminKey() throws IOException {
        return Files.readString(dataDir.resolve("bootstrap-admin-key")).strip();
    }

    /** VmRSS or VmHWM (the peak) of the server process, in bytes. */
    long memory(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException(field + " not in /proc/" + process.pid() + "/status");
    }

    /** CPU time the server has used so far (user + system), in seconds. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** CPU time of the server and of the children it has waited for (FFmpeg), from /proc: utime+stime+cutime+cstime. */
    double cpuSecondsWithChildren() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = 0;
        for (int i = 11; i <= 14; i++) ticks += Long.parseLong(f[i]);
        return ticks / 100.0; // USER_HZ
    }

    private void awaitReady(Duration timeout) throws Exception {
        var client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited; see " + log);
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/liveness"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 && Files.exists(dataDir.resolve("bootstrap-admin-key"))) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not become ready in " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
