package io.socialsync.platforms;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth 2.0 refresh grant (RFC 6749 §6) as Google and TikTok implement it: a form POST to the token endpoint,
 * JSON back with {@code access_token}, {@code expires_in} and maybe a new {@code refresh_token}; errors as
 * {@code {"error", "error_description"}} (§5.2), which TikTok may send with HTTP 200.
 */
public final class OAuthRefresh {
    /** The refresh token (or the grant behind it) is dead: expired, revoked, rotated away, issued to another client. */
    private static final Set<String> DEAD = Set.of("invalid_grant", "access_denied");
    private final PlatformHttp http;
    private final Clock clock;
    private final Duration timeout;

    public OAuthRefresh(PlatformHttp http, Clock clock, Duration timeout) {
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * @param who   the platform as people name it ("Google", "TikTok")
     * @param whose the account as shown in sentences
     * @param hint  what to add when the platform refuses the refresh token (why that happens there)
     * @param life  the access token's lifetime when the answer has no {@code expires_in}
     */
    public TokenGrant refresh(String who, String whose, String tokenUrl, Map<String, String> form, String hint,
                              Duration life) {
        var request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cache-Control", "no-cache")
                .POST(PlatformHttp.form(form));
        Instant sent = clock.instant();
        return switch (http.send(request, timeout)) {
            case HttpResult.NotSent n -> new TokenGrant.Unavailable("could not reach " + who + "'s token endpoint ("
                    + n.detail() + "): SocialSync tries again", null);
            case HttpResult.NoAnswer n -> new TokenGrant.Unavailable("no answer from " + who + "'s token endpoint ("
                    + n.detail() + "): SocialSync tries again", null);
            case HttpResult.Answered a -> answered(who, whose, a, sent, hint, life);
        };
    }

    private static TokenGrant answered(String who, String whose, HttpResult.Answered a, Instant sent, String hint,
                                       Duration life) {
        JsonNode json = a.json();
        String error = json.path("error").isString() ? json.path("error").asString() : "";
        String token = json.path("access_token").asString("");
        if (a.ok() && error.isEmpty() && !token.isBlank()) {
            Instant expires = after(sent, json.path("expires_in"));
            String refresh = json.path("refresh_token").isString() ? json.path("refresh_token").asString() : null;
            return new TokenGrant.Renewed(new TokenRenewal(token, expires != null ? expires : sent.plus(life),
                    refresh, refreshExpiry(sent, json)));
        }
        String raw = error.isEmpty() ? " (" + who + " answered HTTP " + a.status() + ")"
                : " (" + who + " said: " + error + description(json) + ", HTTP " + a.status() + ")";
        if (DEAD.contains(error)) {
            return new TokenGrant.Refused(who + " refused to renew the access of " + whose + ": reconnect the "
                    + "account" + raw + ". " + hint);
        }
        if (a.status() == 429 || a.status() >= 500 || error.equals("temporarily_unavailable")
                || error.equals("server_error")) {
            return new TokenGrant.Unavailable(who + "'s token endpoint had a temporary problem: SocialSync tries "
                    + "again" + raw, a.status() == 429 || a.status() == 503 ? RetryAfter.of(a, null) : null);
        }
        if (a.ok() && error.isEmpty()) {
            return new TokenGrant.Unavailable(who + " answered without an access token: SocialSync tries again"
                    + raw, null);
        }
        return new TokenGrant.Misconfigured(who + " refused SocialSync's refresh request" + raw + ": check the "
                + who + " OAuth client id and secret SocialSync is configured with (reconnecting the account will "
                + "not help)");
    }

    private static String description(JsonNode json) {
        String text = json.path("error_description").asString("");
        if (text.isBlank()) {
            return "";
        }
        return ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }

    /** {@code expires_in} seconds after the request left: never later than the platform means. */
    public static Instant after(Instant sent, JsonNode seconds) {
        long s = seconds.asLong(0);
        return s > 0 ? sent.plusSeconds(s) : null;
    }

    /** TikTok's {@code refresh_expires_in}; Google's {@code refresh_token_expires_in} (time-limited access). */
    private static Instant refreshExpiry(Instant sent, JsonNode json) {
        var tiktok = after(sent, json.path("refresh_expires_in"));
        return tiktok != null ? tiktok : after(sent, json.path("refresh_token_expires_in"));
    }
}
