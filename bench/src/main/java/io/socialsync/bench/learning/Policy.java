package io.socialsync.bench.learning;

import io.socialsync.learning.AdditiveFit;
import io.socialsync.learning.EngagementScore;
import io.socialsync.learning.ThompsonBandit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** How a policy picks a post's hour, preset and clip (among the day's candidates), and what it learns after. */
sealed interface Policy {
    record Choice(int hour, String preset, Candidate clip) {
    }

    record Candidate(int score, String band) {
    }

    Choice choose(Audience a, List<Candidate> candidates, SplittableRandom rnd);

    default void learn(Choice c, double engagement) {
    }

    /**
     * What SocialSync does without learning: "auto" takes the window's first free slot, the preset stays "none",
     * and the best-scored clip goes first.
     */
    record Fixed() implements Policy {
        @Override
        public Choice choose(Audience a, List<Candidate> candidates, SplittableRandom rnd) {
            var top = candidates.stream().max(Comparator.comparingInt(Candidate::score)).orElseThrow();
            return new Choice(a.windowStart(), "none", top);
        }
    }

    record Uniform() implements Policy {
        @Override
        public Choice choose(Audience a, List<Candidate> candidates, SplittableRandom rnd) {
            return new Choice(a.windowStart() + rnd.nextInt(a.windowEnd() - a.windowStart()),
                    Audience.PRESETS.get(rnd.nextInt(Audience.PRESETS.size())),
                    candidates.get(rnd.nextInt(candidates.size())));
        }
    }

    /**
     * The service's learning, with its classes: one {@link ThompsonBandit} per dimension (hour, preset, score band),
     * fitted together by {@link AdditiveFit} (as the service does) on each post's {@link EngagementScore} against the account's last {@link EngagementScore#BASELINE_POSTS}
     * posts, exactly as the service scores a collected post.
     */
    final class Bandit implements Policy {
        private static final List<String> DIMENSIONS = List.of("hour", "preset", "band");
        private final List<AdditiveFit.Observation> seen = new ArrayList<>();
        private final Deque<Double> recent = new ArrayDeque<>();
        private final double explore;
        private Map<String, ThompsonBandit> fitted = AdditiveFit.fit(DIMENSIONS, List.of());

        Bandit(double explore) {
            this.explore = explore;
        }

        @Override
        public Choice choose(Audience a, List<Candidate> candidates, SplittableRandom rnd) {
            int hour = Integer.parseInt(fitted.get("hour").choose(a.hours(), explore, rnd));
            String preset = fitted.get("preset").choose(Audience.PRESETS, explore, rnd);
            String band = fitted.get("band").choose(candidates.stream().map(Candidate::band).distinct().toList(),
                    explore, rnd);
            var clip = candidates.stream().filter(c -> c.band().equals(band)).findFirst().orElseThrow();
            return new Choice(hour, preset, clip);
        }

        @Override
        public void learn(Choice c, double engagement) {
            double score = EngagementScore.score(engagement, EngagementScore.baseline(recent));
            recent.addLast(engagement);
            if (recent.size() > EngagementScore.BASELINE_POSTS) {
                recent.removeFirst();
            }
            seen.add(new AdditiveFit.Observation(Map.of("hour", String.valueOf(c.hour()), "preset", c.preset(),
                    "band", c.clip().band()), score));
            fitted = AdditiveFit.fit(DIMENSIONS, seen);
        }

        /** The hour the bandit would call best now (highest posterior mean). */
        int bestHour(Audience a) {
            return Integer.parseInt(fitted.get("hour").best(a.hours()));
        }
    }
}
