package io.socialsync.webapp;

import io.socialsync.ingest.UrlIngestJob;
import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.JobState;
import io.socialsync.library.AnalyseVideoHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** The progress the jobs already report (percent and message), looked up for what a page shows. */
@Component
class Progress {
    private static final int LOOKAHEAD = 200;
    private final JobQueue jobs;

    Progress(JobQueue jobs) {
        this.jobs = jobs;
    }

    /** A job's progress as a page shows it. */
    public record Step(long jobId, String state, int percent, String message, String error) {
        static Step of(Job job) {
            return new Step(job.id(), job.state().name(), job.progressPercent(),
                    job.progressMessage() == null ? "" : job.progressMessage(), job.lastError());
        }
    }

    /** Running and waiting analyses of the workspace, by video id. */
    Map<Long, Step> analyses(long workspaceId) {
        var byVideo = new HashMap<Long, Step>();
        open(workspaceId, AnalyseVideoHandler.KIND).forEach(job ->
                byVideo.putIfAbsent(AnalyseVideoHandler.JOB.payload(job).videoId(), Step.of(job)));
        return byVideo;
    }

    /** Downloads from a URL still under way (their video does not exist yet). */
    List<Download> downloads(long workspaceId) {
        return open(workspaceId, UrlIngestJob.KIND).map(job -> {
            var payload = UrlIngestJob.requested(job);
            return new Download(payload.url(), payload.title(), Step.of(job));
        }).toList();
    }

    public record Download(String url, String title, Step step) {
    }

    Step job(long workspaceId, Long jobId) {
        return jobId == null ? null : jobs.find(workspaceId, jobId).map(Step::of).orElse(null);
    }

    private Stream<Job> open(long workspaceId, String kind) {
        return Stream.of(JobState.RUNNING, JobState.AVAILABLE, JobState.RETRYABLE, JobState.SCHEDULED)
                .flatMap(state -> jobs.page(workspaceId, state, kind, null, LOOKAHEAD).stream());
    }
}
