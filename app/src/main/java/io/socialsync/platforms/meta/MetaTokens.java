package io.socialsync.platforms.meta;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.OAuthRefresh;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.RetryAfter;
import io.socialsync.platforms.TokenEndpoint;
import io.socialsync.platforms.TokenGrant;
import io.socialsync.platforms.TokenRenewal;
import io.socialsync.platforms.TokenSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Instagram and Facebook: Meta has no refresh token. A long-lived token (about 60 days) that has not expired is
 * exchanged for a new one with {@code GET /oauth/access_token?grant_type=fb_exchange_token}. Page tokens taken
 * from {@code /me/accounts} with a long-lived user token do not expire at all: such accounts are stored without
 * {@code token_expires_at} and never come here. An answer without {@code expires_in} is such a token.
 */
@Component
class MetaTokens implements TokenEndpoint {
    /**
     * Graph's "Handling Errors" table: 1 (API Unknown) and 2 (API Service) are temporary, "wait and retry"; 4, 17,
     * 32, 341 (application limit reached) and 613 are request limits, 80001/80002 the Pages and Instagram business
     * use cases'. None is the token's fault or the app's.
     */
    private static final Set<Integer> TEMPORARY = Set.of(1, 2, 4, 17, 32, 341, 613, 80001, 80002);
    private final TokenSettings settings;
    private final PlatformHttp http;
    private final Clock clock;

    MetaTokens(TokenSettings settings, PlatformHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Set<Platform> platforms() {
        return Set.of(Platform.INSTAGRAM, Platform.FACEBOOK);
    }

    @Override
    public boolean configured() {
        return settings.meta().configured();
    }

    @Override
    public String notConfigured() {
        return "no Meta app is configured: set SOCIALSYNC_META_APP_ID and SOCIALSYNC_META_APP_SECRET so SocialSync "
                + "can extend Instagram and Facebook tokens";
    }

    @Override
    public boolean needsRefreshToken() {
        return false;
    }

    @Override
    public TokenGrant renew(Platform platform, String handle, String accessToken, String refreshToken) {
        var meta = settings.meta();
        String base = meta.baseUrl().endsWith("/") ? meta.baseUrl().substring(0, meta.baseUrl().length() - 1)
                : meta.baseUrl();
        String url = base + "/oauth/access_token?grant_type=fb_exchange_token&client_id="
                + PlatformHttp.enc(meta.appId()) + "&client_secret=" + PlatformHttp.enc(meta.appSecret())
                + "&fb_exchange_token=" + PlatformHttp.enc(accessToken);
        Instant sent = clock.instant();
        String whose = name(platform) + " account @" + handle;
        return switch (http.send(HttpRequest.newBuilder(URI.create(url)).GET(), settings.requestTimeout())) {
            case HttpResult.NotSent n -> new TokenGrant.Unavailable("could not reach Meta's Graph API ("
                    + scrub(n.detail(), accessToken, meta.appSecret()) + "): SocialSync tries again", null);
            case HttpResult.NoAnswer n -> new TokenGrant.Unavailable("no answer from Meta's Graph API ("
                    + scrub(n.detail(), accessToken, meta.appSecret()) + "): SocialSync tries again", null);
            case HttpResult.Answered a -> answered(whose, a, sent);
        };
    }

    static TokenGrant answered(String whose, HttpResult.Answered a, Instant sent) {
        var json = a.json();
        String token = json.path("access_token").asString("");
        if (a.ok() && !token.isBlank()) {
            // no expires_in: a token that does not expire (a page token); Meta has no refresh token to rotate
            return new TokenGrant.Renewed(new TokenRenewal(token, OAuthRefresh.after(sent, json.path("expires_in")),
                    null, null));
        }
        var error = GraphError.of(a);
        String raw = error.said("Meta", error.message());
        if (error.code() == 190 || error.code() == 102) {
            return new TokenGrant.Refused("Meta refused to extend the token of " + whose + ": reconnect the "
                    + "account" + raw + ". Meta tokens die when they expire (about 60 days), when the user "
                    + "changes their password, logs out, or removes the app, or loses the Page role.");
        }
        if (error.code() == 101 || error.message().toLowerCase(Locale.ROOT).contains("client secret")) {
            return misconfigured(whose, raw); // Meta reports a wrong app secret as code 1, "temporary" otherwise
        }
        if (a.status() == 429 || error.serverTrouble() || TEMPORARY.contains(error.code())) {
            return new TokenGrant.Unavailable("Meta had a temporary problem extending the token of " + whose
                    + ": SocialSync tries again" + raw, a.status() == 429 ? RetryAfter.of(a, null) : null);
        }
        if (a.ok()) {
            return new TokenGrant.Unavailable("Meta answered without an access token: SocialSync tries again" + raw,
                    null);
        }
        return misconfigured(whose, raw);
    }

    private static TokenGrant misconfigured(String whose, String raw) {
        return new TokenGrant.Misconfigured("Meta refused SocialSync's token exchange for " + whose + raw
                + ": check the Meta app id and secret SocialSync is configured with (reconnecting the account will "
                + "not help)");
    }

    /** The secrets travel in this call's URL: keep them out of a network error's text, which is stored. */
    private static String scrub(String detail, String... secrets) {
        String clean = detail;
        for (String secret : secrets) {
            clean = clean.replace(secret, "****").replace(PlatformHttp.enc(secret), "****");
        }
        return clean;
    }

    private static String name(Platform platform) {
        return platform == Platform.INSTAGRAM ? "Instagram" : "Facebook";
    }
}
