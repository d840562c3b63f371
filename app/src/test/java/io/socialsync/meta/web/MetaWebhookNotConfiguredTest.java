package io.socialsync.meta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.domain.Unavailable;
import io.socialsync.meta.MetaWebhookService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;

/** Without the app secret nothing is accepted, and nothing is stored: the service is never reached. */
class MetaWebhookNotConfiguredTest {

    static SocialSyncProperties properties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("socialsync",
                SocialSyncProperties.class);
    }

    @Test
    void postsAnswer503AndTouchNothing() {
        var controller = new MetaWebhookController((MetaWebhookService) null, properties(Map.of()));
        var request = new MockHttpServletRequest("POST", "/webhook/instagram");
        request.setContent("{}".getBytes());
        assertThatThrownBy(() -> controller.receive(request)).isInstanceOfSatisfying(Unavailable.class,
                e -> assertThat(e.title()).isEqualTo("Meta webhooks are not configured"));
        assertThatThrownBy(() -> controller.verify("subscribe", "", "1")).isInstanceOf(Unavailable.class);
    }

    @Test
    void settingsMaskTheSecrets() {
        var settings = properties(Map.of("socialsync.meta.app-secret", "s3cr3t", "socialsync.meta.verify-token", "t0k3n"));
        assertThat(settings.meta().appSecret()).isEqualTo("s3cr3t");
        assertThat(settings.toString()).doesNotContain("s3cr3t").doesNotContain("t0k3n").contains("appSecret=****");
        assertThat(settings.meta().downloadInterval()).hasMinutes(15);
        assertThat(settings.meta().batchSize()).isEqualTo(50);
        assertThat(settings.meta().downloadTimeout()).hasSeconds(30);
    }
}
