package io.socialsync.bench.learning;

import io.socialsync.learning.AdditiveFit;
import io.socialsync.learning.CentredLevels;
import io.socialsync.learning.EngagementScore;
import io.socialsync.learning.ThompsonBandit;
import java.util.ArrayList;
import java.util.Comparator;
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
     * fitted together by {@link AdditiveFit} on each post's log engagement against its neighbours' ({@link
     * CentredLevels}), refitted after every post, exactly as the service's Knowledge fits an account.
     */
    final class Bandit implements Policy {
        private static final List<String> DIMENSIONS = List.of("hour", "preset", "band");
        private final List<Map<String, String>> options = new ArrayList<>();
        private final List<Double> logs = new ArrayList<>();
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
            options.add(Map.of("hour", String.valueOf(c.hour()), "preset", c.preset(), "band", c.clip().band()));
            logs.add(EngagementScore.log(engagement));
            double[] levels = CentredLevels.of(logs);
            var seen = new ArrayList<AdditiveFit.Observation>(logs.size());
            for (int i = 0; i < levels.length; i++) {
                seen.add(new AdditiveFit.Observation(options.get(i), levels[i]));
            }
            fitted = AdditiveFit.fit(DIMENSIONS, seen);
        }

        /** The hour the bandit would call best now (highest posterior mean). */
        int bestHour(Audience a) {
            return Integer.parseInt(fitted.get("hour").best(a.hours()));
        }
    }
}
