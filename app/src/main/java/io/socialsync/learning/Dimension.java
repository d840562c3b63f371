package io.socialsync.learning;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What is learned per account: when to post, which preset, and which clips (by three bands). */
public enum Dimension {
    HOUR, PRESET, SCORE_BAND, LENGTH_BAND, HOOK_BAND;

    public static final List<String> WIRES = Arrays.stream(values()).map(Dimension::wire).toList();
    /** The clip's own features: what ranks a clip before it has any post. */
    public static final List<Dimension> CLIP = List.of(SCORE_BAND, LENGTH_BAND, HOOK_BAND);

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dimension> parse(String s) {
        return Arrays.stream(values()).filter(d -> d.wire().equals(s)).findFirst();
    }
}
