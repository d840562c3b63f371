package io.socialsync.node;

import io.socialsync.config.SocialSyncProperties.Roles;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Work a node does every so often (a tick, a sweep): {@link Periodic} schedules it only where {@code runsOn} the
 * process' roles, waits {@code every} between the end of one run and the start of the next, and logs a failed
 * run (the next run is the retry; the same failure again is not logged, its end is).
 *
 * @param name  names a failed run in the log
 * @param done  logged with the run's count when it did something, e.g. "Removed {} expired tus upload(s)"
 */
public record PeriodicTask(String name, Predicate<Roles> runsOn, Duration every, Duration firstAfter, Run run,
                           String done) {

    /** @return how many things this run did */
    @FunctionalInterface
    public interface Run {
        int once() throws Exception;
    }

    /** A bean with periodic work. */
    public interface Owner {
        PeriodicTask periodic();
    }

    public static PeriodicTask of(String name, Predicate<Roles> runsOn, Duration every, Run run, String done) {
        return new PeriodicTask(name, runsOn, every, every, run, done);
    }

    public PeriodicTask firstAfter(Duration delay) {
        return new PeriodicTask(name, runsOn, every, delay, run, done);
    }
}
