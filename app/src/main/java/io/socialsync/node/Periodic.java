package io.socialsync.node;

import io.socialsync.config.SocialSyncProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Schedules each bean's {@link PeriodicTask} if this process has its role; a one-shot tool (no role) runs none. */
@Component
public class Periodic implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(Periodic.class);
    private final List<PeriodicTask> tasks;
    private final SocialSyncProperties.Roles roles;

    @Autowired
    public Periodic(List<PeriodicTask.Owner> owners, SocialSyncProperties properties) {
        this(owners.stream().map(PeriodicTask.Owner::periodic).toList(), properties.roles());
    }

    Periodic(List<PeriodicTask> tasks, SocialSyncProperties.Roles roles) {
        this.tasks = tasks;
        this.roles = roles;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        for (PeriodicTask task : tasks) {
            if (task.runsOn().test(roles)) {
                var failures = new Failures();
                registrar.addFixedDelayTask(new FixedDelayTask(() -> run(task, failures), task.every(),
                        task.firstAfter()));
            }
        }
    }

    /**
     * A task's run of failures: a database outage fails every task at every run, and one line per task when it starts
     * and one when it ends say all of it (the same error again is not logged; another error is).
     */
    static final class Failures {
        private int runs;
        private String lastError;
    }

    static void run(PeriodicTask task, Failures failures) {
        try {
            int done = task.run().once();
            if (failures.runs > 0) {
                log.info("{} works again after {} failed run(s)", task.name(), failures.runs);
                failures.runs = 0;
                failures.lastError = null;
            }
            if (done > 0) {
                log.info(task.done(), done);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failures.runs++;
            String error = e.toString();
            if (!error.equals(failures.lastError)) {
                log.warn("{} failed; the next run retries{}: {}", task.name(),
                        failures.runs > 1 ? " (" + failures.runs + " failed runs in a row)" : "", error);
                failures.lastError = error;
            }
        }
    }
}
