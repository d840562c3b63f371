package io.socialsync.media.render;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.RunOptions;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test-side measurements of rendered files. */
public final class Inspect {
    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS");

    private Inspect() {}

    static OutputProbe probe(Path file) {
        return OutputProbe.of(TestMedia.ffmpeg(), file, null);
    }

    /** Integrated loudness from ebur128's summary (logged at info level, hence the override). */
    static double loudness(Path file) {
        String err = TestMedia.ffmpeg().run(List.of("-loglevel", "info", "-i", Ffmpeg.fileArg(file), "-map", "0:a",
                "-af", "ebur128", "-f", "null", "-"), RunOptions.defaults()).stderrTail();
        Matcher m = INTEGRATED.matcher(err);
        double last = Double.NaN;
        while (m.find()) last = Double.parseDouble(m.group(1));
        return last;
    }

    /** Top-level MP4 box types in file order; {@code +faststart} puts moov before mdat. */
    static List<String> topLevelBoxes(Path file) throws IOException {
        List<String> boxes = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            long left = Files.size(file);
            while (left >= 8) {
                long size = in.readInt() & 0xffffffffL;
                byte[] type = in.readNBytes(4);
                boxes.add(new String(type, StandardCharsets.ISO_8859_1));
                long header = 8;
                if (size == 1) {
                    size = in.readLong();
                    header = 16;
                }
                if (size == 0) break;
                in.skipNBytes(size - header);
                left -= size;
            }
        }
        return boxes;
    }

    /** Mean luma of rows {@code [from, to)} of the frame at {@code seconds}, scaled to 64x64 gray, 0–255. */
    static double rowsMean(Path file, double seconds, int from, int to) throws IOException {
        byte[] px = grayFrame(file, seconds);
        double sum = 0;
        for (int i = from * 64; i < to * 64; i++) sum += px[i] & 0xff;
        return sum / ((to - from) * 64);
    }

    /** Standard deviation of luma over rows {@code [from, to)}: near 0 for a flat area, high for a pattern. */
    static double rowsStdDev(Path file, double seconds, int from, int to) throws IOException {
        byte[] px = grayFrame(file, seconds);
        double mean = rowsMean(file, seconds, from, to);
        double sq = 0;
        for (int i = from * 64; i < to * 64; i++) sq += Math.pow((px[i] & 0xff) - mean, 2);
        return Math.sqrt(sq / ((to - from) * 64));
    }

    /**
     * Y, U and V (0–255, as stored: no range conversion) of the 2x2 pixels at the centre of the frame at
     * {@code seconds}; for 8-bit 4:2:0 files.
     */
    public static int[] centreYuv(Path file, double seconds) throws IOException {
        Path raw = Files.createTempFile(file.getParent(), "frame", ".yuv");
        try {
            TestMedia.ffmpeg().run(List.of("-y", "-ss", Double.toString(seconds), "-i", Ffmpeg.fileArg(file),
                    "-frames:v", "1", "-vf", "crop=2:2", "-f", "rawvideo", Ffmpeg.fileArg(raw)),
                    RunOptions.defaults());
            byte[] px = Files.readAllBytes(raw); // 4 luma bytes, then one U and one V
            return new int[] {px[0] & 0xff, px[4] & 0xff, px[5] & 0xff};
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    static byte[] grayFrame(Path file, double seconds) throws IOException {
        Path raw = Files.createTempFile(file.getParent(), "frame", ".gray");
        try {
            TestMedia.ffmpeg().run(List.of("-y", "-ss", Double.toString(seconds), "-i", Ffmpeg.fileArg(file),
                    "-frames:v", "1", "-vf", "scale=64:64,format=gray", "-f", "rawvideo", Ffmpeg.fileArg(raw)),
                    RunOptions.defaults());
            return Files.readAllBytes(raw);
        } finally {
            Files.deleteIfExists(raw);
        }
    }
}
