package io.socialsync.media.edit;

import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.VideoStream;
import io.socialsync.media.render.EncoderArgs;
import io.socialsync.media.render.Fmt;
import io.socialsync.media.render.OutputFps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code add_text}: a Java2D-rendered PNG overlaid for a time range ({@code enable='between(t,a,b)'}). */
final class TextOverlay {
    private static final Logger log = LoggerFactory.getLogger(TextOverlay.class);

    private TextOverlay() {}

    static Duration apply(Editor.Job job, EditOperation.AddText t) {
        MediaInfo in = job.prober().probe(t.input(), job.run().cancel());
        VideoStream v = in.requireVideo();
        Path png = job.tmp().resolve("text.png");
        TextImage.Rendered text = TextImage.render(t.text(), t.fontSize(), TextColor.parse(t.color()),
                (int) (v.width() * 0.9), png);
        if (!text.complete()) log.warn("no installed font has every character of the overlay text; some show as boxes");
        double from = t.from() == null ? 0 : t.from().toNanos() / 1e9;
        double to = t.to() == null ? Math.max(from + 1, in.duration().toNanos() / 1e9) : t.to().toNanos() / 1e9;
        String[] xy = overlayXY(t.position());
        String graph = "[0:" + v.index() + "]" + Trimmer.evenSize(v) + "[base];[base][1:v]overlay=x=" + xy[0] + ":y="
                + xy[1] + ":enable='between(t," + Fmt.num(from) + "," + Fmt.num(to) + ")',fps=" + Trimmer.rate(v)
                + ",format=yuv420p[v]";
        List<String> a = new ArrayList<>(List.of("-y", "-i", Ffmpeg.fileArg(t.input()), "-i", Ffmpeg.fileArg(png),
                "-filter_complex", graph, "-map", "[v]", "-map", "0:a:0?"));
        a.addAll(EncoderArgs.video(job.encoder(), OutputFps.choose(v, Trimmer.MAX_FPS), 0));
        a.addAll(EncoderArgs.audio(job.encoder()));
        a.addAll(EncoderArgs.container());
        a.add(Ffmpeg.fileArg(job.out()));
        job.ffmpeg(a);
        return Duration.ZERO;
    }

    /** Overlay coordinates; {@code W,H} are the frame's size, {@code w,h} the text image's. */
    static String[] overlayXY(TextPosition p) {
        return switch (p) {
            // bands keep clear of the platforms' own UI at the very top and bottom of a vertical video
            case TextPosition.Named n -> switch (n.band()) {
                case TOP -> new String[] {"(W-w)/2", "H*0.08"};
                case CENTER -> new String[] {"(W-w)/2", "(H-h)/2"};
                case BOTTOM -> new String[] {"(W-w)/2", "H-h-H*0.12"};
            };
            case TextPosition.At a -> new String[] {Integer.toString(a.x()), Integer.toString(a.y())};
        };
    }
}
