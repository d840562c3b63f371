package io.socialsync.media.ffmpeg;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code doctor} shows about FFmpeg, and the capability check features use to degrade gracefully (the bundled
 * build has no {@code drawtext}, and 6.1 has no {@code zscale}).
 */
public record FfmpegInfo(
        FfmpegSource source,
        Path ffmpeg,
        Path ffprobe,
        String version,
        String ffprobeVersion,
        Set<String> filters,
        Set<String> encoders,
        Optional<String> passedOver) {

    // " ..C acompressor       A->A       Audio compressor."
    static final Pattern FILTER = Pattern.compile("^\\s*[T.][S.][C.]\\s+(\\w+)\\s+\\S*->\\S*");
    // " V....D libx264              libx264 H.264 ..."
    static final Pattern ENCODER = Pattern.compile("^\\s*[VAS][.A-Z]{5}\\s+(\\w[\\w-]*)\\s");

    public FfmpegInfo {
        filters = Collections.unmodifiableSortedSet(new TreeSet<>(filters));
        encoders = Collections.unmodifiableSortedSet(new TreeSet<>(encoders));
    }

    public FfmpegInfo(FfmpegSource source, Path ffmpeg, Path ffprobe, String version, String ffprobeVersion,
            Set<String> filters, Set<String> encoders) {
        this(source, ffmpeg, ffprobe, version, ffprobeVersion, filters, encoders, Optional.empty());
    }

    public boolean has(String filter) {
        return filters.contains(filter);
    }

    public boolean hasEncoder(String encoder) {
        return encoders.contains(encoder);
    }

    /** Throws {@link FfmpegException.NotAvailable} with a clear message when {@code filter} is missing. */
    public void require(String filter, String feature) {
        if (!has(filter)) {
            throw new FfmpegException.NotAvailable(feature + " needs the FFmpeg filter '" + filter
                    + "', which " + ffmpeg + " (" + source + ") lacks; set SOCIALSYNC_FFMPEG to a full build");
        }
    }

    /** Multi-line human summary for the CLI. */
    public String describe() {
        return "source:   " + source + "\n"
                + passedOver.map(why -> "passed over " + why + "\n").orElse("")
                + "ffmpeg:   " + ffmpeg + "\n"
                + "ffprobe:  " + ffprobe + "\n"
                + "version:  " + version + " (minimum " + FfmpegRequirement.MINIMUM + ")\n"
                + "filters:  " + filters.size() + " (drawtext " + yesNo(has("drawtext")) + ", zscale "
                + yesNo(has("zscale")) + ")\n"
                + "encoders: " + encoders.size() + " (libx264 " + yesNo(hasEncoder("libx264")) + ", aac "
                + yesNo(hasEncoder("aac")) + ")";
    }

    static FfmpegInfo inspect(Ffmpeg ffmpeg) {
        FfmpegBinaries b = ffmpeg.binaries();
        String version = firstLine(ffmpeg.query(List.of("-hide_banner", "-version")), b.ffmpeg());
        Ffmpeg.ProbeOutput probe = ffmpeg.probe(List.of("-hide_banner", "-version"), Ffmpeg.QUICK_TIMEOUT, null);
        String probeVersion = firstLine(probe, b.ffprobe());
        Set<String> filters = names(ffmpeg.query(List.of("-hide_banner", "-filters")).stdout(), FILTER);
        Set<String> encoders = names(ffmpeg.query(List.of("-hide_banner", "-encoders")).stdout(), ENCODER);
        return new FfmpegInfo(b.source(), b.ffmpeg(), b.ffprobe(), version, probeVersion, filters, encoders,
                ffmpeg.passedOver());
    }

    /** A binary that starts but cannot load its shared libraries exits 127 with the reason on stderr. */
    private static String firstLine(Ffmpeg.ProbeOutput out, Path exe) {
        if (out.exitCode() != 0 || out.stdout().isBlank()) {
            throw new FfmpegException.NotAvailable(exe + " -version failed (exit " + out.exitCode() + "): "
                    + out.stderr().strip());
        }
        return out.stdout().lines().findFirst().orElse("").strip();
    }

    static Set<String> names(String listing, Pattern pattern) {
        Set<String> names = new TreeSet<>();
        for (String line : listing.split("\\R")) {
            Matcher m = pattern.matcher(line);
            if (m.find()) names.add(m.group(1));
        }
        return names;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "NO";
    }
}
