package io.socialsync.meta.downloads;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.net.Fetched;
import io.socialsync.net.GuardedHttp;
import io.socialsync.net.UrlGuard;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * GETs a media URL through the SSRF guard ({@code socialsync.meta.allow-private-networks} lifts its address
 * check), every redirect hop checked again. The timeout bounds connecting and each wait for data;
 * {@link io.socialsync.net.BoundedBody} bounds the whole body.
 */
@Component
public class MediaFetcher implements DisposableBean {
    private final GuardedHttp http;

    public MediaFetcher(SocialSyncProperties properties) {
        Duration timeout = properties.meta().downloadTimeout();
        this.http = new GuardedHttp(UrlGuard.privateNetworks(properties.meta().allowPrivateNetworks()), timeout,
                timeout, "SocialSync-Media/1");
    }

    /**
     * An open response; close it to release the connection.
     * @throws UrlGuard.Refused when a URL on the way is not allowed, or redirects loop (retrying cannot help)
     */
    public Fetched get(String url) throws IOException {
        return http.get(url);
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
