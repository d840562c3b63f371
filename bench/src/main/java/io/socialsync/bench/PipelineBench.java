package io.socialsync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/pipeline: what a user waits for. A 4-minute 1080p30 music-video-like source goes through the real server
 * (workers on): upload, probe and analysis, then its top clips rendered for three platforms, until every variant
 * is READY. Prints wall time as a fraction of the source's duration and CPU seconds per output minute; the last
 * line is a summary, ok=true when the wall time is at most half the source's duration.
 */
public final class PipelineBench {
    private static final double TARGET = 0.5;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        var o = PipelineOptions.parse(args);
        Path source = BenchMedia.open().musicVideo();
        double sourceSeconds = 240;
        Path dir = Files.createTempDirectory(o.dir(), "socialsync-pipeline-bench-");
        System.out.printf("pipeline: %s (%.0f s, %.0f MB) -> top %d clips x %s; load before %s; %d cores%n",
                source.getFileName(), sourceSeconds, Files.size(source) / 1e6, o.clips(), o.formats(),
                CpuUse.loadAverage(), Runtime.getRuntime().availableProcessors());
        try (var server = ServerProcess.start(o.jar(), dir.resolve("data"), o.heap(), 8L << 30, true, o.env())) {
            String key = server.adminKey();
            double cpu0 = server.cpuSecondsWithChildren();
            long t0 = System.nanoTime();
            long video = upload(server.baseUrl(), key, source).path("video").path("id").asLong();
            double uploaded = since(t0);
            JsonNode v = await(server.baseUrl(), key, "/videos/" + video, "READY", "REJECTED|FAILED");
            double analysed = since(t0);
            List<JsonNode> clips = new ArrayList<>();
            get(server.baseUrl(), key, "/videos/" + video + "/clips").forEach(clips::add);
            clips.sort(Comparator.comparingInt(c -> -c.path("score").asInt()));
            var variants = new ArrayList<Long>();
            double clipSeconds = 0;
            for (JsonNode clip : clips.subList(0, Math.min(o.clips(), clips.size()))) {
                clipSeconds += clip.path("duration_seconds").asDouble();
                var body = JSON.writeValueAsString(Map.of("platforms", o.formats()));
                post(server.baseUrl(), key, "/clips/" + clip.path("id").asLong() + "/variants", body)
                        .path("variants").forEach(x -> variants.add(x.path("id").asLong()));
            }
            double outputMinutes = 0;
            for (long id : variants) {
                outputMinutes += await(server.baseUrl(), key, "/variants/" + id, "READY", "FAILED")
                        .path("duration_seconds").asDouble(0) / 60;
            }
            double wall = since(t0);
            double cpu = server.cpuSecondsWithChildren() - cpu0;
            System.out.printf("upload %.1f s, probe + analysis done at %.1f s (%d clips found, duration %s s)%n",
                    uploaded, analysed, clips.size(), v.path("duration_seconds").asString("?"));
            System.out.printf("render: %d variants of %d clips (%.0f s of clips) READY after another %.1f s%n",
                    variants.size(), Math.min(o.clips(), clips.size()), clipSeconds, wall - analysed);
            System.out.printf("cpu: server + FFmpeg %.0f s = %.1f CPU-s per output minute (%.1f output minutes)%n",
                    cpu, cpu / outputMinutes, outputMinutes);
            System.out.printf("load after %s%n", CpuUse.loadAverage());
            System.out.printf("summary: source=%.0fs wall=%.1fs ratio=%.2f analysis=%.1fs render=%.1fs variants=%d "
                            + "cpu_per_output_min=%.1fs target=%.2f ok=%b%n", sourceSeconds, wall, wall / sourceSeconds,
                    analysed, wall - analysed, variants.size(), cpu / outputMinutes, TARGET,
                    wall / sourceSeconds <= TARGET && variants.size() == o.clips() * o.formats().size());
        } finally {
            if (!o.keep()) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Polls until {@code field state} is {@code done}; a state matching {@code failed} ends the bench. */
    private static JsonNode await(String base, String key, String path, String done, String failed)
            throws Exception {
        while (true) {
            JsonNode n = get(base, key, path);
            String state = n.path("state").asString("");
            if (state.equals(done)) return n;
            if (state.matches(failed)) throw new IllegalStateException(path + " ended " + state + ": " + n);
            Thread.sleep(250);
        }
    }

    private static JsonNode upload(String base, String key, Path file) throws Exception {
        String boundary = "----pipeline" + System.nanoTime();
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"song.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
        return send(request(base, key, "/upload").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body));
    }

    private static JsonNode get(String base, String key, String path) throws Exception {
        return send(request(base, key, path).GET());
    }

    private static JsonNode post(String base, String key, String path, String json) throws Exception {
        return send(request(base, key, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpRequest.Builder request(String base, String key, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key);
    }

    private static JsonNode send(HttpRequest.Builder request) throws Exception {
        var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
