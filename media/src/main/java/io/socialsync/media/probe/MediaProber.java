package io.socialsync.media.probe;

import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.FfmpegException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Runs ffprobe on a local file and turns its failures into {@link Rejection}s a user can act on. */
public final class MediaProber {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** ISO-BMFF (MP4/MOV) top-level box types that can open a file. */
    private static final Set<String> MP4_BOXES = Set.of("ftyp", "moov", "mdat", "free", "wide", "skip");

    private final Ffmpeg ffmpeg;
    private final Duration timeout;

    public MediaProber(Ffmpeg ffmpeg) {
        this(ffmpeg, DEFAULT_TIMEOUT);
    }

    public MediaProber(Ffmpeg ffmpeg, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
    }

    /**
     * @throws MediaRejectedException if the file is missing, empty, unrecognised, truncated or unreadable
     * @throws FfmpegException.Cancelled if {@code cancel} fires; other {@link FfmpegException}s if ffprobe is broken
     */
    public MediaInfo probe(Path file, CancelToken cancel) {
        if (!Files.isRegularFile(file)) throw reject(new Rejection.NotFound(file));
        long size = size(file);
        if (size == 0) throw reject(new Rejection.NotMedia("the file is empty"));
        Ffmpeg.ProbeOutput out;
        try {
            out = ffmpeg.probe(List.of("-hide_banner", "-v", "error", "-print_format", "json", "-show_format",
                    "-show_streams", Ffmpeg.fileArg(file)), timeout, cancel);
        } catch (FfmpegException.TimedOut e) {
            throw reject(new Rejection.Unreadable("ffprobe did not finish within " + timeout.toSeconds() + " s"));
        }
        if (out.exitCode() != 0) throw reject(classify(out.stderr(), file));
        try {
            return ProbeParser.parse(out.stdout(), file, size);
        } catch (IllegalArgumentException e) {
            throw reject(new Rejection.Unreadable(e.getMessage()));
        }
    }

    public MediaInfo probe(Path file) {
        return probe(file, null);
    }

    /**
     * FFmpeg says "moov atom not found" both for a cut-off MP4 and for any junk named {@code .mp4} (the extension
     * picks the demuxer), so look at the first box to tell them apart.
     */
    static Rejection classify(String stderr, Path file) {
        if (stderr.contains("moov atom not found")) {
            return startsWithMp4Box(file)
                    ? new Rejection.Truncated("the MP4/MOV index (moov atom) is missing")
                    : new Rejection.NotMedia("FFmpeg does not recognise its format");
        }
        if (stderr.contains("Invalid data found when processing input")) {
            return new Rejection.NotMedia("FFmpeg does not recognise its format");
        }
        String[] lines = stderr.strip().split("\\R");
        return new Rejection.Unreadable(lines[lines.length - 1].strip());
    }

    private static boolean startsWithMp4Box(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return head.length == 8 && MP4_BOXES.contains(new String(head, 4, 4, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return false;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MediaRejectedException reject(Rejection r) {
        return new MediaRejectedException(r);
    }
}
