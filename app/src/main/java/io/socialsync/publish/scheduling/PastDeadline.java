package io.socialsync.publish.scheduling;

import io.socialsync.domain.Conflict;
import io.socialsync.platforms.Platform;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.modulith.NamedInterface;

/**
 * A reschedule refused because the first slot the rules allow comes after the caller's deadline. The detail is the
 * API's sentence (instants in UTC); the facts behind it let a page say it in the account's own time.
 *
 * @param requested the time asked for, or null for "the next free slot"
 * @param why       why that time was not allowed: the plan's first move
 */
@NamedInterface("scheduling")
public final class PastDeadline extends Conflict {
    private final Platform platform;
    private final ZoneId zone;
    private final Instant requested;
    private final Instant slot;
    private final Instant deadline;
    private final Why why;

    /** The plan's first move, flattened for callers outside this package. */
    @NamedInterface("scheduling")
    public sealed interface Why {
    }

    /** Outside the platform's posting window ("18:00–23:00", in the account's zone). */
    @NamedInterface("scheduling")
    public record OutsideWindow(String window) implements Why {
    }

    /** Within the platform's gap of another post of the account. */
    @NamedInterface("scheduling")
    public record TooClose(Instant neighbour, Duration gap) implements Why {
    }

    /** Already gone: planning started from now. */
    @NamedInterface("scheduling")
    public record Passed() implements Why {
    }

    /** Allowed as asked, but the deadline is earlier. */
    @NamedInterface("scheduling")
    public record AsAsked() implements Why {
    }

    PastDeadline(Platform platform, ZoneId zone, Instant requested, Plan plan, Instant deadline) {
        super("the first slot that respects the window and gap is " + plan.slot() + ", after scheduled_window_end "
                + deadline + ": " + plan.reason());
        this.platform = platform;
        this.zone = zone;
        this.requested = requested;
        this.slot = plan.slot();
        this.deadline = deadline;
        this.why = plan.adjustments().isEmpty() ? new AsAsked() : switch (plan.adjustments().getFirst()) {
            case Adjustment.BeforeWindow b -> new OutsideWindow(b.window().toString());
            case Adjustment.AfterWindow a -> new OutsideWindow(a.window().toString());
            case Adjustment.TooClose t -> new TooClose(t.neighbour(), t.gap());
            case Adjustment.InThePast p -> new Passed();
        };
    }

    public Platform platform() {
        return platform;
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant requested() {
        return requested;
    }

    public Instant slot() {
        return slot;
    }

    public Instant deadline() {
        return deadline;
    }

    public Why why() {
        return why;
    }
}
