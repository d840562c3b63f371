package io.socialsync.publish;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * What the stateful fake platforms of the fault-injection test share: a name the WireMock stubs refer to (applied
 * to those stubs only), seeded faults, answers that are lost after their effect, and the Graph API's error shape.
 * Subclasses synchronise on themselves: WireMock serves requests on several threads.
 */
abstract class FakePlatform implements ResponseDefinitionTransformerV2 {
    private final String name;
    private Random random = new Random(0);
    private int lostAnswerDelayMs;

    FakePlatform(String name) {
        this.name = name;
    }

    /** A new run: the platform forgets everything, faults follow {@code seed}. */
    synchronized void reset(long seed, int lostAnswerDelayMs) {
        random = new Random(seed);
        this.lostAnswerDelayMs = lostAnswerDelayMs;
        forget();
    }

    abstract void forget();

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    boolean roll(double probability) {
        return random.nextDouble() < probability;
    }

    /** 0 to {@code bound - 1}, from the seed. */
    int pick(int bound) {
        return random.nextInt(bound);
    }

    /** {@code lost}: the effect has happened, but the answer comes after the client gave up. */
    ResponseDefinition answer(ResponseDefinition ok, boolean lost) {
        return lost ? ResponseDefinitionBuilder.like(ok).withFixedDelay(lostAnswerDelayMs).build() : ok;
    }

    static ResponseDefinition json(int status, String body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body).build();
    }

    static ResponseDefinition ok(String body) {
        return json(200, body);
    }

    /** A Graph API (Instagram, Facebook) error. */
    static ResponseDefinition graphError(int status, int code, int subcode, String message) {
        return json(status, "{\"error\":{\"message\":\"" + message + "\",\"code\":" + code + ",\"error_subcode\":"
                + subcode + "}}");
    }

    static ResponseDefinition graphTransientError() {
        return json(500, "{\"error\":{\"message\":\"An unexpected error has occurred. Please retry your request "
                + "later.\",\"code\":2,\"is_transient\":true}}");
    }

    static Map<String, String> form(String body) {
        var fields = new HashMap<String, String>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    /** Whether {@code bytes} are the test file's ({@link PlatformTest#content}) bytes from {@code from}. */
    static boolean matchesFile(byte[] bytes, long from, long size) {
        byte[] file = PlatformTest.content((int) size);
        return from + bytes.length <= size
                && Arrays.equals(bytes, 0, bytes.length, file, (int) from, (int) from + bytes.length);
    }
}
