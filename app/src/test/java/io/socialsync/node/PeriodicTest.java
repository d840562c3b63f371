package io.socialsync.node;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.socialsync.config.SocialSyncProperties.Roles;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

class PeriodicTest {
    private final List<String> ran = new ArrayList<>();

    @Test
    void schedulesOnlyTheTasksThisNodesRolesWantAtTheirIntervals() {
        var registrar = configure(new Roles(true, false), task("tick", Roles::scheduler, false),
                task("sweep", r -> r.scheduler() || r.workers(), false).firstAfter(Duration.ofSeconds(3)));

        assertThat(registrar.getFixedDelayTaskList()).singleElement().satisfies(t -> {
            assertThat(t.getIntervalDuration()).isEqualTo(Duration.ofSeconds(7));
            assertThat(t.getInitialDelayDuration()).isEqualTo(Duration.ofSeconds(3));
            t.getRunnable().run();
        });
        assertThat(ran).containsExactly("sweep");
    }

    @Test
    void aFailedRunIsLoggedNotThrownSoTheNextRunStillComes() {
        var registrar = configure(new Roles(true, true), task("broken", r -> true, true));

        var run = registrar.getFixedDelayTaskList().getFirst().getRunnable();
        run.run();
        run.run();
        assertThat(ran).containsExactly("broken", "broken");
    }

    @Test
    void aRunOfTheSameFailureIsLoggedWhenItStartsAndWhenItEnds() {
        var failing = new java.util.concurrent.atomic.AtomicReference<Exception>(new IOException("database gone"));
        var registrar = configure(new Roles(true, true), PeriodicTask.of("sweep", r -> true, Duration.ofSeconds(7),
                () -> {
                    if (failing.get() != null) {
                        throw failing.get();
                    }
                    return 0;
                }, "swept {}"));
        var run = registrar.getFixedDelayTaskList().getFirst().getRunnable();
        var logged = new ListAppender<ILoggingEvent>();
        logged.start();
        var logger = (Logger) LoggerFactory.getLogger(Periodic.class);
        logger.addAppender(logged);
        try {
            for (int i = 0; i < 5; i++) {
                run.run();
            }
            assertThat(logged.list).singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getFormattedMessage()).isEqualTo("sweep failed; the next run retries: "
                        + "java.io.IOException: database gone");
            });
            failing.set(new IllegalStateException("another error"));
            run.run();
            assertThat(logged.list).hasSize(2).last().extracting(ILoggingEvent::getFormattedMessage)
                    .isEqualTo("sweep failed; the next run retries (6 failed runs in a row): "
                            + "java.lang.IllegalStateException: another error");
            failing.set(null);
            run.run();
            run.run();
            assertThat(logged.list).hasSize(3).last().extracting(ILoggingEvent::getFormattedMessage)
                    .isEqualTo("sweep works again after 6 failed run(s)");
        } finally {
            logger.detachAppender(logged);
        }
    }

    @Test
    void aToolWithNoRoleSchedulesNothing() {
        var registrar = configure(new Roles(false, false), task("sweep", r -> r.scheduler() || r.workers(), false));

        assertThat(registrar.getFixedDelayTaskList()).isEmpty();
    }

    private static ScheduledTaskRegistrar configure(Roles roles, PeriodicTask... tasks) {
        var registrar = new ScheduledTaskRegistrar();
        new Periodic(List.of(tasks), roles).configureTasks(registrar);
        return registrar;
    }

    private PeriodicTask task(String name, Predicate<Roles> on, boolean fails) {
        return PeriodicTask.of(name, on, Duration.ofSeconds(7), () -> {
            ran.add(name);
            if (fails) {
                throw new IOException("disk gone");
            }
            return 1;
        }, name + " did {}");
    }
}
