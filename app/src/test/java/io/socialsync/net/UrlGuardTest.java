package io.socialsync.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlGuardTest {
    private final UrlGuard strict = new UrlGuard(AllowedHosts.NONE);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/v.mp4", "http://localhost:8080/v.mp4", "http://[::1]/", "http://10.0.0.7/",
            "http://172.16.3.4/", "http://172.31.255.255/", "http://192.168.1.10/", "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/", "http://100.100.100.200/", "http://[fd00::1]/", "http://[fd00:ec2::254]/",
            "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:a9fe:a9fe]/", "https://[fe80::1]/",
            "http://224.0.0.1/", "http://[::]/"})
    void internalAddressesAreRefused(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UrlGuard.Refused.class)
                .hasMessageContaining("internal address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/",
            "http://0x7f.0.0.1/", "http://017700000001/", "http://169.254.43518/"})
    void numericHostsInOtherFormsAreRefused(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UrlGuard.Refused.class)
                .hasMessageContaining("non-standard form");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/v.mp4", "file:///etc/passwd", "gopher://x/", "javascript:alert(1)",
            "/relative.mp4", "", "http:///nohost", "https://user:pw@93.184.216.34/v.mp4", "http://exa mple.com/"})
    void onlyPlainHttpUrlsPass(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UrlGuard.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/v.mp4", "http://8.8.8.8:8080/x?y=1", "https://[2606:4700::1111]/",
            "http://172.32.0.1/", "http://100.128.0.1/"})
    void publicAddressesPass(String url) {
        assertThatCode(() -> strict.check(url)).doesNotThrowAnyException();
    }

    @Test
    void theAllowlistAdmitsNamedHostsAndBlocksOnly() {
        var guard = new UrlGuard(AllowedHosts.parse(List.of("localhost", "10.1.0.0/16", "[fd00::/8]", "127.0.0.2")));
        assertThatCode(() -> guard.check("http://localhost:9000/a.mp4")).doesNotThrowAnyException();
        assertThatCode(() -> guard.check("http://10.1.200.3/a.mp4")).doesNotThrowAnyException();
        assertThatCode(() -> guard.check("http://[fd00::5]/a.mp4")).doesNotThrowAnyException();
        assertThatCode(() -> guard.check("http://127.0.0.2/a.mp4")).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check("http://127.0.0.1/a.mp4")).isInstanceOf(UrlGuard.Refused.class);
        assertThatThrownBy(() -> guard.check("http://10.2.0.1/a.mp4")).isInstanceOf(UrlGuard.Refused.class);
        assertThatThrownBy(() -> guard.check("http://169.254.169.254/")).isInstanceOf(UrlGuard.Refused.class);
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
        assertThatThrownBy(() -> AllowedHosts.parse(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
