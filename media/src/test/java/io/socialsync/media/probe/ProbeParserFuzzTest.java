package io.socialsync.media.probe;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * ffprobe's JSON describes a file a stranger uploaded (tags, codec names, numbers): whatever it says, the parser
 * gives a MediaInfo the validator can judge, or an IllegalArgumentException for text that is not JSON.
 */
class ProbeParserFuzzTest {

    @FuzzTest(maxDuration = "8s")
    void anyProbeOutputGivesMediaInfoOrAnIllegalArgument(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        MediaInfo info;
        try {
            info = ProbeParser.parse(json, Path.of("upload.mp4"), input.length);
        } catch (IllegalArgumentException refused) {
            return;
        }
        if (info.duration().isNegative()) {
            throw new IllegalStateException("negative duration " + info.duration());
        }
        info.video().ifPresent(v -> {
            if (v.rotation() < 0 || v.rotation() >= 360) {
                throw new IllegalStateException("rotation out of range: " + v.rotation());
            }
            v.frameRate().value();
        });
        new MediaValidator(null, ValidationLimits.DEFAULTS, false).check(info);
    }
}
