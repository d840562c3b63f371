package io.socialsync.ingest.url;

import io.socialsync.jobs.JobFailure;
import io.socialsync.media.ffmpeg.ChildProcesses;
import io.socialsync.media.ffmpeg.FfmpegBinaries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One yt-dlp download into a temporary directory: an argument array (never a shell), our configuration only
 * ({@code --ignore-config}: a user config could add {@code --exec}), its JSON line for title, uploader and
 * duration, progress from its {@code [download] n%} lines, and the whole process tree killed at the time limit.
 * Every connection it makes (the page, its APIs, redirects, the media and its fragments) goes through
 * {@code proxy}, a {@link io.socialsync.net.GuardedProxy}; formats it would fetch with a tool that ignores the proxy
 * (rtmpdump, rtsp and mms players) are never chosen.
 */
final class YtDlpRun {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Protocols downloaded outside yt-dlp's HTTP stack and ffmpeg's http_proxy, so outside the guard. */
    private static final String PROXIED = "[protocol!^=rtmp][protocol!^=rtsp][protocol!^=mms]";
    private static final Pattern PERCENT = Pattern.compile("\\[download]\\s+(\\d+(?:\\.\\d+)?)%");

    record Downloaded(Path file, String title, String uploader, Double durationSeconds) {
    }

    static Downloaded run(Path ytDlp, FfmpegBinaries ffmpeg, String url, String proxy, Path dir, long maxBytes,
                          Duration readTimeout, Duration timeout, UrlIngest.Progress progress) throws IOException, InterruptedException {
        var args = new ArrayList<>(List.of(ytDlp.toString(), "--ignore-config", "--no-playlist", "--no-simulate",
                "--dump-json", "--progress", "--newline", "--max-filesize", Long.toString(maxBytes),
                "--socket-timeout", Long.toString(Math.max(1, readTimeout.toSeconds())),
                "--proxy", proxy, "-f", "bv*" + PROXIED + "+ba" + PROXIED + "/b" + PROXIED, "--merge-output-format", "mp4", "-o", dir.resolve("media.%(ext)s").toString()));
        if (ffmpeg != null) {
            args.addAll(List.of("--ffmpeg-location", ffmpeg.ffmpeg().toString()));
        }
        args.addAll(List.of("--", url));
        var builder = new ProcessBuilder(args).directory(dir.toFile());
        if (ffmpeg != null) {
            builder.environment().putAll(ffmpeg.environment());
        }
        Process process = ChildProcesses.start(builder); // dies with this JVM, like FFmpeg
        process.getOutputStream().close();
        var errors = new ArrayDeque<String>();
        Thread stderr = Thread.ofVirtual().start(() -> lines(process.getErrorStream(), line -> {
            report(line, progress);
            synchronized (errors) {
                errors.addLast(line);
                if (errors.size() > 20) {
                    errors.removeFirst();
                }
            }
        }));
        var info = new JsonNode[1];
        Thread stdout = Thread.ofVirtual().start(() -> lines(process.getInputStream(), line -> {
            if (line.startsWith("{") && info[0] == null) {
                info[0] = json(line);
            } else {
                report(line, progress);
            }
        }));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill(process);
            throw new IOException("yt-dlp took longer than the time limit (socialsync.ingest.url-timeout)");
        }
        stdout.join();
        stderr.join();
        if (process.exitValue() != 0) {
            throw new JobFailure("yt-dlp could not download " + url + ": " + lastError(errors));
        }
        Path file = downloaded(dir);
        JsonNode meta = info[0];
        String uploader = text(meta, "uploader") != null ? text(meta, "uploader") : text(meta, "channel");
        return new Downloaded(file, text(meta, "title"), uploader,
                meta != null && meta.hasNonNull("duration") ? meta.get("duration").asDouble() : null);
    }

    private static void report(String line, UrlIngest.Progress progress) {
        var m = PERCENT.matcher(line);
        if (m.find()) {
            progress.report((int) Double.parseDouble(m.group(1)), "yt-dlp: downloading");
        }
    }

    /** The largest finished file: yt-dlp may leave the separate streams it merged, or a .part of a failed attempt. */
    private static Path downloaded(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches(".*\\.(part|ytdl|json|temp|tmp)$"))
                    .max(Comparator.comparingLong(YtDlpRun::size))
                    .orElseThrow(() -> new JobFailure("yt-dlp finished but left no file"));
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String lastError(ArrayDeque<String> lines) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith("ERROR")).reduce((a, b) -> b)
                    .orElse(lines.isEmpty() ? "exit code without output" : lines.getLast());
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (RuntimeException e) {
            return null; // a line that only looked like JSON; title and uploader stay unknown
        }
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    private static void lines(InputStream in, java.util.function.Consumer<String> each) {
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                each.accept(line);
            }
        } catch (IOException | RuntimeException ignored) {
            // the process went away; its exit code tells the rest
        }
    }

    private static void kill(Process process) {
        var descendants = process.toHandle().descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
