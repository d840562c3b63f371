package io.socialsync.media.analysis;

import io.socialsync.media.TestMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tiny lavfi-made inputs with known content: cuts at known times, loud and quiet sections, no audio. */
final class SyntheticVideos {
    static final String SIZE = "320x180";
    static final int FPS = 25;

    private SyntheticVideos() {}

    /** One segment of a cut test: a lavfi source chain producing {@code seconds} of 320x180@25 video. */
    record Segment(String chain, double seconds) {}

    /**
     * Concatenates segments (each a different picture) into an H.264 file; the truth cuts are the segment
     * boundaries.
     */
    static Path concat(Path out, List<Segment> segments) {
        return concat(out, segments, null, "-preset", "ultrafast", "-g", "50");
    }

    /**
     * The same as an upload from a camera or an editor would be: libx264 {@code veryfast} (3 B-frames, B-pyramid,
     * deblocking), with a 440 Hz tone whose level is {@code volumeExpr} (an FFmpeg expression of {@code t}).
     */
    static Path concatWithBFrames(Path out, List<Segment> segments, String volumeExpr) {
        return concat(out, segments, volumeExpr, "-preset", "veryfast", "-bf", "3", "-b_strategy", "0");
    }

    private static Path concat(Path out, List<Segment> segments, String volumeExpr, String... x264) {
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            graph.append(s.chain()).append(",trim=duration=").append(s.seconds())
                    .append(",setpts=PTS-STARTPTS,format=yuv420p,setsar=1[s").append(i).append("];");
        }
        for (int i = 0; i < segments.size(); i++) graph.append("[s").append(i).append(']');
        graph.append("concat=n=").append(segments.size()).append(":v=1:a=0[v]");
        List<String> args = new ArrayList<>();
        if (volumeExpr != null) {
            double seconds = segments.stream().mapToDouble(Segment::seconds).sum();
            args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=" + seconds));
            graph.append(";[0:a]volume='").append(volumeExpr).append("':eval=frame[a]");
        }
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v]"));
        if (volumeExpr != null) args.addAll(List.of("-map", "[a]", "-c:a", "aac"));
        args.addAll(List.of("-c:v", "libx264"));
        args.addAll(List.of(x264));
        args.addAll(List.of("-pix_fmt", "yuv420p"));
        return TestMedia.synth(out, args.toArray(String[]::new));
    }

    static List<Double> boundaries(List<Segment> segments) {
        List<Double> cuts = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < segments.size() - 1; i++) cuts.add(t += segments.get(i).seconds());
        return cuts;
    }

    /** A source chain at the test size and rate. */
    static String src(String lavfi) {
        return lavfi + (lavfi.contains("=") ? ":" : "=") + "s=" + SIZE + ":r=" + FPS;
    }

    /**
     * testsrc2 video of {@code seconds} with a 440 Hz tone whose level is set by {@code volumeExpr} (an FFmpeg
     * expression of {@code t}), or no audio when it is null.
     */
    static Path withAudio(Path out, int seconds, String size, String volumeExpr) {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i",
                "testsrc2=size=" + size + ":rate=" + FPS + ":duration=" + seconds));
        if (volumeExpr != null) {
            args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=" + seconds,
                    "-filter_complex", "[1:a]volume='" + volumeExpr + "':eval=frame[a]", "-map", "0:v",
                    "-map", "[a]", "-c:a", "aac"));
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
        return TestMedia.synth(out, args.toArray(String[]::new));
    }
}
