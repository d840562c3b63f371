package io.socialsync.media.probe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Maps {@code ffprobe -print_format json -show_format -show_streams} output to {@link MediaInfo}. */
final class ProbeParser {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ProbeParser() {}

    /** @throws IllegalArgumentException if the text is not ffprobe JSON */
    static MediaInfo parse(String json, Path file, long sizeBytes) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("ffprobe printed invalid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode format = root.path("format");
        Optional<VideoStream> video = Optional.empty();
        List<AudioStream> audio = new ArrayList<>();
        Duration longestStream = Duration.ZERO;
        for (JsonNode s : root.path("streams")) {
            switch (text(s, "codec_type")) {
                // cover art is a one-frame "video" stream; picking it would make a song look like a video
                case "video" -> {
                    if (video.isEmpty() && !flag(s.path("disposition"), "attached_pic")) video = Optional.of(video(s));
                }
                case "audio" -> audio.add(audio(s));
                default -> { } // data, subtitle, attachment streams: not ours
            }
            Duration d = seconds(text(s, "duration"));
            if (d.compareTo(longestStream) > 0) longestStream = d;
        }
        Duration duration = seconds(text(format, "duration"));
        if (duration.isZero()) duration = longestStream; // some demuxers only know per-stream durations
        return new MediaInfo(file, text(format, "format_name"), duration, sizeBytes, video, audio);
    }

    private static VideoStream video(JsonNode s) {
        long frames = number(s, "nb_frames");
        return new VideoStream(
                (int) number(s, "index"),
                text(s, "codec_name"),
                text(s, "pix_fmt"),
                (int) number(s, "width"),
                (int) number(s, "height"),
                PixelAspect.parse(text(s, "sample_aspect_ratio")),
                rotation(s),
                FrameRate.parse(text(s, "avg_frame_rate")),
                FrameRate.parse(text(s, "r_frame_rate")),
                text(s, "color_transfer"),
                text(s, "color_space"),
                text(s, "color_range"),
                frames > 0 ? OptionalLong.of(frames) : OptionalLong.empty());
    }

    private static AudioStream audio(JsonNode s) {
        return new AudioStream((int) number(s, "index"), text(s, "codec_name"), (int) number(s, "sample_rate"),
                (int) number(s, "channels"), text(s, "channel_layout"));
    }

    /** Display-matrix side data (FFmpeg ≥ 5) wins over the legacy {@code rotate} tag. */
    static int rotation(JsonNode s) {
        for (JsonNode side : s.path("side_data_list")) {
            if (side.has("rotation")) return normalise(Math.round(number(side, "rotation")));
        }
        return normalise(number(s.path("tags"), "rotate"));
    }

    private static int normalise(long degrees) {
        long quarter = Math.round(degrees / 90.0) * 90; // matrices can carry -90.00000x
        return (int) (((quarter % 360) + 360) % 360);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() ? v.asString("") : "";
    }

    /** ffprobe prints most numbers as strings ("44100", "25"); "N/A" and absence give 0. */
    private static long number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isNumber()) return Math.round(v.asDouble(0));
        try {
            return Math.round(Double.parseDouble(text(node, field)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean flag(JsonNode node, String field) {
        return number(node, field) != 0;
    }

    static Duration seconds(String s) {
        try {
            BigDecimal secs = new BigDecimal(s.strip());
            // exact: longValue() wraps a duration beyond 292 years into an arbitrary, even negative, one
            return secs.signum() <= 0 ? Duration.ZERO
                    : Duration.ofNanos(secs.movePointRight(9).setScale(0, RoundingMode.DOWN).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Duration.ZERO; // "N/A" or absent
        }
    }
}
