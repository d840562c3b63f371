package io.socialsync.meta.webhooks;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What anyone can POST to the Meta webhook: the signature check answers true or false (true only for the real
 * HMAC) and the payload parser returns its result (a problem for unusable bodies), neither ever throws.
 */
class MetaWebhookFuzzTest {
    private static final String SECRET = "app-secret";

    /** The input's first line is the X-Hub-Signature-256 header (none when the input has no line break). */
    @FuzzTest(maxDuration = "8s")
    void anySignatureAndBodyIsJudgedWithoutThrowing(byte[] input) {
        int newline = 0;
        while (newline < input.length && input[newline] != '\n') {
            newline++;
        }
        String header = newline == input.length ? null : new String(input, 0, newline, StandardCharsets.ISO_8859_1);
        byte[] body = Arrays.copyOfRange(input, Math.min(input.length, newline + 1), input.length);
        boolean valid = HubSignature.valid(SECRET, body, header);
        String real = HubSignature.PREFIX + HexFormat.of().formatHex(HubSignature.hmac(SECRET, body));
        if (valid && !real.equalsIgnoreCase(header.strip())) {
            throw new IllegalStateException("a forged signature was accepted: " + header);
        }
        var parsed = MetaPayloads.parse(body);
        if (parsed.changes() == null || (parsed.problem() != null && !parsed.changes().isEmpty())) {
            throw new IllegalStateException("inconsistent result " + parsed);
        }
    }
}
