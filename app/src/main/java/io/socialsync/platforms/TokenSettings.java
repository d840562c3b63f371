package io.socialsync.platforms;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code socialsync.tokens.*}: the OAuth clients SocialSync refreshes tokens with (one per platform for the whole
 * instance), where their token endpoints are (tests point them at WireMock) and when to refresh. A platform
 * whose client is not configured is never refreshed: its tokens live until they expire, then need reconnecting.
 *
 * @param refreshAhead     Google (1 h) and TikTok access tokens are renewed when less than this is left
 * @param metaRefreshAhead Meta long-lived tokens (about 60 days) are exchanged when less than this is left
 * @param publishMargin    a publish renews a token with less than this left first: an upload can take a while
 * @param sweepInterval    how often nodes with the scheduler role look for tokens to renew
 * @param retryBase        first wait after a temporary refresh failure; doubles per failure up to retryMax
 * @param requestTimeout   one token endpoint call; the account row stays locked meanwhile
 */
@ConfigurationProperties("socialsync.tokens")
public record TokenSettings(@DefaultValue("10m") Duration refreshAhead,
                            @DefaultValue("7d") Duration metaRefreshAhead,
                            @DefaultValue("15m") Duration publishMargin,
                            @DefaultValue("60s") Duration sweepInterval,
                            @DefaultValue("200") int sweepBatch,
                            @DefaultValue("1m") Duration retryBase,
                            @DefaultValue("30m") Duration retryMax,
                            @DefaultValue("15s") Duration requestTimeout,
                            @DefaultValue Google google,
                            @DefaultValue TikTok tiktok,
                            @DefaultValue Meta meta) {

    /** A Google Cloud OAuth client (web application) of the YouTube accounts. */
    public record Google(String clientId, String clientSecret,
                         @DefaultValue("https://oauth2.googleapis.com/token") String tokenUrl) {
        public boolean configured() {
            return present(clientId) && present(clientSecret);
        }

        @Override
        public String toString() {
            return "Google[clientId=" + clientId + ", clientSecret=" + mask(clientSecret) + ", tokenUrl=" + tokenUrl
                    + "]";
        }
    }

    /** The TikTok app (client key and secret from its App credentials). */
    public record TikTok(String clientKey, String clientSecret,
                         @DefaultValue("https://open.tiktokapis.com/v2/oauth/token/") String tokenUrl) {
        public boolean configured() {
            return present(clientKey) && present(clientSecret);
        }

        @Override
        public String toString() {
            return "TikTok[clientKey=" + clientKey + ", clientSecret=" + mask(clientSecret) + ", tokenUrl="
                    + tokenUrl + "]";
        }
    }

    /** The Meta app of the Instagram and Facebook accounts; {@code baseUrl} includes the Graph API version. */
    public record Meta(String appId, String appSecret,
                       @DefaultValue(MetaGraph.URL) String baseUrl) {
        public Meta {
            baseUrl = MetaGraph.or(baseUrl, MetaGraph.URL);
        }

        public boolean configured() {
            return present(appId) && present(appSecret);
        }

        @Override
        public String toString() {
            return "Meta[appId=" + appId + ", appSecret=" + mask(appSecret) + ", baseUrl=" + baseUrl + "]";
        }
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String mask(String secret) {
        return present(secret) ? "****" : "";
    }
}
