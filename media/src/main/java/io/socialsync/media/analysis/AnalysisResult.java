package io.socialsync.media.analysis;

import java.util.List;
import java.util.Optional;

/**
 * @param clips best first; empty only with a {@code noClipsReason}
 * @param noClipsReason why nothing was proposed (too short and unusable, all black, ...)
 */
public record AnalysisResult(Signals signals, List<ClipCandidate> clips, Optional<String> noClipsReason) {
    public AnalysisResult {
        clips = List.copyOf(clips);
    }
}
