package io.socialsync.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.platforms.facebook.FacebookFlow;
import io.socialsync.platforms.meta.ads.AdsSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every Meta base URL left empty is the one Graph API version SocialSync speaks; a set one is kept. */
class MetaGraphTest {

    @Test
    void everyMetaCallSpeaksOneVersionUnlessConfiguredOtherwise() {
        assertThat(MetaGraph.URL).isEqualTo("https://graph.facebook.com/v26.0");
        assertThat(new PlatformSettings.Instagram("", true, 100).baseUrl()).isEqualTo(MetaGraph.URL);
        assertThat(new PlatformSettings.Facebook(null, 30, FacebookFlow.AUTO).baseUrl()).isEqualTo(MetaGraph.URL);
        assertThat(new TokenSettings.Meta("app", "secret", " ").baseUrl()).isEqualTo(MetaGraph.URL);
        assertThat(new AdsSettings("", Duration.ofSeconds(30)).baseUrl()).isEqualTo(MetaGraph.URL);
        assertThat(new ConnectSettings(Duration.ofMinutes(10), Duration.ofHours(1), "", null, "t", "g")
                .metaAuthorizeUrl()).isEqualTo("https://www.facebook.com/v26.0/dialog/oauth");
        assertThat(new PlatformSettings.Instagram("http://proxy/v25.0/", true, 100).baseUrl())
                .isEqualTo("http://proxy/v25.0");
    }
}
