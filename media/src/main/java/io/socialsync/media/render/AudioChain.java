package io.socialsync.media.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Audio for all outputs: the source's first track normalised once (48 kHz stereo, single-pass loudnorm) and
 * split, then per-output tempo; or, for a source without audio, a silent track per output, because some
 * platforms reject or mishandle video-only uploads. Each track ends as {@link EncoderArgs#primingTrim} says.
 */
final class AudioChain {
    static final int SAMPLE_RATE = 48_000;

    private AudioChain() {}

    /** The decoded length of an output's track: as long as its video. */
    static long samples(PlannedOutput o) {
        return Math.round(o.duration().toNanos() / 1e9 * SAMPLE_RATE);
    }

    /**
     * @return graph statements; output {@code i} is labelled {@code [a<i>]}
     */
    static String build(boolean hasAudio, List<PlannedOutput> outputs, double loudnessLufs) {
        List<String> statements = new ArrayList<>();
        int n = outputs.size();
        if (hasAudio) {
            StringBuilder split = new StringBuilder("[0:a:0]aresample=" + SAMPLE_RATE
                    + ",aformat=sample_fmts=fltp:channel_layouts=stereo"
                    // loudnorm works at 192 kHz internally; resample back before the encoder sees it
                    + ",loudnorm=I=" + Fmt.num(loudnessLufs) + ":TP=-1.5:LRA=11,aresample=" + SAMPLE_RATE
                    // a source whose audio ends early would otherwise end the output early; -t cuts the padding
                    + ",apad,asplit=" + n);
            for (int i = 0; i < n; i++) split.append("[x").append(i).append(']');
            statements.add(split.toString());
            for (int i = 0; i < n; i++) {
                String tempo = Atempo.filter(outputs.get(i).preset().speed());
                statements.add("[x" + i + "]" + (tempo.isEmpty() ? "" : tempo + ",")
                        + EncoderArgs.primingTrim(samples(outputs.get(i))) + "[a" + i + "]");
            }
        } else {
            for (int i = 0; i < n; i++) {
                statements.add("anullsrc=r=" + SAMPLE_RATE + ":cl=stereo," + EncoderArgs.primingTrim(
                        samples(outputs.get(i))) + "[a" + i + "]");
            }
        }
        return String.join(";", statements);
    }
}
