package io.socialsync.media.analysis;

import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.FilterEscape;
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
 *   <li>Video is scaled to 160 px wide first: scdet and freezedetect then touch ~15k pixels a frame, so decoding
 *       stays the cost (measured on 1080p H.264: the whole graph adds ~4 % CPU to a bare decode).</li>
 *   <li>signalstats computes hue (atan2) per chroma pixel and was the dearest filter (~150 µs a frame at 160 px),
 *       so it and blackdetect run on a further 64 px downscale: global averages do not need more.</li>
 *   <li>Filter threads are 1: slice threading on 160 px frames costs more in hand-offs than it saves, and the
 *       cores are better left to the decoder.</li>
 *   <li>blurdetect only feeds thumbnail choice, so it runs on a 2 fps branch.</li>
 *   <li>Audio is mixed to mono at 22.05 kHz: loudness and flux are only compared within one video.</li>
 *   <li>Non-reference frames and deblocking are skipped where {@link Decode#FAST} allows: decoding, not the
 *       filters, is most of the cost.</li>
 *   <li>{@code -noautorotate}: rotating full-size phone frames costs more than all the analysis filters, and no
 *       signal here depends on orientation.</li>
 * </ul>
 */
record AnalysisGraph(Path videoMeta, Path sharpnessMeta, Path audioMeta) {
    /** signalstats keys we do not read, deleted so the metadata file stays ~4× smaller. */
    private static final List<String> UNUSED_STATS = List.of("YMIN", "YMAX", "UMIN", "ULOW", "UHIGH", "UMAX",
            "VMIN", "VLOW", "VHIGH", "VMAX", "SATMIN", "SATLOW", "SATHIGH", "SATMAX", "HUEMED", "HUEAVG", "YDIF",
            "UDIF", "VDIF", "YBITDEPTH", "UBITDEPTH", "VBITDEPTH");
    private static final List<String> UNUSED_R128 = List.of("lavfi.r128.S", "lavfi.r128.I", "lavfi.r128.LRA",
            "lavfi.r128.LRA.low", "lavfi.r128.LRA.high");
    /**
     * aspectralstats measures we do not read. Deleted rather than not computed: its {@code measure} option is
     * missing from FFmpeg 5.x (Debian 12), and deleting works on any version.
     */
    private static final List<String> UNUSED_SPECTRAL = List.of("mean", "variance", "centroid", "spread",
            "skewness", "kurtosis", "entropy", "flatness", "crest", "slope", "decrease", "rolloff");
    /** Every filter the graph uses, for {@code doctor}-style checks. */
    static final List<String> FILTERS = List.of("scale", "format", "scdet", "freezedetect", "split",
            "signalstats", "blackdetect", "metadata", "fps", "blurdetect", "aformat", "aresample", "aspectralstats",
            "ebur128", "ametadata");

    static AnalysisGraph in(Path dir) {
        return new AnalysisGraph(dir.resolve("video.txt"), dir.resolve("sharpness.txt"), dir.resolve("audio.txt"));
    }

    List<String> args(Path video, MediaInfo info, Decode decode) {
        boolean audio = info.hasAudio();
        String graph = videoChain(info.requireVideo().index())
                + (audio ? ";" + audioChain(info.audio().getFirst().index()) : "");
        List<String> args = new ArrayList<>(List.of("-filter_complex_threads", "1", "-noautorotate"));
        args.addAll(decode.inputOptions(info.requireVideo().codec()));
        args.addAll(List.of("-i", Ffmpeg.fileArg(video),
                "-filter_complex", graph, "-map", "[vout]", "-map", "[sout]"));
        if (audio) args.addAll(List.of("-map", "[aout]"));
        args.addAll(List.of("-f", "null", "-"));
        return args;
    }

    private String videoChain(int stream) {
        String deletes = UNUSED_STATS.stream().map(k -> "metadata=mode=delete:key=lavfi.signalstats." + k)
                .collect(Collectors.joining(","));
        return "[0:" + stream + "]scale=160:-2:flags=fast_bilinear,format=yuv420p,scdet=threshold=100,"
                + "freezedetect=n=0.003:d=2,split[v160][vs];"
                + "[v160]scale=64:-2:flags=area,signalstats,blackdetect=d=0:pix_th=0.10," + deletes
                + ",metadata=mode=print:file=" + FilterEscape.path(videoMeta) + "[vout];"
                + "[vs]fps=2,blurdetect,metadata=mode=print:key=lavfi.blur:file="
                + FilterEscape.path(sharpnessMeta) + "[sout]";
    }

    private String audioChain(int stream) {
        String deletes = Stream.concat(UNUSED_R128.stream(),
                        UNUSED_SPECTRAL.stream().map(k -> "lavfi.aspectralstats.1." + k))
                .map(k -> "ametadata=mode=delete:key=" + k).collect(Collectors.joining(","));
        return Stream.of("[0:" + stream + "]aformat=sample_fmts=flt:channel_layouts=mono", "aresample=22050",
                        // ebur128 re-chunks audio into 100 ms frames; after it, aspectralstats keeps its own
                        // 46 ms hop, so no flux value (onset) is dropped
                        "ebur128=metadata=1", "aspectralstats=win_size=2048", deletes,
                        "ametadata=mode=print:file=" + FilterEscape.path(audioMeta) + "[aout]")
                .collect(Collectors.joining(","));
    }
}
