package io.socialsync.media.render;

import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.probe.FrameRate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What ffprobe says about an output, including what upload checks care about and {@code MediaInfo} leaves out
 * (H.264 profile, colour tags). Absent values are empty strings or 0.
 */
public record OutputProbe(String videoCodec, String profile, String pixelFormat, int width, int height,
                          FrameRate fps, int rotation, String colorPrimaries, String colorTransfer,
                          String audioCodec, int sampleRate, int channels, double videoSeconds,
                          double audioSeconds, double formatSeconds) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static OutputProbe of(Ffmpeg ffmpeg, Path file, CancelToken cancel) {
        Ffmpeg.ProbeOutput out = ffmpeg.probe(List.of("-v", "error", "-print_format", "json", "-show_format",
                "-show_streams", Ffmpeg.fileArg(file)), Duration.ofSeconds(60), cancel);
        if (out.exitCode() != 0) {
            throw new RenderException.BadOutput(file.toString(), List.of("ffprobe failed: " + out.stderr().strip()));
        }
        return parse(out.stdout());
    }

    static OutputProbe parse(String json) {
        JsonNode root = JSON.readTree(json);
        JsonNode v = JSON.createObjectNode();
        JsonNode a = JSON.createObjectNode();
        for (JsonNode s : root.path("streams")) {
            String type = s.path("codec_type").asString("");
            if (type.equals("video") && v.isEmpty()) v = s;
            if (type.equals("audio") && a.isEmpty()) a = s;
        }
        FrameRate fps = FrameRate.parse(v.path("avg_frame_rate").asString(""));
        if (!fps.isKnown()) fps = FrameRate.parse(v.path("r_frame_rate").asString(""));
        int rotation = 0;
        for (JsonNode side : v.path("side_data_list")) {
            if (side.has("rotation")) rotation = (int) Math.round(num(side.path("rotation")));
        }
        return new OutputProbe(v.path("codec_name").asString(""), v.path("profile").asString(""),
                v.path("pix_fmt").asString(""), (int) num(v.path("width")), (int) num(v.path("height")), fps, rotation,
                v.path("color_primaries").asString(""), v.path("color_transfer").asString(""),
                a.path("codec_name").asString(""), (int) num(a.path("sample_rate")), (int) num(a.path("channels")),
                num(v.path("duration")), num(a.path("duration")), num(root.path("format").path("duration")));
    }

    /** ffprobe prints most numbers as strings; "N/A" and absence give 0. */
    private static double num(JsonNode n) {
        if (n.isNumber()) return n.asDouble(0);
        try {
            return Double.parseDouble(n.asString(""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
