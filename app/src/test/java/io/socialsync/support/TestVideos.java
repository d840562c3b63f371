package io.socialsync.support;

import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.RunOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real videos made by FFmpeg from its synthetic sources, small enough for tests. */
public final class TestVideos {
    private static final Path DIR = TestDatabases.tempDir("test-videos");
    private static Ffmpeg ffmpeg;

    private TestVideos() {
    }

    public static synchronized Ffmpeg ffmpeg() {
        if (ffmpeg == null) {
            ffmpeg = Ffmpeg.locate(TestDatabases.tempDir("test-ffmpeg"));
        }
        return ffmpeg;
    }

    /**
     * {@code seconds} of 320x180 at 25 fps with a tone, in scenes of 4 s that look different from each other,
     * and a louder, busier second half: something for the analysis to prefer.
     */
    public static synchronized Path music(String name, int seconds) {
        return music(name, seconds, List.of());
    }

    /**
     * {@link #music} whose bytes are its own: the name goes into the file's metadata, so no other test's upload of
     * the same length is the same file (an upload of known bytes is answered as a duplicate in a shared database).
     */
    public static synchronized Path distinctMusic(String name, int seconds) {
        return music("distinct-" + name, seconds, List.of("-metadata", "comment=" + name));
    }

    private static Path music(String name, int seconds, List<String> metadata) {
        Path out = DIR.resolve(name + ".mp4");
        if (Files.exists(out)) {
            return out;
        }
        var args = new ArrayList<>(List.of("-f", "lavfi", "-i",
                "testsrc2=size=320x180:rate=25:duration=" + seconds + ",hue=H=2*PI*floor(t/4)/5",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds
                        + ",volume='if(gt(t," + seconds / 2 + "),1.0,0.1)':eval=frame",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                "-movflags", "+faststart"));
        args.addAll(metadata);
        args.add(Ffmpeg.fileArg(out));
        ffmpeg().run(args, RunOptions.defaults());
        return out;
    }

    /**
     * {@code seconds} of 320x180 at 25 fps with a tone in Ogg: VP8 video and Opus audio, because the bundled FFmpeg
     * has no Theora encoder (its Theora decoder reads both the same way through the Ogg demuxer).
     */
    public static synchronized Path ogg(String name, int seconds) {
        return made(name + ".ogv", List.of("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                "-c:v", "libvpx", "-b:v", "400k", "-c:a", "libopus", "-shortest"));
    }

    /** One black frame of {@code width}x{@code height}, H.264 in MP4 (x264 takes up to 16384 on a side). */
    public static synchronized Path singleFrame(String name, int width, int height) {
        return made(name + ".mp4", List.of("-f", "lavfi", "-i", "color=black:size=" + width + "x" + height
                + ":rate=1:duration=1", "-frames:v", "1", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p"));
    }

    /** A file named {@code fileName} (its extension picks the container) made by FFmpeg with {@code args}. */
    public static synchronized Path made(String fileName, List<String> args) {
        Path out = DIR.resolve(fileName);
        if (Files.exists(out)) {
            return out;
        }
        var all = new ArrayList<>(args);
        all.add(Ffmpeg.fileArg(out));
        ffmpeg().run(all, RunOptions.defaults());
        return out;
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
