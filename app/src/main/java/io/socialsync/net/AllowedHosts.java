package io.socialsync.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ingest allowlist ({@code socialsync.ingest.allowed-hosts}): host names ({@code media.example.org}), wildcard
 * suffixes ({@code *.example.org}) and IP addresses or CIDR blocks ({@code 10.1.0.0/16}). A listed name may
 * resolve anywhere; a listed block admits its addresses whatever name led there. Meant for self-hosted sources.
 */
public record AllowedHosts(List<String> names, List<String> suffixes, List<Cidr> blocks) {
    public static final AllowedHosts NONE = new AllowedHosts(List.of(), List.of(), List.of());
    /** Every address: a feature's {@code allow-private-networks}. The URL checks still apply. */
    public static final AllowedHosts ANY = new AllowedHosts(List.of(), List.of(),
            List.of(Cidr.parse("0.0.0.0/0"), Cidr.parse("::/0")));

    /** What a feature's {@code allow-private-networks} setting means. */
    public static AllowedHosts privateNetworks(boolean allowed) {
        return allowed ? ANY : NONE;
    }

    public static AllowedHosts parse(List<String> entries) {
        var names = new ArrayList<String>();
        var suffixes = new ArrayList<String>();
        var blocks = new ArrayList<Cidr>();
        for (String raw : entries == null ? List.<String>of() : entries) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            String unbracketed = entry.startsWith("[") && entry.endsWith("]") ? entry.substring(1, entry.length() - 1) : entry;
            String address = unbracketed.split("/")[0];
            if (IpLiterals.isLiteral(address) || IpLiterals.isAmbiguousNumber(address) || unbracketed.contains("/")
                    || unbracketed.contains(":")) {
                // an address or block, or a bad one (0177.0.0.1, 10.0.0.0/x): Cidr says which, never a name
                blocks.add(Cidr.parse(unbracketed));
            } else if (entry.startsWith("*.")) {
                suffixes.add(entry.substring(1));
            } else {
                names.add(entry);
            }
        }
        return new AllowedHosts(List.copyOf(names), List.copyOf(suffixes), List.copyOf(blocks));
    }

    public boolean allowsName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return names.contains(h) || suffixes.stream().anyMatch(h::endsWith);
    }

    public boolean allowsAddress(InetAddress address) {
        return blocks.stream().anyMatch(b -> b.contains(address));
    }
}
