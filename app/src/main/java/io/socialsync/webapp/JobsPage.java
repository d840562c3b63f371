package io.socialsync.webapp;

import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.JobState;
import io.socialsync.jobs.Workers;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The workspace's jobs, live: progress, attempts and the last error; retry and cancel as POST /jobs/{id}/… do. */
@Controller
class JobsPage {
    private static final int PAGE = 100;
    private final JobQueue jobs;
    private final Workers workers;

    JobsPage(JobQueue jobs, Workers workers) {
        this.jobs = jobs;
        this.workers = workers;
    }

    /** A job as the list shows it. */
    public record Row(long id, String kind, String state, int attempt, int maxAttempts, int percent, String message,
                      String error, String created, String finished) {
        static Row of(Job j) {
            return new Row(j.id(), j.kind(), j.state().name(), j.attempt(), j.maxAttempts(), j.progressPercent(),
                    j.progressMessage() == null ? "" : j.progressMessage(), j.lastError(), Times.show(j.createdAt()),
                    Times.show(j.finishedAt()));
        }

        public boolean open() {
            return !JobState.valueOf(state).terminal();
        }

        public boolean retryable() {
            return state.equals(JobState.FAILED.name()) || state.equals(JobState.CANCELLED.name());
        }
    }

    @GetMapping("/app/jobs")
    String page(Caller caller, @RequestParam(required = false) JobState state, Model model) {
        model.addAttribute("states", Arrays.asList(JobState.values()));
        model.addAttribute("nav", "jobs");
        rows(caller, state, model);
        return "webapp/jobs";
    }

    @GetMapping("/app/jobs/rows")
    String rows(Caller caller, @RequestParam(required = false) JobState state, Model model) {
        var rows = jobs.page(caller.workspaceId(), state, null, null, PAGE).stream().map(Row::of).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("state", state);
        model.addAttribute("working", rows.stream().anyMatch(Row::open));
        return "webapp/jobs :: rows";
    }

    @PostMapping("/app/jobs/{id}/cancel")
    String cancel(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        jobs.cancel(caller.workspaceId(), id, Actor.of(caller));
        return "redirect:/app/jobs";
    }

    @PostMapping("/app/jobs/{id}/retry")
    String retry(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        jobs.retry(caller.workspaceId(), id, Actor.of(caller));
        workers.wakeUp();
        return "redirect:/app/jobs";
    }
}
