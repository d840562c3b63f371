package io.socialsync.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BanditMathTest {

    @Test
    void oneUpdateAtATimeEqualsTheBatchUpdate() {
        double[] xs = {0.4, -0.2, 1.3, 0.1, 0.7};
        var step = NormalGamma.PRIOR;
        for (double x : xs) {
            step = step.update(x);
        }
        var batch = NormalGamma.PRIOR.updateAll(xs);
        assertThat(batch.m()).isCloseTo(step.m(), within(1e-12));
        assertThat(batch.kappa()).isCloseTo(step.kappa(), within(1e-12));
        assertThat(batch.alpha()).isCloseTo(step.alpha(), within(1e-12));
        assertThat(batch.beta()).isCloseTo(step.beta(), within(1e-12));
        assertThat(batch.n()).isEqualTo(5);
    }

    @Test
    void thePosteriorMeanShrinksTheSampleMeanTowardsTheBaseline() {
        // kappa 1 prior at 0 with four posts averaging 1.0: (1*0 + 4*1.0) / 5
        var p = NormalGamma.PRIOR.updateAll(new double[] {0.5, 1.5, 1.0, 1.0});
        assertThat(p.mean()).isCloseTo(0.8, within(1e-12));
        // beta = 1 + ss/2 + kappa*n*(mean - m)^2 / (2(kappa + n)) = 1 + 0.25 + 0.4
        assertThat(p.beta()).isCloseTo(1.65, within(1e-12));
        assertThat(p.alpha()).isCloseTo(4, within(1e-12));
    }

    @Test
    void theCredibleIntervalIsTheStudentTAroundTheMeanAndNarrowsWithPosts() {
        // prior: t with 4 degrees of freedom, scale sqrt(beta / (alpha kappa)) = sqrt(0.5); t_0.95(4) = 2.1318
        double[] prior = NormalGamma.PRIOR.interval(0.9);
        assertThat(prior[1]).isCloseTo(2.1318 * Math.sqrt(0.5), within(1e-3));
        assertThat(prior[0]).isCloseTo(-prior[1], within(1e-12));
        var rnd = new SplittableRandom(3);
        var many = NormalGamma.PRIOR;
        for (int i = 0; i < 200; i++) {
            many = many.update(0.5 + 0.3 * rnd.nextGaussian());
        }
        double[] ci = many.interval(0.9);
        assertThat(ci[0]).isLessThan(0.5).isGreaterThan(0.4);
        assertThat(ci[1]).isGreaterThan(0.5).isLessThan(0.6);
    }

    @Test
    void thompsonDrawsAreReproducibleWithTheSameSeedAndFavourTheBetterOption() {
        var bandit = new ThompsonBandit();
        bandit.observeAll("19", new double[] {0.6, 0.8, 0.7, 0.5, 0.9, 0.6});
        bandit.observeAll("16", new double[] {-0.3, -0.1, -0.4, 0.0, -0.2, -0.3});
        var options = List.of("16", "19");
        var first = new SplittableRandom(7);
        var second = new SplittableRandom(7);
        int nineteen = 0;
        for (int i = 0; i < 1000; i++) {
            String a = bandit.choose(options, 0.1, first);
            assertThat(bandit.choose(options, 0.1, second)).isEqualTo(a);
            nineteen += a.equals("19") ? 1 : 0;
        }
        // exploration keeps the other hour at about half of 10 %, never far above it
        assertThat(nineteen).isBetween(920, 980);
        assertThat(bandit.probabilityBest(options, 4000, new SplittableRandom(1)).get("19")).isGreaterThan(0.99);
        assertThat(bandit.best(options)).isEqualTo("19");
    }

    @Test
    void theAdditiveFitSeparatesAnHourFromAPresetThatCameWithIt() {
        // hour 20 was mostly posted with the good preset: raw means would credit 20 with the preset's lift
        var obs = new java.util.ArrayList<AdditiveFit.Observation>();
        var rnd = new SplittableRandom(11);
        for (int i = 0; i < 400; i++) {
            String hour = rnd.nextBoolean() ? "20" : "18";
            String preset = hour.equals("20") == (rnd.nextDouble() < 0.8) ? "zoom" : "none";
            double score = (hour.equals("18") ? 0.3 : 0) + (preset.equals("zoom") ? 0.6 : 0) + 0.2 * rnd.nextGaussian();
            obs.add(new AdditiveFit.Observation(java.util.Map.of("hour", hour, "preset", preset), score));
        }
        var fit = AdditiveFit.fit(List.of("hour", "preset"), obs);
        assertThat(fit.get("hour").best(List.of("18", "20"))).isEqualTo("18");
        assertThat(fit.get("preset").best(List.of("none", "zoom"))).isEqualTo("zoom");
    }

    @Test
    void theHoursNextToThosePostedAtAreInferredFromThemAndFarHoursKeepThePrior() {
        var obs = new java.util.ArrayList<AdditiveFit.Observation>();
        for (int i = 0; i < 20; i++) {
            obs.add(hourPost("20", 0.5 + (i % 2 == 0 ? 0.3 : -0.3)));
            obs.add(hourPost("18", -0.3 + (i % 2 == 0 ? 0.3 : -0.3)));
        }
        var hours = AdditiveFit.fit(List.of("hour"), obs).get("hour");
        // 21:00 was never posted at: it is not evidence of its own, but it starts from what 20:00 did
        assertThat(hours.observed()).containsOnlyKeys("18", "20");
        var next = hours.posterior("21");
        assertThat(next.n()).isZero();
        assertThat(next.mean()).isGreaterThan(0.2);
        assertThat(next.interval(0.9)[0]).isLessThan(hours.posterior("20").interval(0.9)[0]);
        assertThat(hours.posterior("19").mean()).isBetween(hours.posterior("18").mean(), hours.posterior("20").mean());
        // twelve hours away nothing is known: the baseline, with the prior's spread
        var far = hours.posterior("8");
        assertThat(far.mean()).isCloseTo(0, within(1e-3));
        // (κ: the posts' worth of what is known about the hour's mean; the prior is worth one)
        assertThat(far.kappa()).isCloseTo(1, within(0.01));
        assertThat(next.kappa()).isGreaterThan(2);
        // many posts at an hour: its own mean, a narrow interval
        assertThat(hours.posterior("20").mean()).isCloseTo(0.5, within(0.05));
        assertThat(hours.posterior("20").interval(0.9)[1] - hours.posterior("20").interval(0.9)[0]).isLessThan(0.4);
    }

    @Test
    void aNearTieBetweenNeighbouringHoursIsToldApartByTheHoursAroundThem() {
        // 22:00 did a shade better than 21:00 on their own posts, but 20:00 did well and 23:00 badly: an audience's
        // liking is a curve over the day, so its top is on 21:00's side. Independent hours would name 22:00
        var obs = new java.util.ArrayList<AdditiveFit.Observation>();
        for (int i = 0; i < 12; i++) {
            double jitter = i % 2 == 0 ? 0.4 : -0.4;
            obs.add(hourPost("20", 0.25 + jitter));
            obs.add(hourPost("21", 0.40 + jitter));
            obs.add(hourPost("22", 0.43 + jitter));
            obs.add(hourPost("23", -0.20 + jitter));
        }
        var options = List.of("20", "21", "22", "23");
        assertThat(AdditiveFit.fit(List.of("hour"), obs).get("hour").best(options)).isEqualTo("21");
        var residuals = new java.util.LinkedHashMap<String, List<Double>>();
        obs.forEach(o -> residuals.computeIfAbsent(o.options().get("hour"), k -> new java.util.ArrayList<>())
                .add(o.score()));
        assertThat(AdditiveFit.pooled(residuals).best(options)).isEqualTo("22");
    }

    @Test
    void onlyTheClocksHoursAreACurve() {
        assertThat(List.of("0", "9", "13", "23")).allMatch(HourCurve::isHour);
        assertThat(List.of("07", "24", "-1", "morning", "")).noneMatch(HourCurve::isHour);
        assertThat(HourCurve.kernel(23, 0)).isEqualTo(HourCurve.kernel(12, 13));
        // hours not on the clock are unrelated options, as before
        var fit = AdditiveFit.fit(List.of("hour"), List.of(hourPost("07", 1.0), hourPost("08", -1.0)));
        assertThat(fit.get("hour").posterior("07").kappa()).isEqualTo(2);
        assertThat(fit.get("hour").posterior("07").mean()).isEqualTo(0.5);
    }

    private static AdditiveFit.Observation hourPost(String hour, double score) {
        return new AdditiveFit.Observation(java.util.Map.of("hour", hour), score);
    }

    @Test
    void theScoreIsTheLogLiftOverTheAccountsOwnBaseline() {
        double small = EngagementScore.score(200, EngagementScore.baseline(List.of(99.0, 99.0)));
        double big = EngagementScore.score(200_000, EngagementScore.baseline(List.of(99_999.0, 99_999.0)));
        assertThat(small).isCloseTo(Math.log(201.0 / 100), within(1e-9));
        assertThat(big).isCloseTo(small, within(0.01));
        assertThat(EngagementScore.score(10, EngagementScore.baseline(List.of()))).isZero();
        assertThat(EngagementScore.engagement(java.util.Map.of("likes", 10.0, "comments", 2.0, "shares", 1.0,
                "views", 1000.0))).isEqualTo(10 + 4 + 3 + 10.0);
        assertThat(EngagementScore.engagement(java.util.Map.of("interactions", 7.0))).isEqualTo(7.0);
        assertThat(EngagementScore.engagement(java.util.Map.of("reach", 7.0))).isNull();
    }

    @Test
    void centredLevelsDoNotFlatterWhatWasTriedWhileTheAccountDidWorse() {
        // an account whose posts got better (learning worked): logs 1, 1, 3, 3. Against the previous posts the
        // early ones would score 0 and the late ones up to +2 then 0; against their neighbours the early ones are
        // below the usual and the late ones above it, as they were
        double[] levels = CentredLevels.of(java.util.List.of(1.0, 1.0, 3.0, 3.0));
        assertThat(levels).containsExactly(-1, -1, 1, 1);
        var many = new java.util.ArrayList<Double>();
        for (int i = 0; i < 2 * CentredLevels.HALF_WINDOW + 10; i++) {
            many.add((double) i);
        }
        // far from both ends the window is symmetric: a steady growth centres to 0
        assertThat(CentredLevels.of(many)[CentredLevels.HALF_WINDOW + 5]).isEqualTo(0.0);
    }
}
