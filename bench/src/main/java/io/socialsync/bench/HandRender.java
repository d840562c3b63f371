package io.socialsync.bench;

import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.render.PlannedOutput;
import io.socialsync.media.render.Reframe;
import io.socialsync.media.render.RenderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The baselines: what a person fluent in FFmpeg would type for the same outputs. Each output gets the reframing
 * the renderer chose (crop, blurred pad or plain scale; a fixed centre where the renderer's crop may move), the
 * audio is normalised once, and the encoders use the renderer's settings (libx264 preset and CRF of {@link RenderOptions#defaults()}, AAC 128k).
 */
final class HandRender {
    static final String AUDIO = "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,"
            + "loudnorm=I=-14:TP=-1.5:LRA=11,aresample=48000";
    private final Path source;
    private final List<PlannedOutput> outputs;

    HandRender(Path source, List<PlannedOutput> outputs) {
        this.source = source;
        this.outputs = List.copyOf(outputs);
    }

    /** One decode, {@code split}, one encoder per output. */
    List<String> single(Path dir) {
        int n = outputs.size();
        var graph = new StringBuilder("[0:v]split=" + n);
        for (int i = 0; i < n; i++) graph.append("[s").append(i).append(']');
        for (int i = 0; i < n; i++) graph.append(';').append(video("[s" + i + "]", i, "[v" + i + "]"));
        graph.append(";[0:a]").append(AUDIO).append(",asplit=").append(n);
        for (int i = 0; i < n; i++) graph.append("[a").append(i).append(']');
        var args = new ArrayList<>(List.of("-y", "-i", Ffmpeg.fileArg(source), "-filter_complex", graph.toString()));
        for (int i = 0; i < n; i++) {
            args.addAll(encode("[v" + i + "]", "[a" + i + "]", dir.resolve("one-" + i + ".mp4")));
        }
        return args;
    }

    /** Output {@code i} alone: its own decode of the whole source. */
    List<String> separate(int i, Path dir) {
        String graph = video("[0:v]", i, "[v]") + ";[0:a]" + AUDIO + "[a]";
        var args = new ArrayList<>(List.of("-y", "-i", Ffmpeg.fileArg(source), "-filter_complex", graph));
        args.addAll(encode("[v]", "[a]", dir.resolve("sep-" + i + ".mp4")));
        return args;
    }

    String describe(int i) {
        var o = outputs.get(i);
        return o.width() + "x" + o.height() + " " + String.join(",", o.formatNames()) + ": "
                + o.reframe().getClass().getSimpleName();
    }

    private String video(String in, int i, String out) {
        var o = outputs.get(i);
        String fit = "scale=" + o.width() + ":" + o.height() + ",setsar=1,format=yuv420p";
        return switch (o.reframe()) {
            case Reframe.Scale s -> in + fit + out;
            case Reframe.CropX c -> in + "crop=trunc(ih*" + o.width() + "/" + o.height() + "/2)*2:ih," + fit + out;
            case Reframe.CropY c -> in + "crop=iw:trunc(iw*" + o.height() + "/" + o.width() + "/2)*2," + fit + out;
            case Reframe.BlurPad p -> blurPad(in, i, o, out);
        };
    }

    /** A small blurred copy enlarged behind the fitted picture. */
    private static String blurPad(String in, int i, PlannedOutput o, String out) {
        int bw = o.width() / 8 / 2 * 2;
        int bh = o.height() / 8 / 2 * 2;
        return in + "split[f" + i + "][b" + i + "];[b" + i + "]scale=" + bw + ":" + bh
                + ":force_original_aspect_ratio=increase,crop=" + bw + ":" + bh + ",boxblur=luma_radius='min(w,h)/8'"
                + ":luma_power=2,scale=" + o.width() + ":" + o.height() + "[bg" + i + "];[f" + i + "]scale="
                + o.width() + ":" + o.height() + ":force_original_aspect_ratio=decrease:force_divisible_by=2[fg" + i
                + "];[bg" + i + "][fg" + i + "]overlay=(W-w)/2:(H-h)/2,setsar=1,format=yuv420p" + out;
    }

    private static List<String> encode(String video, String audio, Path file) {
        var o = RenderOptions.defaults();
        return List.of("-map", video, "-map", audio, "-c:v", "libx264", "-preset", o.x264Preset(), "-crf",
                Integer.toString(o.crf()),
                "-profile:v", "high", "-pix_fmt", "yuv420p", "-g", "60", "-c:a", "aac", "-b:a", "128k", "-ar",
                "48000", "-ac", "2", "-movflags", "+faststart", Ffmpeg.fileArg(file));
    }
}
