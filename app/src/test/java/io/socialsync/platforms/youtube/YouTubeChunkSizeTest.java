package io.socialsync.platforms.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** YouTube wants every chunk but the last to be a multiple of 256 KiB. */
class YouTubeChunkSizeTest {

    @Test
    void theSettingIsRoundedDownTo256KiBAndNeverBelowIt() {
        assertThat(YouTubeUpload.chunkSize(8L * 1024 * 1024)).isEqualTo(8L * 1024 * 1024);
        assertThat(YouTubeUpload.chunkSize(600_000)).isEqualTo(524_288);
        assertThat(YouTubeUpload.chunkSize(1000)).isEqualTo(262_144);
    }

    @Test
    void zeroSendsTheRestInOnePut() {
        assertThat(YouTubeUpload.chunkSize(0)).isEqualTo(Long.MAX_VALUE);
    }
}
