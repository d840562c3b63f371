package io.socialsync.bench.chaos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.socialsync.media.ffmpeg.FfmpegBinaries;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a chaos run stands on, on loopback: PostgreSQL, S3 (s3proxy), a fake Instagram (WireMock), one API
 * node and the worker nodes (child JVMs of the real jar), the workers' data dirs on their own small disk.
 */
final class ChaosRig implements AutoCloseable {
    /** The workers' tmpfs: room for a few renders at once (a 15 s 1080x1920 variant is about 5 MB). */
    private static final int DISK_MB = 160;
    final Path dir;
    final ChaosPostgres postgres;
    final ChaosStorage storage;
    final FakeInstagram instagram = new FakeInstagram();
    final WireMockServer platforms;
    final TempDisk disk;
    final Node api;
    final List<Node> workers = new ArrayList<>();
    final Map<String, String> env = new HashMap<>();
    final Path jar;
    private final int apiPort;

    ChaosRig(ChaosOptions options, Path dir, FfmpegBinaries ffmpeg) throws Exception {
        this.dir = dir;
        this.jar = options.jar();
        Path logs = Files.createDirectories(dir.resolve("logs"));
        postgres = new ChaosPostgres(dir.resolve("pgdata"), freePort());
        storage = new ChaosStorage(Files.createDirectories(dir.resolve("s3")), freePort());
        platforms = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(instagram));
        platforms.start();
        platforms.stubFor(any(urlPathMatching("/v26\\.0/.*")).willReturn(aResponse()
                .withTransformers(FakeInstagram.NAME)));
        disk = TempDisk.at(dir.resolve("workers"), DISK_MB, options.diskFull());
        env.putAll(environment(ffmpeg));
        apiPort = freePort();
        api = new Node("api", dir.resolve("api"), logs.resolve("api.log"), jar,
                List.of("serve", "--no-workers", "--port", Integer.toString(apiPort)), env);
        for (int i = 1; i <= options.workers(); i++) {
            workers.add(new Node("worker-" + i, disk.dir.resolve("worker-" + i), logs.resolve("worker-" + i + ".log"),
                    jar, List.of("worker"), env));
        }
    }

    private Map<String, String> environment(FfmpegBinaries ffmpeg) {
        var random = new SecureRandom();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        byte[] signing = new byte[32];
        random.nextBytes(signing);
        var e = new HashMap<String, String>(ffmpeg.environment());
        e.put("SOCIALSYNC_FFMPEG", ffmpeg.ffmpeg().toString());
        e.put("SOCIALSYNC_FFPROBE", ffmpeg.ffprobe().toString());
        e.put("SOCIALSYNC_DB_URL", postgres.jdbcUrl());
        e.put("SOCIALSYNC_DB_USER", "postgres");
        e.put("SOCIALSYNC_DB_PASSWORD", "");
        e.put("SOCIALSYNC_DB_POOL_SIZE", "6");
        e.put("SOCIALSYNC_SECRET_KEY", Base64.getEncoder().encodeToString(secret));
        e.put("SOCIALSYNC_URL_SIGNING_KEY", Base64.getEncoder().encodeToString(signing));
        e.put("SOCIALSYNC_STORAGE", "s3");
        e.put("SOCIALSYNC_S3_ENDPOINT", storage.endpoint().toString());
        e.put("SOCIALSYNC_S3_BUCKET", ChaosStorage.BUCKET);
        e.put("SOCIALSYNC_S3_PATH_STYLE", "true");
        e.put("SOCIALSYNC_S3_ACCESS_KEY", ChaosStorage.ACCESS_KEY);
        e.put("SOCIALSYNC_S3_SECRET_KEY", ChaosStorage.SECRET_KEY);
        e.put("SOCIALSYNC_INSTAGRAM_BASE_URL", "http://127.0.0.1:" + platforms.port() + "/v26.0");
        e.put("SOCIALSYNC_PUBLISHING_TICK_INTERVAL", "2s");
        e.put("SOCIALSYNC_PLATFORMS_REQUEST_TIMEOUT", "10s");
        e.put("SOCIALSYNC_RATE_LIMIT_PER_MINUTE", "100000");
        // a killed worker's jobs come back after 10 s, not 30; a retry waits at most 30 s, not up to an hour
        e.put("SPRING_APPLICATION_JSON", "{\"socialsync\":{\"jobs\":{\"lease\":\"10s\",\"reaper-interval\":\"2s\","
                + "\"backoff-max\":\"30s\"},\"platforms\":{\"poll-interval\":\"200ms\"}}}");
        return e;
    }

    /** Starts the API node, then the workers, and waits for all of them. */
    Api startNodes(Duration timeout) throws Exception {
        api.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        var http = HttpClient.newHttpClient();
        Path keyFile = api.dataDir.resolve("bootstrap-admin-key");
        while (true) {
            if (!api.alive()) {
                throw new IllegalStateException("the API node exited; see " + api.log);
            }
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 && Files.exists(keyFile)) {
                    break;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the API node did not start in " + timeout + "; see " + api.log);
            }
            Thread.sleep(250);
        }
        for (Node w : workers) {
            w.start();
        }
        while (!workers.stream().allMatch(Node::ready)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the workers did not start in " + timeout + "; see " + dir.resolve("logs"));
            }
            Thread.sleep(250);
        }
        return new Api(baseUrl(), Files.readString(keyFile).strip());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    /** {@code socialsync ledger verify} against the run's database: its exit code. */
    int ledgerVerify(StringBuilder output) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "ledger", "verify").redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("SOCIALSYNC_DATA_DIR", Files.createDirectories(dir.resolve("verify")).toString());
        var p = builder.start();
        output.append(new String(p.getInputStream().readAllBytes()).strip());
        return p.waitFor();
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (Node w : workers) {
            w.stop();
        }
        api.stop();
        platforms.stop();
        storage.close();
        postgres.close();
        disk.close();
    }
}
