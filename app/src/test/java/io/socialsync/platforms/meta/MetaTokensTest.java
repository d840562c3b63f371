package io.socialsync.platforms.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.TokenGrant;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How Meta's answers to the token exchange are read: Graph's error table says what each code means, and only a
 * dead token sends a person to reconnect.
 */
class MetaTokensTest {
    private static final Instant SENT = Instant.parse("2026-12-07T12:00:00Z");

    private static TokenGrant answer(int status, int code, String message) {
        return answer(status, Map.of(), "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\","
                + "\"code\":" + code + ",\"fbtrace_id\":\"AbC\"}}");
    }

    private static TokenGrant answer(int status, Map<String, List<String>> headers, String body) {
        return MetaTokens.answered("Instagram account @shop", new HttpResult.Answered(status,
                HttpHeaders.of(headers, (n, v) -> true), body), SENT);
    }

    @Test
    void unknownServiceAndApplicationLimitErrorsAreTriedAgain() {
        // Graph: 1 "API Unknown" and 2 "API Service", wait and retry; 341 "Application limit reached"
        for (int code : new int[] {1, 2, 341, 4, 17, 32, 613}) {
            var grant = answer(400, code, "An unknown error has occurred.");
            assertThat(grant).as("code %d", code).isInstanceOf(TokenGrant.Unavailable.class);
            assertThat(((TokenGrant.Unavailable) grant).reason()).contains("SocialSync tries again")
                    .contains("code " + code);
        }
        var limited = answer(429, Map.of("Retry-After", List.of("120")), "{\"error\":{\"message\":\"slow down\","
                + "\"code\":4}}");
        assertThat(((TokenGrant.Unavailable) limited).retryAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aDeadTokenIsReconnectedAndAWrongSecretIsTheOperatorsEvenUnderCodeOne() {
        assertThat(answer(400, 190, "Error validating access token: Session has expired"))
                .isInstanceOf(TokenGrant.Refused.class);
        // Meta answers a wrong app secret with code 1: its words decide, not the "temporary" code
        assertThat(answer(400, 1, "Error validating client secret.")).isInstanceOf(TokenGrant.Misconfigured.class);
        assertThat(answer(400, 101, "Error validating application.")).isInstanceOf(TokenGrant.Misconfigured.class);
        assertThat(answer(400, 100, "Invalid parameter")).isInstanceOf(TokenGrant.Misconfigured.class);
    }

    @Test
    void anAnswerWithoutExpiryIsATokenThatDoesNotExpire() {
        var renewed = answer(200, Map.of(), "{\"access_token\":\"EAA.new\",\"token_type\":\"bearer\","
                + "\"expires_in\":5183944}");
        assertThat(renewed).isInstanceOf(TokenGrant.Renewed.class);
        assertThat(((TokenGrant.Renewed) renewed).renewal().accessToken()).isEqualTo("EAA.new");
        var page = answer(200, Map.of(), "{\"access_token\":\"EAA.page\",\"token_type\":\"bearer\"}");
        assertThat(((TokenGrant.Renewed) page).renewal().expiresAt()).isNull();
    }
}
