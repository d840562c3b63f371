package io.socialsync.media.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Enforces a minimum shot length on cuts arriving in time order: of two cuts closer than {@code minShot} the
 * stronger wins. This is the last line of defence against a cut storm (strobes the flash test missed, glitches).
 */
final class MinShotFilter {
    private record Cut(double time, double strength) {}

    private final double minShot;
    private final List<Cut> kept = new ArrayList<>();

    MinShotFilter(double minShot) {
        this.minShot = minShot;
    }

    void offer(double time, double strength) {
        if (!kept.isEmpty()) {
            Cut last = kept.getLast();
            if (time - last.time < minShot) {
                if (strength > last.strength) kept.set(kept.size() - 1, new Cut(time, strength));
                return;
            }
        }
        kept.add(new Cut(time, strength));
    }

    double[] cuts() {
        return kept.stream().mapToDouble(Cut::time).toArray();
    }
}
