package io.socialsync.rules;

import io.socialsync.platforms.Platform;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * One version of a workspace's platform rules. Version 0 is the built-in defaults, used until a workspace saves
 * its own: the seed's windows (Instagram 18–23, TikTok 16–24, YouTube 17–22) and gaps (60/30/90 min); the seed
 * leaves Facebook open, so it gets 12–21 and 60 min.
 */
public record RuleSet(int version, Map<Platform, PlatformRule> rules, Instant createdAt, String createdBy) {
    public static final RuleSet DEFAULTS = new RuleSet(0, defaults(), null, "default");

    public RuleSet {
        rules = Map.copyOf(rules);
    }

    public PlatformRule of(Platform platform) {
        return rules.get(platform);
    }

    public boolean isDefault() {
        return version == 0;
    }

    private static Map<Platform, PlatformRule> defaults() {
        var map = new EnumMap<Platform, PlatformRule>(Platform.class);
        map.put(Platform.INSTAGRAM, new PlatformRule(18, 23, 60));
        map.put(Platform.TIKTOK, new PlatformRule(16, 24, 30));
        map.put(Platform.YOUTUBE, new PlatformRule(17, 22, 90));
        map.put(Platform.FACEBOOK, new PlatformRule(12, 21, 60));
        return map;
    }
}
