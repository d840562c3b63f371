package io.socialsync.webhooks;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.net.PrivateAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which URLs a webhook may call. Checked at registration and again before every attempt, since a name can
 * start resolving to an internal address after it was registered.
 */
@Component
public class WebhookUrlPolicy {
    private final boolean allowPrivateNetworks;

    @Autowired
    public WebhookUrlPolicy(SocialSyncProperties properties) {
        this(properties.webhooks().allowPrivateNetworks());
    }

    /** Also the policy for other outbound fetches (Meta media URLs, edit inputs by URL), each with its own setting. */
    public WebhookUrlPolicy(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** A URL that may be a webhook target, or {@link Refused}; an unknown host is left to the caller. */
    public URI check(String url) throws UnknownHostException {
        URI uri = parse(url);
        if (!allowPrivateNetworks) {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (PrivateAddresses.isPrivate(address)) {
                    throw new Refused(uri.getHost() + " resolves to " + address.getHostAddress()
                            + ", a private, loopback or link-local address");
                }
            }
        }
        return uri;
    }

    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new Refused("url is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("url must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("url must not contain credentials");
        }
        return uri;
    }

    /** The URL is not allowed as a webhook target; retrying cannot help. */
    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
