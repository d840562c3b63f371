package io.socialsync.bench;

import io.socialsync.media.ffmpeg.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Synthetic sources, generated once into a cache directory (they cost minutes on a loaded machine): FFmpeg's
 * testsrc2 (moving, detailed, with colour) and a sine tone, so decode and encode do realistic work.
 */
final class BenchMedia {
    final Path cache;
    final Ffmpeg ffmpeg;
    final BareFfmpeg bare;

    static {
        // a benchmark stopped with Ctrl-C or kill must not leave FFmpeg running on (and writing into the cache)
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
    }

    BenchMedia(Path cache) {
        this.cache = cache;
        this.ffmpeg = Ffmpeg.locate(cache);
        this.bare = new BareFfmpeg(ffmpeg.binaries());
    }

    /** {@code BENCH_CACHE}, else {@code ~/.cache/socialsync-bench}. */
    static BenchMedia open() {
        String dir = System.getenv("BENCH_CACHE");
        Path cache = dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".cache", "socialsync-bench");
        return new BenchMedia(cache);
    }

    /** 60 s of 1920x1080 at 30 fps, H.264 and AAC 48 kHz: the render benchmark's source. */
    Path source1080p() {
        return generate("src-1080p30-60s.mp4", "testsrc2=size=1920x1080:rate=30:duration=60", 60, "veryfast");
    }

    /**
     * bench/pipeline's source, music-video-like: 240 s of 1920x1080 at 30 fps with a dim, quiet 12 s intro, then
     * a scene cut every 5–11 s between unlike pictures, over a 120 bpm beat whose two choruses are louder.
     */
    Path musicVideo() {
        String name = "src-musicvideo-1080p30-240s.mp4";
        Path out = cache.resolve(name);
        if (Files.exists(out)) return out;
        System.err.println("generating " + out + " (once; cached)");
        String[] scenes = {"testsrc2", "mandelbrot", "smptehdbars", "cellauto", "rgbtestsrc", "life", "testsrc"};
        var graph = new StringBuilder("gradients=s=1920x1080:r=30:d=12:speed=0.02,eq=brightness=-0.3[p0];");
        int parts = 1;
        for (double t = 12; t < 240; parts++) {
            double d = Math.min(5 + (parts * 5 % 7), 240 - t); // 5..11 s, the same every run
            String scene = scenes[parts % scenes.length];
            // the costly generators draw small and are scaled up; not every source takes a duration, trim does
            String size = List.of("cellauto", "life", "mandelbrot").contains(scene) ? "480x270" : "1920x1080";
            graph.append(scene).append("=s=").append(size).append(":r=30,trim=duration=").append((int) d)
                    .append(",setpts=PTS-STARTPTS,scale=1920:1080,format=yuv420p,hue=h=").append(parts * 40 % 360)
                    .append("[p").append(parts).append("];");
            t += d;
        }
        for (int i = 0; i < parts; i++) graph.append("[p").append(i).append(']');
        graph.append("concat=n=").append(parts).append(":v=1:a=0,format=yuv420p[v];")
                .append("aevalsrc='(if(lt(t,12),0.08,1)+0.6*(between(t,90,120)+between(t,180,210)))*(0.5*sin(2*PI*55*t)")
                .append("*exp(-18*mod(t,0.5))+0.15*sin(2*PI*440*t)+0.1*sin(2*PI*660*t))':s=48000:d=240,")
                .append("aformat=channel_layouts=stereo[a]");
        Path tmp = partFile(name);
        bare.run(List.of("-y", "-filter_complex", graph.toString(), "-map", "[v]", "-map", "[a]", "-c:v", "libx264",
                "-preset", "veryfast", "-crf", "23", "-g", "60", "-bf", "3", "-c:a", "aac", "-b:a", "128k",
                "-movflags", "+faststart", "-t", "240", Ffmpeg.fileArg(tmp)));
        return moved(tmp, out);
    }

    /** 320x180 at 25 fps, ultrafast: cheap to make, for the memory runs on long inputs. */
    Path lowRes(int minutes) {
        return generate("src-180p-" + minutes + "min.mp4", "testsrc2=size=320x180:rate=25:duration=" + minutes * 60,
                minutes * 60, "ultrafast");
    }

    /** {@code base} repeated {@code times} times by stream copy: a long input in seconds instead of an encode. */
    Path looped(Path base, int times, String name) {
        Path out = cache.resolve(name);
        if (Files.exists(out)) return out;
        Path tmp = partFile(name);
        bare.run(List.of("-y", "-stream_loop", Integer.toString(times - 1), "-i", Ffmpeg.fileArg(base), "-c", "copy",
                "-movflags", "+faststart", Ffmpeg.fileArg(tmp)));
        return moved(tmp, out);
    }

    private Path generate(String name, String video, int seconds, String preset) {
        Path out = cache.resolve(name);
        if (Files.exists(out)) return out;
        System.err.println("generating " + out + " (once; cached)");
        Path tmp = partFile(name);
        bare.run(List.of("-y", "-f", "lavfi", "-i", video, "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000:duration=" + seconds, "-c:v", "libx264", "-preset", preset,
                "-crf", "23", "-pix_fmt", "yuv420p", "-g", "60", "-c:a", "aac", "-b:a", "128k", "-shortest",
                "-movflags", "+faststart", Ffmpeg.fileArg(tmp)));
        return moved(tmp, out);
    }

    /** A name of its own per run: a concurrent or killed run must not write into the file this one renames. */
    private Path partFile(String name) {
        try {
            Files.createDirectories(cache);
            return Files.createTempFile(cache, name + ".", ".part.mp4");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path moved(Path tmp, Path out) {
        try {
            return Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
