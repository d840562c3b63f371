package io.socialsync.bench.learning;

import io.socialsync.learning.ClipFeatures;
import io.socialsync.learning.ThompsonBandit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Offline replay of the learning on simulated audiences (see {@link Audience}): four accounts from 3 k to 2 M
 * followers, each with its own window, best hour, preset and clip band, post after post (one a day, so the weekly
 * rhythm turns), each day offering four candidate clips of random score bands. Three policies see the same days,
 * the same candidates and the same audience: the fixed schedule (what SocialSync does without learning), uniform
 * random, and the bandit the service uses. Regret is the expected log-lift the choice gave up against the best
 * choice that day (best hour, best preset, best offered band), summed over the posts. "Best hour after 100 posts":
 * the bandit's highest-mean hour then; "for good from post N": from post N to the end it stays the true best hour.
 * Pass: the bandit's regret is at most 30 % of the fixed schedule's over each seed's four accounts, below uniform
 * random's in every account, and its best hour after 100 posts is the true one in every account. The last line is
 * the summary.
 */
public final class LearningBench {
    private static final String USAGE = "usage: bench/learning [--posts 500] [--seeds 1,2,3,4,5] [--explore 0.05] "
            + "[--candidates 4]\n";
    private static final double MAX_RATIO = 0.30;
    private static final int FIND_BY = 100;

    private LearningBench() {
    }

