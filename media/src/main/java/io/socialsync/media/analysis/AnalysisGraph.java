package io.socialsync.media.analysis;

import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.probe.MediaInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The single decode pass: one ffmpeg process, one filtergraph, every signal printed as frame metadata to a temp
 * file (stdout belongs to {@code -progress}).
 *
 * <ul>
 *   <li>Video is scaled to 160 px wide first: every filter after that touches ~15k pixels a frame, so decoding
 *       stays the cost (measured on 720p: the whole graph adds a few % of wall time to a bare decode).</li>
 *   <li>Filter threads are 1: slice threading on 160 px frames costs more in hand-offs than it saves, and the
 *       cores are better left to the decoder.</li>
 *   <li>blurdetect is the dearest filter and only feeds thumbnail choice, so it runs on a 2 fps branch.</li>
 *   <li>Audio is mixed to mono at 22.05 kHz: loudness and flux are only compared within one video.</li>
 * </ul>
 */
record AnalysisGraph(Path videoMeta, Path sharpnessMeta, Path audioMeta) {
    /** signalstats keys we do not read, deleted so the metadata file stays ~4× smaller. */
    private static final List<String> UNUSED_STATS = List.of("YMIN", "YMAX", "UMIN", "ULOW", "UHIGH", "UMAX",
            "VMIN", "VLOW", "VHIGH", "VMAX", "SATMIN", "SATLOW", "SATHIGH", "SATMAX", "HUEMED", "HUEAVG", "YDIF",
            "UDIF", "VDIF", "YBITDEPTH", "UBITDEPTH", "VBITDEPTH");
    private static final List<String> UNUSED_R128 = List.of("S", "I", "LRA", "LRA.low", "LRA.high");

    static AnalysisGraph in(Path dir) {
        return new AnalysisGraph(dir.resolve("video.txt"), dir.resolve("sharpness.txt"), dir.resolve("audio.txt"));
    }

    List<String> args(Path video, MediaInfo info) {
        boolean audio = info.hasAudio();
        String graph = videoChain(info.requireVideo().index())
                + (audio ? ";" + audioChain(info.audio().getFirst().index()) : "");
        List<String> args = new ArrayList<>(List.of("-filter_complex_threads", "1", "-i", Ffmpeg.fileArg(video),
                "-filter_complex", graph, "-map", "[vout]", "-map", "[sout]"));
        if (audio) args.addAll(List.of("-map", "[aout]"));
        args.addAll(List.of("-f", "null", "-"));
        return args;
    }

    private String videoChain(int stream) {
        String deletes = UNUSED_STATS.stream().map(k -> "metadata=mode=delete:key=lavfi.signalstats." + k)
                .collect(Collectors.joining(","));
        return "[0:" + stream + "]scale=160:-2:flags=fast_bilinear,format=yuv420p,scdet=threshold=100,signalstats,"
                + "blackdetect=d=0:pix_th=0.10,freezedetect=n=0.003:d=2," + deletes + ",split[vm][vs];"
                + "[vm]metadata=mode=print:file=" + FilterEscape.path(videoMeta) + "[vout];"
                + "[vs]fps=2,blurdetect,metadata=mode=print:key=lavfi.blur:file="
                + FilterEscape.path(sharpnessMeta) + "[sout]";
    }

    private String audioChain(int stream) {
        String deletes = UNUSED_R128.stream().map(k -> "ametadata=mode=delete:key=lavfi.r128." + k)
                .collect(Collectors.joining(","));
        return Stream.of("[0:" + stream + "]aformat=sample_fmts=flt:channel_layouts=mono", "aresample=22050",
                        "aspectralstats=measure=flux:win_size=2048", "ebur128=metadata=1", deletes,
                        "ametadata=mode=print:file=" + FilterEscape.path(audioMeta) + "[aout]")
                .collect(Collectors.joining(","));
    }
}
