package io.socialsync.bench.chaos;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One SocialSync JVM from the real jar, with its own data directory (kept across its restarts, as a node's
 * disk is) and a log that every generation appends to.
 */
final class Node {
    /** Small heaps and the C1 compiler only: dozens of restarts on a small machine. */
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    final String name;
    final Path dataDir;
    final Path log;
    private final List<String> command;
    private final Map<String, String> env;
    private Process process;
    private long logStart;
    private int generation;
    private boolean readySeen;

    Node(String name, Path dataDir, Path log, Path jar, List<String> roleArgs, Map<String, String> env) throws IOException {
        this.name = name;
        this.dataDir = dataDir;
        this.log = log;
        Files.createDirectories(dataDir.resolve("tmp"));
        var cmd = new ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM);
        cmd.add("-Djava.io.tmpdir=" + dataDir.resolve("tmp")); // the node's temp files stay in its own data dir
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(roleArgs);
        this.command = cmd;
        this.env = env;
    }

    synchronized void start() throws IOException {
        Files.createDirectories(dataDir.resolve("tmp"));
        logStart = Files.exists(log) ? Files.size(log) : 0;
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("SOCIALSYNC_DATA_DIR", dataDir.toString());
        generation++;
        readySeen = false;
        process = builder.start();
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** Up: the current generation logged that Spring started. */
    synchronized boolean ready() {
        if (!alive()) {
            return false;
        }
        if (readySeen) {
            return true;
        }
        try (var file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length() - logStart;
            if (length <= 0) {
                return false;
            }
            byte[] bytes = new byte[(int) Math.min(length, 1 << 20)];
            file.seek(logStart);
            file.readFully(bytes);
            readySeen = new String(bytes, StandardCharsets.UTF_8).contains("Started SocialSync ");
            return readySeen;
        } catch (IOException e) {
            return false;
        }
    }

    synchronized ProcessHandle handle() {
        return process.toHandle();
    }

    synchronized boolean runsFfmpeg() {
        return alive() && process.toHandle().descendants().anyMatch(Orphans::isFfmpeg);
    }

    /**
     * {@code kill -9}: returns the FFmpeg processes it had just before, told apart before the kill (a child that
     * dies with its JVM leaves no /proc entry to read afterwards).
     */
    synchronized List<ProcessHandle> kill9() throws InterruptedException {
        var ffmpeg = process.toHandle().descendants().filter(Orphans::isFfmpeg).toList();
        process.destroyForcibly(); // SIGKILL on Linux
        process.waitFor();
        return ffmpeg;
    }

    /** A clean stop (SIGTERM) at the end of the run. */
    synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    synchronized int generation() {
        return generation;
    }
}
