package io.socialsync.jobs;

import java.util.HashMap;
import java.util.Map;

/**
 * How many jobs of a kind one node runs at once, where the operator says otherwise than the handler's own spec:
 * {@code SOCIALSYNC_JOB_CONCURRENCY=RENDER_VARIANTS=3,ANALYSE_VIDEO=2} on a node with more cores (each render is
 * one FFmpeg process whose decode and filters leave cores idle). Read once, refused at start when malformed.
 */
record Concurrency(Map<String, Integer> overrides) {

    static Concurrency parse(String text) {
        var map = new HashMap<String, Integer>();
        if (text != null && !text.isBlank()) {
            for (String item : text.split(",")) {
                String[] kv = item.strip().split("=", 2);
                Integer n = kv.length == 2 ? number(kv[1].strip()) : null;
                if (kv[0].isBlank() || n == null || n < 1 || n > 64) {
                    throw new IllegalArgumentException("SOCIALSYNC_JOB_CONCURRENCY: '" + item.strip()
                            + "' is not KIND=N with N from 1 to 64 (e.g. RENDER_VARIANTS=2)");
                }
                map.put(kv[0].strip(), n);
            }
        }
        return new Concurrency(Map.copyOf(map));
    }

    int of(JobSpec spec) {
        return overrides.getOrDefault(spec.kind(), spec.concurrency());
    }

    private static Integer number(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
