package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.domain.Invalid;
import io.socialsync.insights.Checkpoint;
import io.socialsync.insights.CollectionStatus;
import io.socialsync.insights.MetricsCollection;
import io.socialsync.learning.Outcome;
import io.socialsync.platforms.MetricValue;
import io.socialsync.platforms.Platform;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics chart's and heat map's figures and the ledger filters' times, without a server. */
class InsightViewsTest {
    private static final Instant POSTED = Instant.parse("2030-01-07T13:00:00Z");

    @Test
    void eachMetricHasItsOwnScaleAndAMissingCheckpointSaysSo() {
        var chart = MetricsChart.of(List.of(collection(Checkpoint.H1, 100, 4), collection(Checkpoint.H24, 25_000, 8)));
        var views = chart.groups().getFirst();
        assertThat(views.metric()).isEqualTo("views");
        assertThat(views.bars()).extracting(MetricsChart.Bar::value).containsExactly("100", "25k", "");
        var likes = chart.groups().get(1);
        assertThat(likes.bars().get(1).height()).as("the tallest of each metric is full height")
                .isEqualTo(views.bars().get(1).height());
        assertThat(likes.bars().getFirst().height()).isEqualTo(likes.bars().get(1).height() / 2);
        assertThat(chart.groups().get(2).bars()).allMatch(b -> b.height() == 0);
        assertThat(chart.label()).startsWith("views: 1h 100 24h 25k 7d not collected; likes: 1h 4 24h 8");
        assertThat(chart.table().getFirst()).containsExactly("views", "100", "25k", "–");
    }

    @Test
    void countsAreShortForNarrowBars() {
        assertThat(MetricsChart.count(999)).isEqualTo("999");
        assertThat(MetricsChart.count(1_234)).isEqualTo("1.2k");
        assertThat(MetricsChart.count(2_500_000)).isEqualTo("2.5M");
        assertThat(MetricsChart.count(1.25)).isEqualTo("1.3");
    }

    @Test
    void theHeatMapReadsEachPostAtItsOwnLocalHourAcrossDaylightSaving() {
        ZoneId york = ZoneId.of("America/New_York");
        var winter = outcome(POSTED, 0.5); // 13:00 UTC in January: Monday 08:00 EST
        var summer = outcome(Instant.parse("2030-07-08T13:00:00Z"), -0.5); // 13:00 UTC in July: Monday 09:00 EDT
        var map = HeatMap.of(7, "label", "instagram", york, List.of(winter, summer), POSTED);
        var monday = map.days().getFirst();
        assertThat(monday.name()).isEqualTo("Monday");
        assertThat(monday.cells().get(8).posts()).isEqualTo(1);
        assertThat(monday.cells().get(9).posts()).isEqualTo(1);
        assertThat(monday.cells().get(13).posts()).isZero();
        assertThat(monday.cells().get(8).text()).isEqualTo("Monday 08:00: 1 post, mean score +0.50, mean engagement 120");
        assertThat(monday.cells().get(8).colour()).as("the better hour is darker")
                .isLessThan(monday.cells().get(9).colour());
        assertThat(map.zone()).isEqualTo("America/New_York (UTC-05:00 now)");
        assertThat(map.days()).hasSize(7).allMatch(d -> d.cells().size() == 24);
    }

    @Test
    void ledgerTimesAreTheFormsUtcOrAnInstantAndAnythingElseIsABadRequest() {
        assertThat(LedgerPage.Filters.instant("from", "2026-12-07T09:30"))
                .isEqualTo(Instant.parse("2026-12-07T09:30:00Z"));
        assertThat(LedgerPage.Filters.instant("to", "2026-12-07T09:30:00Z"))
                .isEqualTo(Instant.parse("2026-12-07T09:30:00Z"));
        assertThat(LedgerPage.Filters.instant("to", null)).isNull();
        assertThatThrownBy(() -> LedgerPage.Filters.instant("from", "yesterday")).isInstanceOf(Invalid.class)
                .hasMessageContaining("from");
        var blank = LedgerPage.Filters.of(" ", "", null, "  user:1 ", null, "");
        assertThat(blank).isEqualTo(new LedgerPage.Filters(null, null, null, "user:1", null, null));
    }

    private static MetricsCollection collection(Checkpoint c, double views, double likes) {
        return new MetricsCollection(c.ordinal(), 1, 1, Platform.INSTAGRAM, "m", c, CollectionStatus.COLLECTED, null,
                null, POSTED.plus(c.after()), List.of(new MetricValue("video_views", "views", views),
                new MetricValue("likes", "likes", likes)));
    }

    private static Outcome outcome(Instant at, double score) {
        return new Outcome(1, at.getEpochSecond(), "24h", 7, "instagram", 1, at, 120, 4.0, 3, score, 0, "none",
                "high", "short", null, at);
    }
}
