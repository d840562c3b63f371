package io.socialsync.learning;

import io.socialsync.library.PresetAdvisor;
import io.socialsync.platforms.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A {@code random} preset, once a preset rule is active for an account of the variant's platform: a Thompson draw
 * over every preset that changes something, from the posts of the accounts with such a rule (a variant is rendered
 * for a platform, not an account). Exploration is the workspace's share of uniform draws.
 */
@Component
public class LearnedPresets implements PresetAdvisor {
    private static final List<String> CHANGING = ClipFeatures.PRESETS.subList(1, ClipFeatures.PRESETS.size());
    private final LearnedRules rules;
    private final Outcomes outcomes;
    private final LearningRandom random;

    public LearnedPresets(LearnedRules rules, Outcomes outcomes, LearningRandom random) {
        this.rules = rules;
        this.outcomes = outcomes;
        this.random = random;
    }

    @Override
    public Optional<Advice> random(long ws, List<String> formats) {
        for (String format : formats) {
            var platform = platformOf(format);
            if (platform.isEmpty() || !rules.anyActive(ws, platform.get(), Dimension.PRESET)) {
                continue;
            }
            var observations = new ArrayList<AdditiveFit.Observation>();
            for (var account : outcomes.accounts(ws)) {
                if (account.platform().equals(platform.get())
                        && rules.inState(ws, account.id(), Dimension.PRESET, LearnedRule.State.ACTIVE).isPresent()) {
                    outcomes.latestPerPost(ws, account.id())
                            .forEach(o -> observations.add(new AdditiveFit.Observation(o.options(), o.score())));
                }
            }
            var bandit = AdditiveFit.fit(Dimension.WIRES, observations).get(Dimension.PRESET.wire());
            String preset = bandit.choose(CHANGING, rules.settings(ws).exploration(), random.next());
            var posterior = bandit.posterior(preset);
            return Optional.of(new Advice(preset, String.format(Locale.ROOT, "random → %s, drawn from %d %s posts "
                    + "(%d with it, mean score %+.2f)", preset, observations.size(), platform.get(), posterior.n(),
                    posterior.mean())));
        }
        return Optional.empty();
    }

    /** A render format's platform: instagram_reel → instagram, youtube_short → youtube. */
    static Optional<String> platformOf(String format) {
        String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
        return Platform.parse(f.contains("_") ? f.substring(0, f.indexOf('_')) : f).map(Platform::wire);
    }
}
