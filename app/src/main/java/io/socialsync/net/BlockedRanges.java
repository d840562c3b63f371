package io.socialsync.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The addresses no user-steered request may reach (unless a feature's allowlist admits them): the server's own
 * host and networks, cloud metadata services (169.254.169.254 is link-local, fd00:ec2::254 unique-local,
 * 100.100.100.200 carrier-grade NAT), and every special-purpose range of the IANA registries that is not a
 * public destination. IPv6 forms that carry an IPv4 address are judged by that address (IPv4-mapped, NAT64
 * 64:ff9b::/96, 6to4 2002::/16) or blocked whole where the embedding is not fixed or not routable.
 */
public final class BlockedRanges {
    private record Range(Cidr block, String text, String name) {
    }

    private static final List<Range> V4 = List.of(
            range("0.0.0.0/8", "\"this\" network"),
            range("10.0.0.0/8", "private"),
            range("100.64.0.0/10", "carrier-grade NAT"),
            range("127.0.0.0/8", "loopback"),
            range("169.254.0.0/16", "link-local, cloud metadata"),
            range("172.16.0.0/12", "private"),
            range("192.0.0.0/24", "IETF protocol assignments"),
            range("192.0.2.0/24", "documentation"),
            range("192.88.99.0/24", "6to4 relay anycast"),
            range("192.168.0.0/16", "private"),
            range("198.18.0.0/15", "benchmarking"),
            range("198.51.100.0/24", "documentation"),
            range("203.0.113.0/24", "documentation"),
            range("224.0.0.0/4", "multicast"),
            range("240.0.0.0/4", "reserved, and the broadcast address 255.255.255.255"));

    private static final List<Range> V6 = List.of(
            range("::/128", "unspecified"),
            range("::1/128", "loopback"),
            range("::/96", "IPv4-compatible, deprecated"),
            range("::ffff:0:0:0/96", "IPv4-translated"),
            range("64:ff9b:1::/48", "local-use NAT64"), // the embedding depends on the local prefix length
            range("100::/64", "discard-only"),
            range("2001::/23", "IETF protocol assignments, Teredo 2001::/32 among them"),
            range("2001:db8::/32", "documentation"),
            range("3fff::/20", "documentation"),
            range("5f00::/16", "segment routing"),
            range("fc00::/7", "unique local"),
            range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local, deprecated"),
            range("ff00::/8", "multicast"));

    private static final Cidr MAPPED = Cidr.parse("::ffff:0:0/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private BlockedRanges() {
    }

    public static boolean isBlocked(InetAddress address) {
        return blockedBy(address).isPresent();
    }

    /** The blocked range {@code address} falls in, as "block (name)", or empty for a public address. */
    public static Optional<String> blockedBy(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return find(V4, address);
        }
        if (MAPPED.contains(address) || NAT64.contains(address)) {
            return embedded(Arrays.copyOfRange(b, 12, 16), MAPPED.contains(address) ? "IPv4-mapped" : "NAT64");
        }
        if (SIX_TO_FOUR.contains(address)) {
            return embedded(Arrays.copyOfRange(b, 2, 6), "6to4");
        }
        return find(V6, address);
    }

    private static Optional<String> embedded(byte[] v4, String form) {
        try {
            return find(V4, InetAddress.getByAddress(v4)).map(r -> r + " inside a " + form + " address");
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an address", e);
        }
    }

    private static Optional<String> find(List<Range> table, InetAddress address) {
        return table.stream().filter(r -> r.block().contains(address)).findFirst()
                .map(r -> r.text() + " (" + r.name() + ")");
    }

    private static Range range(String block, String name) {
        return new Range(Cidr.parse(block), block, name);
    }
}