    record Settings(int posts, List<Long> seeds, double explore, int candidates) {
        static Settings parse(String[] args) {
            int posts = 500;
            List<Long> seeds = List.of(1L, 2L, 3L, 4L, 5L);
            double explore = ThompsonBandit.EXPLORE;
            int candidates = 4;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--posts" -> posts = Integer.parseInt(args[++i]);
                    case "--seeds" -> seeds = List.of(args[++i].split(",")).stream().map(Long::parseLong).toList();
                    case "--explore" -> explore = Double.parseDouble(args[++i]);
                    case "--candidates" -> candidates = Integer.parseInt(args[++i]);
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
                }
            }
            return new Settings(posts, seeds, explore, candidates);
        }
    }

    /** {@code hourAtFind}: the hour the bandit called best after post {@link #FIND_BY}. */
    record Run(double fixed, double uniform, double bandit, int foundAt, int hourAtFind) {
    }

    public static void main(String[] args) {
        Settings s;
        try {
            s = Settings.parse(args);
        } catch (RuntimeException e) {
            System.err.print(e.getMessage() + (e.getMessage().endsWith("\n") ? "" : "\n"));
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ROOT, "bench/learning: %d posts per account, seeds %s, exploration %.2f, "
                + "%d candidate clips a day%n", s.posts(), s.seeds(), s.explore(), s.candidates());
        System.out.println("seed account      followers window best: hour preset      band    regret: fixed "
                + " uniform  bandit bandit/fixed  best hour after post " + FIND_BY + "  best for good from");
        double fixed = 0;
        double uniform = 0;
        double bandit = 0;
        double worstSeed = 0;
        double worstAccount = 0;
        int accounts = 0;
        int belowUniform = 0;
        int hourRight = 0;
        var found = new ArrayList<Integer>();
        for (long seed : s.seeds()) {
            double seedFixed = 0;
            double seedBandit = 0;
            for (Audience a : audiences(seed)) {
                Run r = run(a, s, seed);
                System.out.printf(Locale.ROOT, "%4d %-12s %9d %2d–%2d        %2d   %-11s %-6s  %8.1f %8.1f %7.1f %8.0f%%  "
                                + "%18s  %s%n", seed, a.name(), a.followers(), a.windowStart(), a.windowEnd(),
                        a.bestHour(), a.bestPreset(), a.bestBand(), r.fixed(), r.uniform(), r.bandit(),
                        100 * r.bandit() / r.fixed(), r.hourAtFind() + (r.hourAtFind() == a.bestHour() ? " (right)"
                                : " (wrong)"), r.foundAt() < 0 ? "never" : "post " + r.foundAt());
                fixed += r.fixed();
                uniform += r.uniform();
                bandit += r.bandit();
                seedFixed += r.fixed();
                seedBandit += r.bandit();
                worstAccount = Math.max(worstAccount, r.bandit() / r.fixed());
                accounts++;
                belowUniform += r.bandit() < r.uniform() ? 1 : 0;
                hourRight += r.hourAtFind() == a.bestHour() ? 1 : 0;
                found.add(r.foundAt() < 0 ? Integer.MAX_VALUE : r.foundAt());
            }
            worstSeed = Math.max(worstSeed, seedBandit / seedFixed);
        }
        found.sort(null);
        int medianFound = found.get(found.size() / 2);
        boolean pass = worstSeed <= MAX_RATIO && belowUniform == accounts && hourRight == accounts;
        System.out.printf(Locale.ROOT, "regret over all runs: bandit %.1f, fixed %.1f, uniform %.1f (bandit/fixed %.0f%%, "
                + "bandit/uniform %.0f%%)%n", bandit, fixed, uniform, 100 * bandit / fixed, 100 * bandit / uniform);
        System.out.printf(Locale.ROOT, "summary: bandit/fixed regret %.0f%% overall, worst seed %.0f%% (≤ %.0f%%), worst "
                        + "account %.0f%%; below uniform in %d/%d accounts; best hour right after %d posts in %d/%d "
                        + "(for good from post %s, median); %s%n", 100 * bandit / fixed, 100 * worstSeed,
                100 * MAX_RATIO, 100 * worstAccount, belowUniform, accounts, FIND_BY, hourRight, accounts,
                medianFound == Integer.MAX_VALUE ? "never" : medianFound, pass ? "PASS" : "FAIL");
        if (!pass) {
            System.exit(1);
        }
    }

    /** Four accounts, their truths drawn from the seed: one small, two middling, one large. */
    static List<Audience> audiences(long seed) {
        var rnd = new SplittableRandom(seed * 7919);
        var out = new ArrayList<Audience>();
        String[] names = {"small_ig", "mid_tiktok", "mid_fb", "big_yt"};
        int[] followers = {3_000, 40_000, 250_000, 2_000_000};
        int[][] windows = {{18, 23}, {16, 24}, {12, 21}, {17, 22}};
        for (int i = 0; i < names.length; i++) {
            int start = windows[i][0];
            int end = windows[i][1];
            int best = start + 1 + rnd.nextInt(end - start - 1); // never the window's first hour: that is Fixed's
            String preset = Audience.PRESETS.get(1 + rnd.nextInt(Audience.PRESETS.size() - 1));
            String band = ClipFeatures.SCORE_BANDS.get(rnd.nextInt(ClipFeatures.SCORE_BANDS.size()));
            out.add(Audience.of(names[i], followers[i], start, end, best, preset, band, 0.45, rnd));
        }
        return out;
    }

    static Run run(Audience a, Settings s, long seed) {
        var fixed = new Policy.Fixed();
        var uniform = new Policy.Uniform();
        var bandit = new Policy.Bandit(s.explore());
        double[] regret = new double[3];
        Policy[] policies = {fixed, uniform, bandit};
        SplittableRandom days = new SplittableRandom(seed);
        SplittableRandom[] noise = {new SplittableRandom(seed + 101), new SplittableRandom(seed + 101),
                new SplittableRandom(seed + 101)};
        SplittableRandom[] own = {new SplittableRandom(seed + 202), new SplittableRandom(seed + 303),
                new SplittableRandom(seed + 404)};
        int foundAt = -1;
        int hourAtFind = -1;
        for (int post = 1; post <= s.posts(); post++) {
            var candidates = new ArrayList<Policy.Candidate>();
            for (int c = 0; c < s.candidates(); c++) {
                int score = days.nextInt(101);
                candidates.add(new Policy.Candidate(score, ClipFeatures.scoreBand(score)));
            }
            int dayOfWeek = post % 7;
            double best = a.lift(a.bestHour(), a.bestPreset(),
                    candidates.stream().map(Policy.Candidate::band).max((x, y) -> Double.compare(
                            a.bandLift().get(x), a.bandLift().get(y))).orElseThrow());
            for (int p = 0; p < policies.length; p++) {
                var choice = policies[p].choose(a, candidates, own[p]);
                regret[p] += best - a.lift(choice.hour(), choice.preset(), choice.clip().band());
                policies[p].learn(choice, a.engagement(choice.hour(), choice.preset(), choice.clip().band(),
                        dayOfWeek, noise[p]));
            }
            if (post == FIND_BY) {
                hourAtFind = bandit.bestHour(a);
            }
            boolean right = bandit.bestHour(a) == a.bestHour();
            if (right && foundAt < 0) {
                foundAt = post;
            } else if (!right) {
                foundAt = -1;
            }
        }
        return new Run(regret[0], regret[1], regret[2], foundAt, hourAtFind);
    }
}
