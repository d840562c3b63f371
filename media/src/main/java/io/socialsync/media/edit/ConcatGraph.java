package io.socialsync.media.edit;

import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.render.EncoderArgs;
import io.socialsync.media.render.Fmt;
import io.socialsync.media.render.SourceColour;
import java.util.List;

/**
 * The concat graph. Each segment's video and audio are cut or padded to exactly the segment's duration, so the
 * joins stay in sync however the inputs' streams differ; audio gets short fades at the joins, because a
 * waveform cut mid-cycle clicks.
 */
final class ConcatGraph {
    static final double FADE_SECONDS = 0.02;

    private ConcatGraph() {}

    static String build(List<MediaInfo> inputs, Concatenator.ConcatTarget t) {
        StringBuilder g = new StringBuilder();
        StringBuilder joins = new StringBuilder();
        int n = inputs.size();
        long samples = 0;
        for (int i = 0; i < n; i++) {
            MediaInfo in = inputs.get(i);
            String d = Fmt.seconds(in.duration());
            samples += Math.round(in.duration().toNanos() / 1e9 * t.sampleRate());
            g.append("[").append(i).append(':').append(in.requireVideo().index()).append(']');
            // force_original_aspect_ratio reads stored pixels: anamorphic SD is made square before it fits the frame
            if (!in.requireVideo().displayedPixelAspect().square()) g.append("scale=trunc(iw*sar/2)*2:ih,setsar=1,");
            g.append("scale=").append(t.width())
                    .append(':').append(t.height()).append(":force_original_aspect_ratio=decrease:force_divisible_by=2")
                    .append(SourceColour.scaleOptions(in.requireVideo())).append(",pad=").append(t.width()).append(':')
                    .append(t.height()).append(":(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=").append(Fmt.rate(t.fps()))
                    .append(",format=yuv420p,setpts=PTS-STARTPTS,tpad=stop_mode=clone:stop=-1,trim=duration=")
                    .append(d).append("[v").append(i).append("];");
            joins.append("[v").append(i).append(']');
            if (!t.withAudio()) continue;
            if (in.hasAudio()) {
                g.append('[').append(i).append(":a:0]aresample=").append(t.sampleRate())
                        .append(",aformat=sample_fmts=fltp:channel_layouts=stereo,asetpts=PTS-STARTPTS,apad")
                        .append(",atrim=duration=").append(d);
            } else {
                g.append("anullsrc=r=").append(t.sampleRate()).append(":cl=stereo:d=").append(d);
            }
            double fade = Math.min(FADE_SECONDS, in.duration().toNanos() / 1e9 / 4);
            if (i > 0) g.append(",afade=t=in:d=").append(Fmt.num(fade));
            if (i < n - 1) {
                g.append(",afade=t=out:st=").append(Fmt.num(in.duration().toNanos() / 1e9 - fade)).append(":d=")
                        .append(Fmt.num(fade));
            }
            g.append("[a").append(i).append("];");
            joins.append("[a").append(i).append(']');
        }
        g.append(joins).append("concat=n=").append(n).append(":v=1:a=").append(t.withAudio() ? 1 : 0)
                .append("[vc]").append(t.withAudio() ? (t.platform() ? "[ac]" : "[a]") : "").append(";[vc]")
                .append("setparams=range=tv:color_primaries=bt709:color_trc=bt709:colorspace=bt709[v]");
        if (t.withAudio() && t.platform()) {
            g.append(";[ac]apad,").append(EncoderArgs.primingTrim(samples)).append("[a]");
        }
        return g.toString();
    }
}
