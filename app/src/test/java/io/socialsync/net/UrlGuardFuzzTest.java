package io.socialsync.net;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * Any URL a user can give: refused with {@link UrlGuard.Refused}, or accepted as http(s) with a host. A host
 * that is an address literal is resolved too (no DNS involved), and an accepted literal must not be loopback,
 * private, link-local, wildcard or multicast. Small on purpose: only {@code parse} and {@code resolve} are used.
 */
class UrlGuardFuzzTest {
    /** Names resolve to a public address; a numeric host reaching DNS would be the bug IpLiterals prevents. */
    private static final UrlGuard GUARD = new UrlGuard(AllowedHosts.NONE, name -> {
        if (name.matches("[0-9.]+") || name.contains(":")) {
            throw new IllegalStateException("a numeric host reached DNS: " + name);
        }
        return new InetAddress[] {InetAddress.getByAddress(name, new byte[] {93, (byte) 184, (byte) 215, 14})};
    });

    @FuzzTest(maxDuration = "8s")
    void anyUrlIsRefusedOrPublic(byte[] input) {
        String url = new String(input, StandardCharsets.UTF_8);
        try {
            var uri = GUARD.parse(url);
            if (uri.getHost() == null || !uri.getScheme().toLowerCase(java.util.Locale.ROOT).startsWith("http")) {
                throw new IllegalStateException("accepted without an http(s) host: " + url);
            }
            String host = UrlGuard.host(uri);
            if (host.contains(":") || host.matches("[0-9.]+")) {
                for (InetAddress address : GUARD.resolve(host)) {
                    if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                            || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                        throw new IllegalStateException(url + " reaches " + address);
                    }
                }
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("a literal did not resolve: " + url, e);
        } catch (UrlGuard.Refused refused) {
            // the one way a bad URL may end
        }
    }
}
