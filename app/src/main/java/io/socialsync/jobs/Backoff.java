package io.socialsync.jobs;

import io.socialsync.config.SocialSyncProperties;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/** Exponential backoff with full jitter: base·2^(attempt-1), capped, then a random point in [half, all] of it. */
@Component
public class Backoff {
    private final Duration base;
    private final Duration max;

    @org.springframework.beans.factory.annotation.Autowired
    public Backoff(SocialSyncProperties properties) {
        this(properties.jobs().backoffBase(), properties.jobs().backoffMax());
    }

    Backoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    public Duration delay(int attempt) {
        long exp = base.toMillis() << Math.min(30, Math.max(0, attempt - 1));
        long capped = Math.min(max.toMillis(), exp < 0 ? Long.MAX_VALUE : exp);
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }
}
