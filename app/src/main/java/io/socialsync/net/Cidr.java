package io.socialsync.net;

import java.net.InetAddress;

/** An address block such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of one. */
public record Cidr(byte[] network, int prefix) {

    /** @throws IllegalArgumentException unless {@code text} is an IP literal with an optional /prefix */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = IpLiterals.parse(address).map(InetAddress::getAddress).orElseThrow(
                () -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block"));
        if (address.contains(":") && bytes.length == 4) {
            bytes = mapped(bytes); // ::ffff:a.b.c.d/n: keep the 16-byte block the operator wrote
        }
        int prefix = slash < 0 ? bytes.length * 8 : prefix(text, slash);
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length out of range");
        }
        return new Cidr(bytes, prefix);
    }

    private static int prefix(String text, int slash) {
        try {
            return Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length that is not a number", e);
        }
    }

    private static byte[] mapped(byte[] v4) {
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(v4, 0, b, 12, 4);
        return b;
    }

    public boolean contains(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4 && network.length == 16) {
            b = mapped(b); // Java hands ::ffff:a.b.c.d over as IPv4; an IPv6 block still sees it in that form
        }
        if (b.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((b[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
