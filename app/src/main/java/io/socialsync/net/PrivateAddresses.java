package io.socialsync.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Addresses that outbound requests (webhooks, URL ingest) must not reach by default: the server's own host and
 * networks, and the cloud metadata services (169.254.169.254 is link-local, fd00:ec2::254 unique-local,
 * 100.100.100.200 carrier-grade NAT).
 */
public final class PrivateAddresses {
    private PrivateAddresses() {
    }

    public static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? privateV4(b) : privateV6(b);
    }

    private static boolean privateV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        // "this" network, private, loopback, then multicast and reserved (224 and up)
        return first == 0 || first == 10 || first == 127 || first >= 224
                || (first == 100 && second >= 64 && second < 128)           // carrier-grade NAT
                || (first == 169 && second == 254)                          // link-local, metadata
                || (first == 172 && second >= 16 && second < 32)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0)      // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19));        // benchmarking
    }

    private static boolean privateV6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return true; // unique local fc00::/7
        }
        // forms that carry an IPv4 address: compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16
        boolean zeroPrefix = Arrays.equals(Arrays.copyOf(b, 12), new byte[12]);
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && b[3] == (byte) 0x9b
                && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
        if (zeroPrefix || nat64) {
            return privateV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return privateV4(Arrays.copyOfRange(b, 2, 6));
        }
        return false;
    }
}
