package io.socialsync.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FilterEscapeTest {
    @Test
    void escapesPathsForBothFilterParsingLevels() {
        assertThat(FilterEscape.path(Path.of("/tmp/a:b,c[d];e'f")))
                .isEqualTo("/tmp/a\\\\:b\\,c\\[d\\]\\;e\\\\\\'f");
    }
}
