package io.socialsync.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Benchmarks print figures; library INFO lines (the FFmpeg extraction) would bury them. */
final class Quiet {
    private Quiet() {
    }

    static void logs() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) root.setLevel(Level.WARN);
    }
}
