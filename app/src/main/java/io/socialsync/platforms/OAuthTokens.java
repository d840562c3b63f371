package io.socialsync.platforms;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * A platform whose tokens renew by the OAuth refresh grant ({@link OAuthRefresh}): it names its client, how it
 * speaks of itself and its accounts, and why its refresh tokens die; the exchange is this one.
 */
public abstract class OAuthTokens implements TokenEndpoint {
    /** The OAuth client: the form field its id goes in (TikTok says client_key), the id, the secret, the URL. */
    public record Client(String idField, String id, String secret, String tokenUrl) {
    }

    private final Platform platform;
    private final String who;
    private final String hint;
    private final Duration life;
    private final OAuthRefresh oauth;

    /**
     * @param who  the platform as people name it ("Google", "TikTok")
     * @param hint why a refresh token dies there, added when it is refused
     * @param life the access token's lifetime when the answer has no {@code expires_in}
     */
    protected OAuthTokens(Platform platform, String who, String hint, Duration life, PlatformHttp http, Clock clock,
                          Duration timeout) {
        this.platform = platform;
        this.who = who;
        this.hint = hint;
        this.life = life;
        this.oauth = new OAuthRefresh(http, clock, timeout);
    }

    protected abstract Client client();

    /** The account as shown in sentences. */
    protected abstract String whose(String handle);

    @Override
    public final Set<Platform> platforms() {
        return Set.of(platform);
    }

    @Override
    public final boolean needsRefreshToken() {
        return true;
    }

    @Override
    public final TokenGrant renew(Platform platform, String handle, String accessToken, String refreshToken) {
        var client = client();
        var form = new LinkedHashMap<String, String>();
        form.put(client.idField(), client.id());
        form.put("client_secret", client.secret());
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return oauth.refresh(who, whose(handle), client.tokenUrl(), form, hint, life);
    }
}
