package io.socialsync.accounts.tokens;

import io.socialsync.accounts.AccountStatus;
import io.socialsync.accounts.SocialAccount;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.TokenEndpoint;
import io.socialsync.platforms.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/** Which accounts can be refreshed, how long ahead of expiry, and how their token looks from outside. */
@NamedInterface("tokens")
@Component
public class TokenPolicy {
    private final Map<Platform, TokenEndpoint> endpoints = new EnumMap<>(Platform.class);
    private final TokenSettings settings;

    TokenPolicy(List<TokenEndpoint> all, TokenSettings settings) {
        this.settings = settings;
        for (var endpoint : all) {
            endpoint.platforms().forEach(p -> endpoints.put(p, endpoint));
        }
    }

    /** Google and TikTok tokens last hours; Meta's long-lived ones about 60 days, so they are renewed a week ahead. */
    public Duration lead(Platform platform) {
        return platform == Platform.INSTAGRAM || platform == Platform.FACEBOOK ? settings.metaRefreshAhead()
                : settings.refreshAhead();
    }

    public TokenStatus status(SocialAccount a, Instant now) {
        if (a.status() == AccountStatus.NEEDS_REAUTH) {
            return TokenStatus.NEEDS_REAUTH;
        }
        if (!a.hasAccessToken()) {
            return TokenStatus.NONE;
        }
        if (a.tokenExpiresAt() == null) {
            return TokenStatus.VALID;
        }
        if (!a.tokenExpiresAt().isAfter(now)) {
            return TokenStatus.EXPIRED;
        }
        return a.tokenExpiresAt().isAfter(now.plus(lead(a.platform()))) ? TokenStatus.VALID : TokenStatus.EXPIRING;
    }

    /** Why SocialSync cannot renew this account's token, or null when it can. */
    public String cannotRefresh(SocialAccount a) {
        String who = "@" + a.handle();
        if (a.status() != AccountStatus.ACTIVE) {
            return who + " is " + a.status().wire() + ": only active accounts are refreshed";
        }
        if (!a.hasAccessToken()) {
            return who + " has no access token to renew";
        }
        var endpoint = endpoints.get(a.platform());
        if (endpoint == null) {
            return "SocialSync cannot renew " + a.platform().wire() + " tokens";
        }
        if (!endpoint.configured()) {
            return endpoint.notConfigured();
        }
        if (endpoint.needsRefreshToken() && !a.hasRefreshToken()) {
            return who + " has no refresh token: reconnect it with offline access so SocialSync gets one";
        }
        if (!endpoint.needsRefreshToken() && a.tokenExpiresAt() == null) {
            return "the token of " + who + " does not expire (a Page token, or no token_expires_at was given): "
                    + "there is nothing to renew";
        }
        return null;
    }

    TokenEndpoint endpoint(Platform platform) {
        return endpoints.get(platform);
    }

    /** For the sweep: per platform with a configured client, tokens expiring before this are due. */
    Map<Platform, Instant> cutoffs(Instant now) {
        var cutoffs = new EnumMap<Platform, Instant>(Platform.class);
        endpoints.forEach((platform, endpoint) -> {
            if (endpoint.configured()) {
                cutoffs.put(platform, now.plus(lead(platform)));
            }
        });
        return cutoffs;
    }

    Set<Platform> needRefreshToken() {
        var set = EnumSet.noneOf(Platform.class);
        endpoints.forEach((platform, endpoint) -> {
            if (endpoint.needsRefreshToken()) {
                set.add(platform);
            }
        });
        return set;
    }
}
