package io.socialsync.platforms;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code socialsync.connect.*}: connecting accounts by OAuth. The clients are the token refresher's
 * ({@link TokenSettings}); here are the providers' consent pages (tests point them at WireMock) and how long a
 * flow may take.
 *
 * @param stateTtl         from the redirect to the provider until the callback; an older {@code state} is refused
 * @param pendingTtl       how long a person has to pick the accounts (Pages, channels) to connect
 * @param metaConfigId     a Facebook Login for Business configuration id; when set it replaces the scopes
 */
@ConfigurationProperties("socialsync.connect")
public record ConnectSettings(@DefaultValue("10m") Duration stateTtl,
                              @DefaultValue("1h") Duration pendingTtl,
                              @DefaultValue(MetaGraph.LOGIN_DIALOG) String metaAuthorizeUrl,
                              String metaConfigId,
                              @DefaultValue("https://www.tiktok.com/v2/auth/authorize/") String tiktokAuthorizeUrl,
                              @DefaultValue("https://accounts.google.com/o/oauth2/v2/auth") String googleAuthorizeUrl) {
    public ConnectSettings {
        metaAuthorizeUrl = MetaGraph.or(metaAuthorizeUrl, MetaGraph.LOGIN_DIALOG);
    }
}
