package io.socialsync.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which host strings are IP addresses, parsed here and never by {@link InetAddress#getByName}: that method reads
 * {@code 0177.0.0.1} as 177.0.0.1 where glibc, curl and browsers read 127.0.0.1, and hands what it cannot parse
 * to DNS. Only the canonical forms are literals: a dotted quad of four decimal parts without leading zeros, and
 * an IPv6 address in RFC 4291 text form (an embedded IPv4 part must be a canonical quad too; no zone id).
 * <p>
 * Every other numeric spelling ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1},
 * {@code 127.0.0.1.}) is refused outright rather than normalised: parsers disagree on what they mean (Java,
 * inet_aton and the WHATWG URL standard give three different answers for some), and the URL may be handed on to
 * another client (yt-dlp) with its own reading, so no single normalisation is safe. "Numeric" follows the WHATWG
 * rule: a host whose last label is a decimal or 0x number is an IPv4 address or invalid, never a DNS name.
 */
final class IpLiterals {
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern ENDS_IN_NUMBER = Pattern.compile("(?i)(.*\\.)?(0x[0-9a-f]*|[0-9]+)\\.?");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

    private IpLiterals() {
    }

    /** The address a canonical literal denotes (host without brackets); empty for names and anything else. */
    static Optional<InetAddress> parse(String host) {
        byte[] bytes = host.contains(":") ? v6(host) : v4(host);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes)); // bytes in, no lookup; ::ffff:a.b.c.d comes back as IPv4
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    static boolean isLiteral(String host) {
        return parse(host).isPresent();
    }

    /** A number or dotted numbers that is not a canonical dotted quad: refused, never resolved. */
    static boolean isAmbiguousNumber(String host) {
        return !host.contains(":") && !QUAD.matcher(host).matches() && ENDS_IN_NUMBER.matcher(host).matches();
    }

    private static byte[] v4(String s) {
        if (!QUAD.matcher(s).matches()) {
            return null;
        }
        String[] parts = s.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) Integer.parseInt(parts[i]);
        }
        return b;
    }

    private static byte[] v6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = groups(gap < 0 ? s : s.substring(0, gap), gap < 0);
        List<Integer> tail = gap < 0 ? List.of() : groups(s.substring(gap + 2), true);
        if (head == null || tail == null || (gap < 0 ? head.size() != 8 : head.size() + tail.size() > 7)) {
            return null;
        }
        byte[] b = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            put(b, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(b, 8 - tail.size() + i, tail.get(i));
        }
        return b;
    }

    /** 16-bit groups separated by ':'; the last of the address may be a dotted quad (two groups). */
    private static List<Integer> groups(String part, boolean endsTheAddress) {
        var out = new ArrayList<Integer>();
        if (part.isEmpty()) {
            return out;
        }
        String[] groups = part.split(":", -1);
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (HEX_GROUP.matcher(g).matches()) {
                out.add(Integer.parseInt(g, 16));
            } else if (endsTheAddress && i == groups.length - 1 && v4(g) != null) {
                byte[] q = v4(g);
                out.add((q[0] & 0xff) << 8 | (q[1] & 0xff));
                out.add((q[2] & 0xff) << 8 | (q[3] & 0xff));
            } else {
                return null;
            }
        }
        return out;
    }

    private static void put(byte[] b, int group, int value) {
        b[2 * group] = (byte) (value >>> 8);
        b[2 * group + 1] = (byte) value;
    }
}
