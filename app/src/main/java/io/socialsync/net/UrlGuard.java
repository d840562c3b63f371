package io.socialsync.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The SSRF guard for URLs the server fetches on a user's behalf: only http(s), no credentials, no ambiguous
 * numeric hosts, and every address a host resolves to must be public unless the allowlist admits it.
 * {@link #resolve} is also the DNS resolver of {@link GuardedHttp}, so the addresses checked are the ones connected to.
 */
public final class UrlGuard {
    private final AllowedHosts allowed;

    public UrlGuard(AllowedHosts allowed) {
        this.allowed = allowed;
    }

    /** Parses and checks {@code url}, resolving its host now. @throws Refused with a reason a user can act on */
    public URI check(String url) {
        URI uri = parse(url);
        resolve(host(uri));
        return uri;
    }

    /** The syntactic checks only (scheme, host, credentials); for redirect targets before they are connected to. */
    public URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("only http and https URLs can be ingested" + (scheme.isEmpty() ? "" : ", not " + scheme + ":"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // java.net.URI leaves the host out for names like 127.1 (a numeric last label): say why it is refused
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority().replaceFirst(":\\d*$", "");
            if (IpLiterals.isAmbiguousNumber(authority)) {
                throw ambiguous(authority);
            }
            throw new Refused("the URL must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("the URL must not contain credentials");
        }
        if (IpLiterals.isAmbiguousNumber(host(uri))) {
            throw ambiguous(uri.getHost());
        }
        return uri;
    }

    /** Every address of {@code host}, all of them checked. @throws Refused if any is private and not allowed */
    public InetAddress[] resolve(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (IpLiterals.isAmbiguousNumber(bare)) {
            throw ambiguous(bare);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new Refused("host " + bare + " cannot be resolved");
        }
        if (allowed.allowsName(bare)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (PrivateAddresses.isPrivate(address) && !allowed.allowsAddress(address)) {
                throw new Refused("host " + bare + " resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or otherwise internal address");
            }
        }
        return addresses;
    }

    private static Refused ambiguous(String host) {
        return new Refused("host " + host + " is a numeric address in a non-standard form; write it as a.b.c.d");
    }

    static String host(URI uri) {
        String h = uri.getHost();
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** The URL may not be fetched; the message says why. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
