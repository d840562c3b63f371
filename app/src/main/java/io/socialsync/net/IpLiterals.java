package io.socialsync.net;

import java.util.regex.Pattern;

/**
 * Which host strings are IP addresses. Only the canonical forms count: a dotted quad of four decimal parts
 * without leading zeros, or an IPv6 literal. Other numeric spellings ({@code 2130706433}, {@code 0x7f.1},
 * {@code 0177.0.0.1}, {@code 127.1}) are refused outright, because libraries disagree on what they mean, so a
 * check made with one reading could be bypassed by a client (curl, yt-dlp) using another.
 */
final class IpLiterals {
    private static final Pattern QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern NUMERIC_LOOKING = Pattern.compile("(0x[0-9a-fA-F]*|[0-9]+)(\\.(0x[0-9a-fA-F]*|[0-9]*))*\\.?");

    private IpLiterals() {
    }

    static boolean isLiteral(String host) {
        return QUAD.matcher(host).matches() || V6.matcher(host).matches();
    }

    /** Looks like a number or dotted numbers but is not a canonical dotted quad. */
    static boolean isAmbiguousNumber(String host) {
        return !QUAD.matcher(host).matches() && NUMERIC_LOOKING.matcher(host).matches();
    }
}
