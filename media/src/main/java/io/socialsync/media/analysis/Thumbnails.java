package io.socialsync.media.analysis;

import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.VideoStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * JPEG previews: one thumbnail per clip and a contact sheet per video. Both seek with {@code -ss} before
 * {@code -i} (keyframe seek plus a short decode) instead of decoding the whole video, so a 2-hour source costs
 * about as much as a 2-minute one.
 */
public final class Thumbnails {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** Thumbnails are previews; wider frames are scaled down. */
    private static final int MAX_WIDTH = 1280;
    private static final int SHEET_CELL_WIDTH = 320;

    private final Ffmpeg ffmpeg;

    public Thumbnails(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /**
     * Writes a JPEG of the clip's most representative frame ({@link ThumbnailPicker#time}) to {@code out}.
     *
     * @return the source time in seconds the frame was taken from
     */
    public double clipThumbnail(Path video, MediaInfo info, ClipCandidate clip, Signals signals, Path out,
                                CancelToken cancel) {
        double t = ThumbnailPicker.time(clip, signals);
        List<String> args = List.of("-ss", seconds(t), "-i", Ffmpeg.fileArg(video),
                "-map", "0:" + info.requireVideo().index(), "-frames:v", "1",
                "-vf", "scale='min(" + MAX_WIDTH + ",iw)':-2", "-q:v", "3", "-f", "mjpeg");
        JpegOutput.write(out, part -> ffmpeg.run(append(args, Ffmpeg.fileArg(part)),
                RunOptions.defaults().withTimeout(TIMEOUT).withCancel(cancel)));
        return t;
    }

    /** A 4×4 contact sheet. */
    public void contactSheet(Path video, MediaInfo info, Path out, CancelToken cancel) {
        contactSheet(video, info, out, 4, 4, cancel);
    }

    /**
     * Writes a {@code columns × rows} grid of evenly spaced frames (cells 320 px wide, the source's aspect ratio)
     * to {@code out} as a JPEG.
     */
    public void contactSheet(Path video, MediaInfo info, Path out, int columns, int rows, CancelToken cancel) {
        if (columns < 1 || rows < 1) throw new IllegalArgumentException("grid must be at least 1x1");
        VideoStream v = info.requireVideo();
        int cells = columns * rows;
        int cellHeight = Math.clamp(2 * Math.round(SHEET_CELL_WIDTH * (double) v.height() / v.width() / 2), 2, 576);
        double duration = Math.max(0.04, info.duration().toMillis() / 1000.0);
        List<String> args = new ArrayList<>();
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < cells; i++) {
            args.addAll(List.of("-ss", seconds((i + 0.5) * duration / cells), "-i", Ffmpeg.fileArg(video)));
            // one frame per input, letterboxed into the cell, so concat sees identical sizes
            graph.append("[%d:%d]trim=end_frame=1,scale=%d:%d:force_original_aspect_ratio=decrease".formatted(
                    i, v.index(), SHEET_CELL_WIDTH, cellHeight));
            graph.append(",pad=%d:%d:-1:-1,setsar=1[c%d];".formatted(SHEET_CELL_WIDTH, cellHeight, i));
        }
        for (int i = 0; i < cells; i++) graph.append("[c").append(i).append(']');
        graph.append("concat=n=%d:v=1:a=0,tile=%dx%d:padding=2[sheet]".formatted(cells, columns, rows));
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[sheet]", "-frames:v", "1", "-q:v", "3",
                "-f", "mjpeg"));
        JpegOutput.write(out, part -> ffmpeg.run(append(args, Ffmpeg.fileArg(part)),
                RunOptions.defaults().withTimeout(TIMEOUT).withCancel(cancel)));
    }

    private static List<String> append(List<String> args, String last) {
        List<String> all = new ArrayList<>(args);
        all.add(last);
        return all;
    }

    private static String seconds(double t) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, t));
    }
}
