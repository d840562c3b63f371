package io.socialsync.learning;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The random source of every learned choice (a Thompson draw for an hour or a preset). Seeded by
 * {@code socialsync.learning.seed} when set, so a test (or an investigation) replays the same draws; unseeded
 * otherwise. Each use gets its own split, so threads never share a generator.
 */
@Component
public class LearningRandom {
    private final SplittableRandom root;

    public LearningRandom(@Value("${socialsync.learning.seed:#{null}}") Long seed) {
        this.root = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
    }

    public synchronized RandomGenerator next() {
        return root.split();
    }
}
