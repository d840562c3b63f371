package io.socialsync.meta.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.meta.MetaHmac;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HubSignatureTest {
    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    /** printf 'Hello, World!' | openssl dgst -sha256 -hmac "It's a Secret to Everybody" (checked by hand). */
    private static final String KNOWN = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void acceptsTheKnownAnswerVector() {
        assertThat(MetaHmac.header(SECRET.getBytes(StandardCharsets.US_ASCII), HELLO)).isEqualTo(KNOWN);
        assertThat(HubSignature.valid(SECRET, HELLO, KNOWN)).isTrue();
        assertThat(HubSignature.valid(SECRET, HELLO, KNOWN.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
    }

    @Test
    void coversTheRawBytesNotAReparsedForm() {
        byte[] body = {'{', '"', 'a', '"', ':', ' ', '"', (byte) 0xc3, (byte) 0xa9, '"', '}'}; // {"a": "é"}
        byte[] key = {'k', 'e', 'y'};
        String signature = MetaHmac.header(key, body);
        assertThat(HubSignature.valid("key", body, signature)).isTrue();
        byte[] compact = {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0xa9, '"', '}'}; // same JSON, no space
        assertThat(HubSignature.valid("key", compact, signature)).isFalse();
    }

    @Test
    void refusesMissingMalformedAndWrongSignatures() {
        assertThat(HubSignature.valid(SECRET, HELLO, null)).isFalse();
        assertThat(HubSignature.valid(SECRET, HELLO, "")).isFalse();
        assertThat(HubSignature.valid(SECRET, HELLO, KNOWN.substring("sha256=".length()))).isFalse();
        assertThat(HubSignature.valid(SECRET, HELLO, "sha1=" + KNOWN.substring(7))).isFalse();
        assertThat(HubSignature.valid(SECRET, HELLO, "sha256=not-hex")).isFalse();
        assertThat(HubSignature.valid(SECRET, HELLO, KNOWN.substring(0, KNOWN.length() - 2))).isFalse();
        assertThat(HubSignature.valid("another secret", HELLO, KNOWN)).isFalse();
        assertThat(HubSignature.valid(SECRET, "Hello, World?".getBytes(StandardCharsets.US_ASCII), KNOWN)).isFalse();
    }

    @Test
    void comparesVerifyTokens() {
        assertThat(HubSignature.sameToken("token-1", "token-1")).isTrue();
        assertThat(HubSignature.sameToken("token-1", "token-2")).isFalse();
        assertThat(HubSignature.sameToken("token-1", "token-1 ")).isFalse();
        assertThat(HubSignature.sameToken("token-1", null)).isFalse();
    }
}
