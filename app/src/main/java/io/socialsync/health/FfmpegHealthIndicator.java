package io.socialsync.health;

import io.socialsync.Errors;
import io.socialsync.mediawork.MediaTools;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: an FFmpeg that runs; missing optional filters are shown, not counted as down. */
@Component("ffmpeg")
public class FfmpegHealthIndicator implements HealthIndicator {
    private final MediaTools media;

    public FfmpegHealthIndicator(MediaTools media) {
        this.media = media;
    }

    @Override
    public Health health() {
        try {
            var info = media.info();
            var up = Health.up().withDetail("source", info.source().name()).withDetail("path", info.ffmpeg().toString())
                    .withDetail("version", info.version()).withDetail("drawtext", info.has("drawtext"))
                    .withDetail("zscale", info.has("zscale"));
            info.passedOver().ifPresent(why -> up.withDetail("passed_over", why));
            return up.build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", Errors.oneLine(e)).build();
        }
    }
}
