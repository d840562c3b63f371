package io.socialsync.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TikTok's chunk rules: 5–64 MB chunks, floor(size / chunk) of them, the last taking the remainder. */
class ChunkPlanTest {
    static final long MIB = 1024 * 1024;

    @Test
    void underFiveMegabytesGoesWhole() {
        var plan = ChunkPlan.of(3 * MIB, 10_000_000);
        assertThat(plan.count()).isEqualTo(1);
        assertThat(plan.last(0)).isEqualTo(3 * MIB - 1);
    }

    @Test
    void theLastChunkTakesTheRemainderSoItMayBeLarger() {
        var plan = ChunkPlan.of(11 * MIB, 5 * MIB);
        assertThat(plan.count()).isEqualTo(2);
        assertThat(plan.first(1)).isEqualTo(5 * MIB);
        assertThat(plan.last(1) - plan.first(1) + 1).isEqualTo(6 * MIB);
        assertThat(plan.indexAt(5 * MIB)).isEqualTo(1);
    }

    @Test
    void chunkSizesAreClampedToWhatTikTokAccepts() {
        assertThat(ChunkPlan.of(100 * MIB, 1024).chunkSize()).isEqualTo(ChunkPlan.MIN);
        var big = ChunkPlan.of(200_000_000, 500_000_000);
        assertThat(big.chunkSize()).isEqualTo(64_000_000);
        assertThat(big.count()).isEqualTo(3);
        assertThat(big.last(2) - big.first(2) + 1).isEqualTo(200_000_000 - 128_000_000).isLessThanOrEqualTo(128_000_000);
    }
}
