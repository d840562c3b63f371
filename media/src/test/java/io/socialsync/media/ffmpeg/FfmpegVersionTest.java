package io.socialsync.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.media.ffmpeg.FfmpegVersion.Git;
import io.socialsync.media.ffmpeg.FfmpegVersion.Release;
import org.junit.jupiter.api.Test;

class FfmpegVersionTest {
    @Test
    void readsTheReleaseOutOfDistributionAndStaticBuildDecorations() {
        assertThat(FfmpegVersion.parse("ffmpeg version 5.1.8-0+deb12u1 Copyright (c) 2000-2025 the FFmpeg developers"))
                .contains(new Release(5, 1, 8));
        assertThat(FfmpegVersion.parse("ffmpeg version n6.1.1 Copyright (c) 2000-2023")).contains(new Release(6, 1, 1));
        assertThat(FfmpegVersion.parse("ffmpeg version 6.1.1-static https://johnvansickle.com/ffmpeg/"))
                .contains(new Release(6, 1, 1));
        assertThat(FfmpegVersion.parse("ffprobe version 7.1-full_build-www.gyan.dev Copyright"))
                .contains(new Release(7, 1, 0));
        assertThat(FfmpegVersion.parse("ffmpeg version 4.4.2-0ubuntu0.22.04.1 Copyright"))
                .contains(new Release(4, 4, 2));
        assertThat(FfmpegVersion.parse("ffmpeg version 6.0 Copyright (c) 2000-2023")).contains(new Release(6, 0, 0));
    }

    @Test
    void aBuildOfMasterIsAGitVersion() {
        assertThat(FfmpegVersion.parse("ffmpeg version N-112345-gabc1234 Copyright (c) 2000-2024"))
                .contains(new Git("N-112345-gabc1234"));
        assertThat(FfmpegVersion.parse("ffmpeg version git-2023-05-01-3c2c4f5 Copyright"))
                .contains(new Git("git-2023-05-01-3c2c4f5"));
    }

    @Test
    void onlyTheFirstLineCountsAndNonsenseIsNoVersion() {
        assertThat(FfmpegVersion.parse("ffmpeg version 6.1.1\nlibavutil      58. 29.100 / 58. 29.100"))
                .contains(new Release(6, 1, 1));
        assertThat(FfmpegVersion.parse("fake")).isEmpty();
        assertThat(FfmpegVersion.parse("")).isEmpty();
        assertThat(FfmpegVersion.parse("ffmpeg version UNKNOWN")).isEmpty();
    }

    @Test
    void releasesCompareNumerically() {
        assertThat(new Release(6, 10, 0).atLeast(new Release(6, 9, 9))).isTrue();
        assertThat(new Release(5, 1, 8).atLeast(FfmpegRequirement.MINIMUM)).isFalse();
        assertThat(new Release(6, 0, 0).atLeast(FfmpegRequirement.MINIMUM)).isTrue();
        assertThat(new Release(6, 1, 1)).hasToString("6.1.1");
        assertThat(new Release(6, 0, 0)).hasToString("6.0");
    }
}
