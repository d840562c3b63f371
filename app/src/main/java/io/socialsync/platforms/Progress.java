package io.socialsync.platforms;

import java.time.Instant;
import java.util.Map;

/**
 * What earlier runs recorded about a publication's remote calls. {@code intentAt} set: the intent of
 * {@code step} was committed but no result after it, so that call's outcome is unknown (the worker died or the
 * answer never came).
 */
public record Progress(String step, Instant intentAt, Map<String, String> handles, int recoveryTries) {
    public static final Progress NONE = new Progress(null, null, Map.of(), 0);

    public Progress {
        handles = Map.copyOf(handles);
    }

    public String handle(String key) {
        String value = handles.get(key);
        return value == null || value.isEmpty() ? null : value;
    }

    /** True when {@code step} was begun and its result never recorded. */
    public boolean unresolved(String step) {
        return intentAt != null && step.equals(this.step);
    }
}
