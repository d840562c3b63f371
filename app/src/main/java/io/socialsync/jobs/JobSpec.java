package io.socialsync.jobs;

import java.time.Duration;

/**
 * A job kind and its limits: attempts before it fails for good, the time one attempt may take, and how many may
 * run at once on one node.
 */
public record JobSpec(String kind, int maxAttempts, Duration timeout, int concurrency) {
}
