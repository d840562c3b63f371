package io.socialsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class WireNamesTest {
    private final WireNames snake = WireNames.of(JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build());

    @Test
    void javaPathsAreNamedAsOnTheWireKeepingIndexesAndMapKeys() {
        assertThat(snake.path("accessToken")).isEqualTo("access_token");
        assertThat(snake.path("items[2].scheduledFor")).isEqualTo("items[2].scheduled_for");
        assertThat(snake.path("rules[tikTok].windowStartHour")).isEqualTo("rules[tikTok].window_start_hour");
        assertThat(snake.path("kind")).isEqualTo("kind");
    }

    @Test
    void withoutANamingStrategyJavaNamesAreTheWiresNames() {
        assertThat(WireNames.of(JsonMapper.builder().build()).path("items[0].runAt")).isEqualTo("items[0].runAt");
    }
}
