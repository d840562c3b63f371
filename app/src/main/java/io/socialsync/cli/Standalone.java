package io.socialsync.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.MediaValidator;
import io.socialsync.media.probe.ValidationLimits;
import io.socialsync.media.probe.ValidationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;

/**
 * What the commands on local files share. They start no Spring context (no database, no server): FFmpeg is
 * located directly, and logging, which Spring would otherwise configure, is set up here: warnings only, on
 * stderr, so stdout carries nothing but the answer.
 */
final class Standalone {
    private Standalone() {
    }

    static Ffmpeg ffmpeg() {
        quietLogs();
        return Ffmpeg.locate(dataDir());
    }

    /**
     * Where a bundled FFmpeg is extracted: the configured data directory, the default one if it exists, else a
     * per-user directory under tmp, so the extraction happens once and not on every run.
     */
    static Path dataDir() {
        String configured = System.getProperty("socialsync.data-dir", System.getenv("SOCIALSYNC_DATA_DIR"));
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        if (Files.isDirectory(Path.of("data"))) return Path.of("data");
        return Path.of(System.getProperty("java.io.tmpdir"), "socialsync-" + System.getProperty("user.name"));
    }

    /** Validates like an upload; a rejection becomes the one line the user sees. */
    static MediaInfo validated(Ffmpeg ffmpeg, Path file, CancelToken cancel) {
        var result = new MediaValidator(ffmpeg, ValidationLimits.DEFAULTS).validate(file, cancel);
        return switch (result) {
            case ValidationResult.Accepted a -> a.info();
            case ValidationResult.Rejected r -> throw new IllegalArgumentException(file + ": " + r.message());
        };
    }

    /** Leaves logging alone when Spring has configured it (tests run many things in one JVM). */
    private static void quietLogs() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)
                || ctx.getObject(LoggingSystem.class.getName()) != null) {
            return;
        }
        ctx.reset();
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("socialsync: %level: %msg%n");
        encoder.start();
        var console = new ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        console.setContext(ctx);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        var root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
    }
}
