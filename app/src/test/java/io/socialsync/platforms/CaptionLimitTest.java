package io.socialsync.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaptionLimitTest {

    @Test
    void lengthIsCountedInCharactersOrForYouTubeInUtf8Bytes() {
        var instagram = CaptionLimit.of(Platform.INSTAGRAM);
        assertThat(instagram.problem("é".repeat(2200))).isEmpty();
        assertThat(instagram.problem("é".repeat(2201))).hasValue("is 2201 characters: instagram takes at most 2200 "
                + "characters");
        var youtube = CaptionLimit.of(Platform.YOUTUBE);
        assertThat(youtube.problem("é".repeat(2500))).isEmpty();
        assertThat(youtube.problem("é".repeat(2501))).hasValue("is 5002 bytes: youtube takes at most 5000 bytes "
                + "(UTF-8)");
        assertThat(instagram.problem(null)).isEmpty();
    }

    @Test
    void hashtagsAreCountedWhereThePlatformLimitsThem() {
        assertThat(CaptionLimit.hashtags("#one #två #3 # #_x a#b")).isEqualTo(5);
        assertThat(CaptionLimit.of(Platform.INSTAGRAM).problem("#t ".repeat(31)))
                .hasValue("has 31 hashtags: instagram takes at most 30");
        assertThat(CaptionLimit.of(Platform.INSTAGRAM).problem("#t ".repeat(30))).isEmpty();
        assertThat(CaptionLimit.of(Platform.TIKTOK).problem("#t ".repeat(200))).isEmpty();
        assertThat(CaptionLimit.of(Platform.YOUTUBE).problem("#t ".repeat(61))).isPresent();
    }
}
