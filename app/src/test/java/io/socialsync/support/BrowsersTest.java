package io.socialsync.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A test run leaves the committed screenshots alone unless asked to update them. */
class BrowsersTest {

    @Test
    void screenshotsGoUnderTargetUnlessAnUpdateIsAsked() {
        String before = System.getProperty("screenshots.update");
        try {
            System.clearProperty("screenshots.update");
            assertThat(Browsers.screenshots()).isEqualTo(Path.of("target", "screenshots"));
            System.setProperty("screenshots.update", "true");
            assertThat(Browsers.screenshots()).isEqualTo(Path.of("..", "docs", "screenshots"));
        } finally {
            if (before == null) {
                System.clearProperty("screenshots.update");
            } else {
                System.setProperty("screenshots.update", before);
            }
        }
    }
}
