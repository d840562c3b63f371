package io.socialsync.insights;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** When a posted publication's metrics are collected, counted from the moment it was posted. */
public enum Checkpoint {
    H1("1h", Duration.ofHours(1)),
    H24("24h", Duration.ofHours(24)),
    D7("7d", Duration.ofDays(7));

    private final String wire;
    private final Duration after;

    Checkpoint(String wire, Duration after) {
        this.wire = wire;
        this.after = after;
    }

    public String wire() {
        return wire;
    }

    public Duration after() {
        return after;
    }

    public static Optional<Checkpoint> parse(String s) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(s)).findFirst();
    }
}
