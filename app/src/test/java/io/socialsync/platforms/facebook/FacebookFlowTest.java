package io.socialsync.platforms.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.platforms.Media;
import io.socialsync.platforms.Progress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which Facebook upload a post takes: Reels for a vertical clip of 3–90 s, a Page video otherwise. */
class FacebookFlowTest {

    private static Media media(Integer width, Integer height, Long ms) {
        return new Media(null, null, 1000, ms, null, width, height);
    }

    @Test
    void autoSendsAVerticalReelLengthClipAsAReelAndEverythingElseAsAPageVideo() {
        assertThat(FacebookFlow.AUTO.resolve(media(1080, 1920, 15_000L))).isEqualTo(FacebookFlow.REELS);
        assertThat(FacebookFlow.AUTO.resolve(media(1080, 1920, null))).isEqualTo(FacebookFlow.REELS);
        assertThat(FacebookFlow.AUTO.resolve(media(1080, 1080, 15_000L))).isEqualTo(FacebookFlow.VIDEO);
        assertThat(FacebookFlow.AUTO.resolve(media(1920, 1080, 15_000L))).isEqualTo(FacebookFlow.VIDEO);
        assertThat(FacebookFlow.AUTO.resolve(media(1080, 1920, 90_001L))).isEqualTo(FacebookFlow.VIDEO);
        assertThat(FacebookFlow.AUTO.resolve(media(1080, 1920, 2_999L))).isEqualTo(FacebookFlow.VIDEO);
        assertThat(FacebookFlow.AUTO.resolve(media(null, null, 15_000L))).isEqualTo(FacebookFlow.VIDEO);
    }

    @Test
    void aFixedSettingWinsOverTheShape() {
        assertThat(FacebookFlow.REELS.resolve(media(1080, 1080, 15_000L))).isEqualTo(FacebookFlow.REELS);
        assertThat(FacebookFlow.VIDEO.resolve(media(1080, 1920, 15_000L))).isEqualTo(FacebookFlow.VIDEO);
    }

    @Test
    void aRunKeepsTheFlowItBegan() {
        var square = media(1080, 1080, 15_000L);
        var begunAsReel = new Progress("start", null, Map.of("flow", "REELS", "video_id", "V1"), 0);
        assertThat(FacebookFlow.of(begunAsReel, FacebookFlow.AUTO, square)).isEqualTo(FacebookFlow.REELS);
        // recorded before flows were: reels were the only one then
        var legacy = new Progress("start", null, Map.of("video_id", "V1", "upload_url", "https://rupload"), 0);
        assertThat(FacebookFlow.of(legacy, FacebookFlow.VIDEO, square)).isEqualTo(FacebookFlow.REELS);
        assertThat(FacebookFlow.of(Progress.NONE, FacebookFlow.AUTO, square)).isEqualTo(FacebookFlow.VIDEO);
    }
}
