package io.socialsync.platforms.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.platforms.AdsFailure.Kind;
import io.socialsync.platforms.HttpResult;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Marketing API errors sorted into what a person, or SocialSync, can do about them. */
class AdsErrorsTest {

    private static HttpResult.Answered answer(int status, Map<String, List<String>> headers, int code, int subcode,
                                              String message) {
        return new HttpResult.Answered(status, HttpHeaders.of(headers, (n, v) -> true), "{\"error\":{\"message\":\""
                + message + "\",\"code\":" + code + ",\"error_subcode\":" + subcode + "}}");
    }

    private static HttpResult.Answered answer(int status, int code, int subcode, String message) {
        return answer(status, Map.of(), code, subcode, message);
    }

    @Test
    void theRateLimitCodesWaitAndSaySo() {
        var user = AdsErrors.map(answer(400, 17, 2446079, "User request limit reached"));
        assertThat(user.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(user.retryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(user.message()).contains("limiting calls").contains("code 17");
        var account = AdsErrors.map(answer(400, 613, 1487742, "There have been too many calls from this ad-account"));
        assertThat(account.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(account.retryable()).isTrue();
        var buc = AdsErrors.map(answer(400, Map.of("X-Business-Use-Case-Usage", List.of("{\"99\":[{\"type\":"
                + "\"ads_management\",\"estimated_time_to_regain_access\":12}]}")), 80004, 2446079,
                "There have been too many calls to this ad-account."));
        assertThat(buc.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(buc.retryAfter()).isEqualTo(Duration.ofMinutes(12));
        assertThat(buc.message()).contains("12 minutes");
        // the application's, the page's and the "application limit reached" codes wait as well
        for (int code : new int[] {4, 32, 341}) {
            assertThat(AdsErrors.map(answer(400, code, 0, "Application request limit reached")).kind())
                    .as("code %d", code).isEqualTo(Kind.RATE_LIMITED);
        }
    }

    @Test
    void budgetTargetingPermissionAndTokenEachSayWhatToFix() {
        assertThat(AdsErrors.map(answer(400, 100, 1885272, "Budget too low")).kind()).isEqualTo(Kind.BUDGET_TOO_LOW);
        assertThat(AdsErrors.map(answer(400, 100, 0, "The daily budget is below the minimum")).kind())
                .isEqualTo(Kind.BUDGET_TOO_LOW);
        assertThat(AdsErrors.map(answer(400, 100, 1487756, "Invalid targeting spec")).kind())
                .isEqualTo(Kind.INVALID_TARGETING);
        var permission = AdsErrors.map(answer(403, 200, 0, "Requires ads_management permission"));
        assertThat(permission.kind()).isEqualTo(Kind.PERMISSION);
        assertThat(permission.retryable()).isFalse();
        assertThat(AdsErrors.map(answer(400, 10, 0, "Application does not have permission")).kind())
                .isEqualTo(Kind.PERMISSION);
        assertThat(AdsErrors.map(answer(400, 294, 0, "Managing advertisements requires the extended permission "
                + "ads_management")).kind()).isEqualTo(Kind.PERMISSION);
        assertThat(AdsErrors.map(answer(400, 100, 2446307, "Your budget is too low")).kind())
                .isEqualTo(Kind.BUDGET_TOO_LOW);
        var token = AdsErrors.map(answer(401, 190, 463, "Session has expired"));
        assertThat(token.kind()).isEqualTo(Kind.REAUTH);
        assertThat(token.message()).contains("PUT /ad-account");
    }

    @Test
    void serverTroubleIsRetriedAndTheRestIsRefusedInMetasWords() {
        assertThat(AdsErrors.map(answer(500, 2, 0, "An unexpected error has occurred")).kind())
                .isEqualTo(Kind.TEMPORARY);
        // Graph's "API Unknown" and "API Service": Meta's advice is to wait and retry, whatever the HTTP status
        assertThat(AdsErrors.map(answer(400, 1, 0, "An unknown error occurred")).kind()).isEqualTo(Kind.TEMPORARY);
        assertThat(AdsErrors.map(answer(400, 2, 0, "Service temporarily unavailable")).kind())
                .isEqualTo(Kind.TEMPORARY);
        var other = AdsErrors.map(answer(400, 100, 0, "Invalid parameter"));
        assertThat(other.kind()).isEqualTo(Kind.REFUSED);
        assertThat(other.message()).contains("Invalid parameter").contains("code 100");
    }
}
