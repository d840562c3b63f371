package io.socialsync.edit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code socialsync.edit.*}, for inputs given by URL. {@code allowPrivateNetworks} lets a URL
 * point at loopback, private, link-local and similar addresses: off by default, so an edit request cannot make
 * the server fetch from its own network (SSRF); tests and single-machine setups turn it on.
 */
@ConfigurationProperties("socialsync.edit")
public record EditProperties(@DefaultValue("false") boolean allowPrivateNetworks,
                             @DefaultValue("4294967296") long maxDownloadBytes,
                             @DefaultValue("10s") Duration connectTimeout,
                             @DefaultValue("30m") Duration downloadTimeout) {
}
