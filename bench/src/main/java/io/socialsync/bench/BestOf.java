package io.socialsync.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs each contender {@code rounds} times, rotating the order every round so a slow stretch of neighbouring load
 * does not always hit the same one, and keeps each one's minimum: the least-disturbed run.
 */
final class BestOf {
    private BestOf() {
    }

    static Map<String, Measured> run(Map<String, Runnable> contenders, int rounds) {
        List<String> names = new ArrayList<>(contenders.keySet());
        Map<String, Measured> best = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((k + r) % names.size());
                System.err.println("round " + (r + 1) + ": " + name.strip());
                Measured m = Measured.of(contenders.get(name));
                best.merge(name, m, Measured::min);
            }
        }
        Map<String, Measured> ordered = new LinkedHashMap<>();
        names.forEach(n -> ordered.put(n, best.get(n)));
        return ordered;
    }
}
