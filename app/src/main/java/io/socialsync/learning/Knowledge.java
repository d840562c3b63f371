package io.socialsync.learning;

import io.socialsync.platforms.Platform;
import io.socialsync.rules.PlatformRule;
import io.socialsync.rules.RulesService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;

/**
 * What the scored posts of an account say, per dimension: the fitted bandits ({@link AdditiveFit} over the
 * account's latest outcome per post, each post's log engagement against its neighbours', see {@link CentredLevels})
 * and the evidence per option. Posteriors are recomputed from the outcomes on
 * every read (a few hundred rows per account), so nothing learned can drift from the posts it came from.
 */
@Service
public class Knowledge {
    static final int DRAWS = 4_000;
    private final Outcomes outcomes;
    private final RulesService rules;

    public Knowledge(Outcomes outcomes, RulesService rules) {
        this.outcomes = outcomes;
        this.rules = rules;
    }

    /** An account's fit: how many posts it rests on, and one bandit per dimension. */
    public record Fitted(long accountId, int posts, Map<String, ThompsonBandit> bandits, Map<String, Integer> counts) {
        public ThompsonBandit bandit(Dimension d) {
            return bandits.get(d.wire());
        }
    }

    public Fitted fit(long ws, long account) {
        var observations = new ArrayList<AdditiveFit.Observation>();
        var counts = new LinkedHashMap<String, Integer>();
        var posts = outcomes.latestPerPost(ws, account);
        var levels = levels(posts);
        for (int i = 0; i < posts.size(); i++) {
            Outcome o = posts.get(i);
            observations.add(new AdditiveFit.Observation(o.options(), levels[i]));
            o.options().forEach((d, option) -> counts.merge(d + "/" + option, 1, Integer::sum));
        }
        return new Fitted(account, observations.size(), AdditiveFit.fit(Dimension.WIRES, observations), counts);
    }

    /** Each post's {@link CentredLevels} among the posts of its checkpoint, in the order given. */
    static double[] levels(List<Outcome> posts) {
        double[] out = new double[posts.size()];
        var byCheckpoint = new LinkedHashMap<String, List<Integer>>();
        for (int i = 0; i < posts.size(); i++) {
            byCheckpoint.computeIfAbsent(posts.get(i).checkpoint(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> idx : byCheckpoint.values()) {
            idx.sort(Comparator.comparing((Integer i) -> posts.get(i).postedAt()).thenComparing(i -> i));
            double[] centred = CentredLevels.of(idx.stream().map(i -> EngagementScore.log(posts.get(i).engagement()))
                    .toList());
            for (int j = 0; j < idx.size(); j++) {
                out[idx.get(j)] = centred[j];
            }
        }
        return out;
    }

    /** The options a dimension is judged over: the window's hours (and any hour posted at), bands, presets seen. */
    public List<String> options(Dimension d, PlatformRule rule, Fitted f) {
        return switch (d) {
            case HOUR -> {
                var hours = new TreeSet<Integer>();
                if (rule != null) {
                    IntStream.range(rule.windowStartHour(), rule.windowEndHour()).forEach(hours::add);
                }
                f.bandit(d).observed().keySet().forEach(h -> hours.add(Integer.parseInt(h)));
                yield hours.stream().map(String::valueOf).toList();
            }
            case PRESET -> {
                var seen = new TreeSet<String>(Comparator.comparingInt(ClipFeatures.PRESETS::indexOf));
                seen.add("none");
                seen.addAll(f.bandit(d).observed().keySet());
                yield List.copyOf(seen);
            }
            case SCORE_BAND -> ClipFeatures.SCORE_BANDS;
            case LENGTH_BAND -> ClipFeatures.LENGTH_BANDS;
            case HOOK_BAND -> ClipFeatures.HOOK_BANDS;
        };
    }

    /** The window hours of the account's platform under the workspace's active rules. */
    public PlatformRule rule(long ws, String platform) {
        return Platform.parse(platform).map(p -> rules.active(ws).of(p)).orElse(null);
    }

    /**
     * Evidence per option, best first. P(best) is a Monte Carlo estimate seeded by the account and dimension, so the
     * same posts always give the same figures.
     */
    public List<Evidence> evidence(Fitted f, Dimension d, List<String> options) {
        var bandit = f.bandit(d);
        var pBest = bandit.probabilityBest(options, DRAWS, new SplittableRandom(f.accountId() * 31 + d.ordinal()));
        return options.stream().map(o -> {
            var posterior = bandit.posterior(o);
            double[] ci = posterior.interval(Evidence.LEVEL);
            return new Evidence(o, f.counts().getOrDefault(d.wire() + "/" + o, 0), round(posterior.mean()),
                    round(ci[0]), round(ci[1]), round(pBest.get(o)));
        }).sorted(Comparator.comparingDouble(Evidence::probabilityBest).reversed()).toList();
    }

    static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
