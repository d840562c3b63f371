package io.socialsync.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One token bucket per caller (an API key, a person), refilled greedily. Per node: each API node enforces its own share. */
public class RateLimits {
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perMinute;

    public RateLimits(int perMinute) {
        this.perMinute = perMinute;
    }

    /** @return 0 when the request may proceed, else the seconds to wait before retrying */
    public long tryConsume(String who) {
        var bucket = buckets.computeIfAbsent(who, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    }
}
