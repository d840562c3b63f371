package io.socialsync.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The SSRF table (ssrf-urls.csv) and the allowlist, with names resolved by a seam: no real DNS. */
class UrlGuardTest {
    /** The names of the table; a numeric host reaching it would mean a literal was sent to DNS. */
    static final Resolver NAMES = name -> {
        if (name.contains(":") || name.matches("(?i)(.*\\.)?(0x[0-9a-f]*|[0-9]+)\\.?")) {
            throw new AssertionError("a numeric host was sent to DNS: " + name);
        }
        var table = Map.of(
                "public.example", List.of(ip("93.184.216.34")),
                "public6.example", List.of(ip("2606:2800:220:1:248:1893:25c8:1946")),
                "localhost", List.of(ip("127.0.0.1"), ip("::1")),
                "internal.example", List.of(ip("10.0.0.1")),
                "metadata.example", List.of(ip("169.254.169.254")),
                "mixed.example", List.of(ip("93.184.216.34"), ip("10.0.0.1")),
                "mapped.example", List.of(mapped(127, 0, 0, 1)),
                "nat64.example", List.of(ip("64:ff9b::a00:1")),
                "ula.example", List.of(ip("fd00:ec2::254")));
        var found = table.get(name.toLowerCase(Locale.ROOT));
        if (found == null) {
            throw new UnknownHostException(name);
        }
        return found.toArray(InetAddress[]::new);
    };
    private final UrlGuard strict = new UrlGuard(AllowedHosts.NONE, NAMES);

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvFileSource(resources = "ssrf-urls.csv", delimiter = '|', numLinesToSkip = 1)
    void theTable(String url, String verdict, String reason) {
        if (verdict.equals("allow")) {
            assertThatCode(() -> strict.check(url)).doesNotThrowAnyException();
        } else {
            assertThat(verdict).isEqualTo("refuse");
            assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UrlGuard.Refused.class).hasMessageContaining(reason);
        }
    }

    @Test
    void everyAddressOfANameIsChecked() throws Exception {
        assertThat(strict.resolve("public.example")).containsExactly(ip("93.184.216.34"));
        assertThatThrownBy(() -> strict.resolve("mixed.example")).isInstanceOf(UrlGuard.Refused.class)
                .hasMessageContaining("mixed.example resolves to 10.0.0.1");
        assertThatThrownBy(() -> strict.resolve("nxdomain.example")).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> strict.resolve("[fe80::1%eth0]")).isInstanceOf(UrlGuard.Refused.class);
    }

    @Test
    void allowingPrivateNetworksLiftsTheAddressCheckOnly() {
        var open = new UrlGuard(AllowedHosts.ANY, NAMES);
        for (String url : List.of("http://127.0.0.1:9/hook", "http://localhost/x", "http://[::1]/", "http://10.0.0.1/",
                "http://[::ffff:0:127.0.0.1]/", "http://mapped.example/", "http://169.254.169.254/")) {
            assertThatCode(() -> open.check(url)).as(url).doesNotThrowAnyException();
        }
        for (String url : List.of("http://0177.0.0.1/", "http://127.1/", "ftp://127.0.0.1/", "http://u:p@127.0.0.1/",
                "http://[fe80::1%25lo]/")) {
            assertThatThrownBy(() -> open.check(url)).as(url).isInstanceOf(UrlGuard.Refused.class);
        }
    }

    @Test
    void theAllowlistAdmitsNamedHostsAndBlocksOnly() {
        var guard = new UrlGuard(AllowedHosts.parse(List.of("localhost", "10.1.0.0/16", "[fd00::/8]", "127.0.0.2")), NAMES);
        assertThatCode(() -> guard.check("http://localhost:9000/a.mp4")).doesNotThrowAnyException();
        assertThatCode(() -> guard.check("http://10.1.200.3/a.mp4")).doesNotThrowAnyException();
        assertThatCode(() -> guard.check("http://[fd00::5]/a.mp4")).doesNotThrowAnyException();
        assertThatCode(() -> guard.check("http://ula.example/a.mp4")).doesNotThrowAnyException();
        assertThatCode(() -> guard.check("http://127.0.0.2/a.mp4")).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check("http://127.0.0.1/a.mp4")).isInstanceOf(UrlGuard.Refused.class);
        assertThatThrownBy(() -> guard.check("http://10.2.0.1/a.mp4")).isInstanceOf(UrlGuard.Refused.class);
        assertThatThrownBy(() -> guard.check("http://169.254.169.254/")).isInstanceOf(UrlGuard.Refused.class);
        assertThatThrownBy(() -> guard.check("http://internal.example/")).isInstanceOf(UrlGuard.Refused.class);
    }

    @Test
    void anIpv6AllowlistBlockSeesIpv4AddressesInTheirMappedForm() {
        var allowed = AllowedHosts.parse(List.of("::ffff:10.9.0.0/112"));
        assertThat(allowed.allowsAddress(ip("10.9.1.2"))).isTrue();
        assertThat(allowed.allowsAddress(mapped(10, 9, 1, 2))).isTrue();
        assertThat(allowed.allowsAddress(ip("10.8.1.2"))).isFalse();
    }

    @Test
    void theTableCoversEveryCategoryWithAtLeast150Urls() throws Exception {
        try (var in = UrlGuardTest.class.getResourceAsStream("ssrf-urls.csv")) {
            var rows = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("url|")).toList();
            assertThat(rows).hasSizeGreaterThanOrEqualTo(150);
            for (String needle : List.of("169.254.169.254", "100.64.", "::ffff:", "::ffff:0:", "64:ff9b::", "64:ff9b:1::",
                    "2002:", "[2001::", "0177.", "0x7f", "2130706433", "user:pw@", "ftp://", "file://", "gopher://")) {
                assertThat(rows).as(needle).anyMatch(r -> r.contains(needle));
            }
        }
    }

    @Test
    void wildcardEntriesMatchSubdomainsOnly() {
        var allowed = AllowedHosts.parse(List.of("*.media.internal"));
        assertThat(allowed.allowsName("cdn.media.internal")).isTrue();
        assertThat(allowed.allowsName("media.internal")).isFalse();
        assertThat(allowed.allowsName("evilmedia.internal")).isFalse();
    }

    @Test
    void badAllowlistBlocksAreReported() {
        for (String entry : List.of("10.0.0.0/33", "10.0.0.0/x", "0177.0.0.1/8", "fe80::/129")) {
            assertThatThrownBy(() -> AllowedHosts.parse(List.of(entry))).as(entry)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    static InetAddress ip(String literal) {
        return IpLiterals.parse(literal).orElseThrow();
    }

    /** ::ffff:a.b.c.d kept as an IPv6 address, as a resolver could hand it over. */
    static InetAddress mapped(int a, int b, int c, int d) {
        try {
            return Inet6Address.getByAddress(null, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1,
                    (byte) a, (byte) b, (byte) c, (byte) d}, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
