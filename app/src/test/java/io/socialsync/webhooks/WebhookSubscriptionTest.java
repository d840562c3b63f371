package io.socialsync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.domain.Invalid;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSubscriptionTest {

    private static WebhookEndpoint subscribedTo(String... types) {
        return new WebhookEndpoint(1, 1, "http://x", "s", Arrays.asList(types), true, Instant.EPOCH);
    }

    @Test
    void starMeansJobAndPublicationEvents() {
        var all = subscribedTo("*");
        assertThat(all.subscribes("job_completed")).isTrue();
        assertThat(all.subscribes("publish_succeeded")).isTrue();
        assertThat(all.subscribes("api_key_created")).isFalse();
        assertThat(all.subscribes("webhook_delivery_failed")).isFalse();
    }

    @Test
    void listsNameExactTypesOrPrefixes() {
        var some = subscribedTo("job_failed", "webhook_*");
        assertThat(some.subscribes("job_failed")).isTrue();
        assertThat(some.subscribes("job_completed")).isFalse();
        assertThat(some.subscribes("webhook_delivery_failed")).isTrue();
    }

    @Test
    void eventTypesAreNormalisedAndChecked() {
        assertThat(EventTypes.normalize(null)).containsExactly("*");
        assertThat(EventTypes.normalize(List.of(" Job_Failed ", "job_failed", "publish*")))
                .containsExactly("job_failed", "publish*");
        assertThatThrownBy(() -> EventTypes.normalize(List.of("job failed"))).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> EventTypes.normalize(List.of("a,b"))).isInstanceOf(Invalid.class);
    }
}
