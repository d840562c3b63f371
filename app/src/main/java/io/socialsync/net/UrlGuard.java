package io.socialsync.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one SSRF guard for every URL the server fetches on a user's behalf (URL ingest, edit inputs, Meta media,
 * outbound webhooks). Two checks:
 * <ul>
 * <li>the URL ({@link #parse}): http or https only, a host, no credentials, a port in 1–65535, and a host that is
 * a DNS name or a canonical IP literal ({@link IpLiterals}: other numeric spellings are refused);</li>
 * <li>every address the host resolves to ({@link #resolve}): none may be in {@link BlockedRanges} unless the
 * feature's {@link AllowedHosts} admits it. A literal is parsed here and never looked up.</li>
 * </ul>
 * {@link #resolve} is also the DNS resolver of {@link GuardedHttp}, so the addresses checked are the very ones
 * connected to, on every connection and every redirect hop; {@link #check} is for early answers to a request.
 */
public final class UrlGuard {
    private final AllowedHosts allowed;
    private final Resolver resolver;

    public UrlGuard(AllowedHosts allowed) {
        this(allowed, Resolver.SYSTEM);
    }

    public UrlGuard(AllowedHosts allowed, Resolver resolver) {
        this.allowed = allowed;
        this.resolver = resolver;
    }

    /** For a feature whose only setting is {@code allow-private-networks}. */
    public static UrlGuard privateNetworks(boolean allowed) {
        return new UrlGuard(AllowedHosts.privateNetworks(allowed));
    }

    /**
     * The entry point: parses {@code url}, resolves its host now and checks every address.
     * @throws Refused with a reason a user can act on, also when the host does not resolve
     */
    public URI check(String url) {
        URI uri = parse(url);
        try {
            resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("host " + host(uri) + " cannot be resolved");
        }
        return uri;
    }

    /** The URL checks only, no lookup; for URLs about to be connected to through {@link GuardedHttp}. */
    public URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("only http and https URLs can be fetched" + (scheme.isEmpty() ? "" : ", not " + scheme + ":"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // java.net.URI leaves the host out for names like 127.1 (a numeric last label): say why it is refused
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority().replaceFirst(":\\d*$", "");
            if (authority.contains("@")) {
                throw credentials();
            }
            if (IpLiterals.isAmbiguousNumber(authority)) {
                throw ambiguous(authority);
            }
            throw new Refused("the URL must name a host (letters, digits, '-' and '.', or an IP address)");
        }
        if (uri.getRawUserInfo() != null) {
            throw credentials();
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new Refused("port " + uri.getPort() + " is not a valid port");
        }
        String host = host(uri);
        if (uri.getHost().startsWith("[") && !IpLiterals.isLiteral(host)) {
            throw new Refused("host " + uri.getHost() + " is not an IPv6 address in standard form "
                    + "(zone ids and IPv4 parts with leading zeros are not accepted)");
        }
        if (IpLiterals.isAmbiguousNumber(host)) {
            throw ambiguous(host);
        }
        return uri;
    }

    /**
     * Every address of {@code host} (brackets allowed), all of them checked.
     * @throws Refused if any is blocked and not allowed, or the host is not a name or canonical literal
     * @throws UnknownHostException if the name has no address
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        Optional<InetAddress> literal = IpLiterals.parse(bare);
        InetAddress[] addresses;
        if (literal.isPresent()) {
            addresses = new InetAddress[] {literal.get()};
        } else if (IpLiterals.isAmbiguousNumber(bare)) {
            throw ambiguous(bare);
        } else if (bare.isEmpty() || bare.contains(":") || bare.contains("%")) {
            throw new Refused("host " + host + " is neither a name nor an IP address this server accepts");
        } else {
            addresses = resolver.resolve(bare);
            if (addresses == null || addresses.length == 0) {
                throw new UnknownHostException(bare);
            }
            if (allowed.allowsName(bare)) {
                return addresses;
            }
        }
        for (InetAddress address : addresses) {
            Optional<String> blocked = BlockedRanges.blockedBy(address);
            if (blocked.isPresent() && !allowed.allowsAddress(address)) {
                throw new Refused("host " + bare + " resolves to " + address.getHostAddress() + ", an internal "
                        + "address (" + blocked.get() + "): loopback, private, link-local and reserved ranges "
                        + "are not fetched");
            }
        }
        return addresses;
    }

    private static Refused ambiguous(String host) {
        return new Refused("host " + host + " is a numeric address in a non-standard form; write it as a.b.c.d");
    }

    private static Refused credentials() {
        return new Refused("the URL must not contain credentials (user:password@)");
    }

    static String host(URI uri) {
        String h = uri.getHost();
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** The URL may not be fetched; the message says why. Retrying cannot help. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
