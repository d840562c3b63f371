package io.socialsync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.net.PrivateAddresses;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlPolicyTest {
    private final WebhookUrlPolicy strict = new WebhookUrlPolicy(false);
    private final WebhookUrlPolicy lenient = new WebhookUrlPolicy(true);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/hook", "http://10.1.2.3/",
            "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.10/", "http://169.254.169.254/latest",
            "http://100.64.0.1/", "http://100.100.100.200/", "http://0.0.0.0/", "http://224.0.0.1/",
            "http://[::1]/", "http://[::]/", "http://[fe80::1]/", "http://[fd00:ec2::254]/",
            "http://[::ffff:127.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:c0a8:0101::1]/"})
    void privateTargetsAreRefusedByDefault(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(WebhookUrlPolicy.Refused.class)
                .hasMessageContaining("private");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "http://8.8.8.8:8080/x?y=1", "https://[2606:4700::1111]/",
            "http://172.32.0.1/", "http://100.128.0.1/"})
    void publicTargetsAreAllowed(String url) {
        assertThatCode(() -> strict.check(url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "/relative", "mailto:a@b.c", "http:///nohost", "", "http://a b/",
            "https://user:pass@93.184.216.34/"})
    void onlyPlainHttpUrlsAreAccepted(String url) {
        assertThatThrownBy(() -> lenient.check(url)).isInstanceOf(WebhookUrlPolicy.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9/hook", "http://localhost/hook", "http://10.0.0.1/"})
    void theSettingAllowsPrivateNetworks(String url) {
        assertThatCode(() -> lenient.check(url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.18.0.1", "192.0.0.8", "fc00::1", "::127.0.0.1"})
    void reservedRangesArePrivate(String ip) throws Exception {
        assertThat(PrivateAddresses.isPrivate(InetAddress.getByName(ip))).isTrue();
    }
}
