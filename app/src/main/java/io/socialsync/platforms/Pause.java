package io.socialsync.platforms;

import java.time.Duration;

/** Waiting between status polls; an interrupt (job cancelled or timed out) ends the wait early. */
public final class Pause {
    private Pause() {
    }

    /** @return false when interrupted: stop polling */
    public static boolean sleep(Duration d) {
        try {
            Thread.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
