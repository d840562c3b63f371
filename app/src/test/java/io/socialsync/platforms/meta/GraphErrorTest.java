package io.socialsync.platforms.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.MetricsFetch;
import io.socialsync.platforms.PostRef;
import io.socialsync.platforms.PublishOutcome;
import java.net.http.HttpHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One Graph error, read once: publishers and metrics agree on what it means, and differ only where they must. */
class GraphErrorTest {

    static HttpResult.Answered answer(int status, String body) {
        return new HttpResult.Answered(status, HttpHeaders.of(Map.of(), (name, value) -> true), body);
    }

    @Test
    void readsCodesAndPrefersTheSentenceMetaWroteForPeople() {
        var error = GraphError.of(answer(400, """
                {"error": {"message": "Invalid OAuth access token.", "error_user_msg": "Log in again",
                 "code": 190, "error_subcode": 463}}"""));
        assertThat(error.code()).isEqualTo(190);
        assertThat(error.subcode()).isEqualTo(463);
        assertThat(error.message()).isEqualTo("Invalid OAuth access token.");
        assertThat(error.userMessage()).isEqualTo("Log in again");
        assertThat(error.tokenRefused()).isTrue();
        assertThat(error.said("Instagram"))
                .isEqualTo(" (Instagram said: Log in again; code 190, subcode 463, HTTP 400)");
    }

    @Test
    void aBodyThatIsNotGraphJsonIsStillAnError() {
        var error = GraphError.of(answer(502, "<html>Bad Gateway</html>"));
        assertThat(error.userMessage()).isEqualTo("no message");
        assertThat(error.said("Facebook")).isEqualTo(" (Facebook said: no message; code 0, HTTP 502)");
        assertThat(error.serverTrouble()).isTrue();
        assertThat(error.tokenRefused()).isFalse();
    }

    @Test
    void aDeadTokenMeansReconnectForPublishingAndForMetrics() {
        var dead = answer(400, "{\"error\": {\"message\": \"Session expired\", \"code\": 190}}");
        assertThat(MetaErrors.map("Instagram", "shop", dead).reauth()).isTrue();
        assertThat(MetaErrors.metrics("Instagram", new PostRef("M1", "shop", "t"), dead))
                .isInstanceOfSatisfying(MetricsFetch.Failed.class,
                        f -> assertThat(f.kind()).isEqualTo(MetricsFetch.Kind.REAUTH));
    }

    @Test
    void aMissingObjectIsRetriedWhenPublishingButGoneForMetrics() {
        var missing = answer(400, "{\"error\": {\"message\": \"Object does not exist\", \"code\": 100, "
                + "\"error_subcode\": 33}}");
        PublishOutcome.Failed publishing = MetaErrors.map("Instagram", "shop", missing);
        assertThat(publishing.retryable()).isTrue();
        assertThat(MetaErrors.metrics("Instagram", new PostRef("M1", "shop", "t"), missing))
                .isInstanceOf(MetricsFetch.Gone.class);
    }

    @Test
    void throttlingIsLaterForBoth() {
        var limited = answer(400, "{\"error\": {\"message\": \"Application request limit reached\", \"code\": 4}}");
        assertThat(GraphError.of(limited).throttled()).isTrue();
        assertThat(MetaErrors.map("Facebook", "page", limited).retryAfter()).isNotNull();
        assertThat(MetaErrors.metrics("Facebook", new PostRef("V1", "page", "t"), limited))
                .isInstanceOfSatisfying(MetricsFetch.Failed.class,
                        f -> assertThat(f.kind()).isEqualTo(MetricsFetch.Kind.RETRY));
    }
}
