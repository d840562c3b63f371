package io.socialsync.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Counts failed authentications per client address in a token bucket (one token per failure, refilled over the
 * window); an address with no token left is answered 429 without its key being looked at. Only failing addresses
 * get an entry, and at most {@code maxAddresses} of them, least recently failing forgotten first, so a flood of
 * addresses costs bounded memory. IPv6 addresses count by their /64 ({@link ClientAddress}).
 */
public class AuthThrottle {
    private final HttpEdgeProperties.AuthThrottling settings;
    private final Map<String, Bucket> buckets;

    public AuthThrottle(HttpEdgeProperties.AuthThrottling settings) {
        this.settings = settings;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > settings.maxAddresses();
            }
        };
    }

    /** @return 0 when the address may try a key, else the seconds until it may try again */
    public long secondsBlocked(String address) {
        return secondsBlockedFor(ClientAddress.key(address));
    }

    public void failed(String address) {
        failedFor(ClientAddress.key(address));
    }

    /** The same count for any other key (an account's address at login): taken as given. */
    public long secondsBlockedFor(String key) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.get(key);
        }
        if (bucket == null) {
            return 0;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return nanos == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos) + 1);
    }

    public void failedFor(String key) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, a -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(settings.maxFailures())
                            .refillGreedy(settings.maxFailures(), settings.window()).build())
                    .build());
        }
        bucket.tryConsume(1);
    }

    int size() {
        synchronized (buckets) {
            return buckets.size();
        }
    }
}
