package io.socialsync.media.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How much of the picture the analysis decode may leave out. Analysis looks at 160 px thumbnails of the frames,
 * so it does not need a broadcast-exact 1080p picture: measured on 1080p30 H.264 with B-frames (bench/analyse,
 * docs/BENCHMARKS.md) skipping the non-reference frames takes ~40 % off the decode, skipping the deblocking
 * filter another ~7 %, and the signals come out the same to within a frame or two, motion a few per cent lower
 * (AnalysisEquivalenceTest).
 */
enum Decode {
    /** Every frame, fully decoded: the reference the fast decode is tested against. */
    FULL,
    /**
     * {@code -skip_frame noref}: frames no other frame predicts from (most B-frames) are never decoded, so about
     * every other frame of a B-frame stream is seen; a cut is still the first new picture seen, at most two frames
     * late, and motion is divided by the gap it spans. {@code -skip_loop_filter all}: no deblocking, whose
     * smoothing a 12× downscale averages away anyway. Only for codecs whose decoders are known to honour both the
     * way described; any other codec is decoded in full.
     */
    FAST;

    private static final Set<String> SKIPPABLE = Set.of("h264", "hevc");

    /** Decoder options that go before {@code -i}. */
    List<String> inputOptions(String codec) {
        return skipsFrames(codec) ? List.of("-skip_frame", "noref", "-skip_loop_filter", "all") : List.of();
    }

    /** Whether frames of this codec can go undecoded, so a gap between two frames seen may be frames skipped. */
    boolean skipsFrames(String codec) {
        return this == FAST && codec != null && SKIPPABLE.contains(codec.toLowerCase(Locale.ROOT));
    }
}
