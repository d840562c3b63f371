package io.socialsync.meta.downloads;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobRequest;
import io.socialsync.jobs.JobSpec;
import io.socialsync.meta.downloads.DownloadOutcome.Failed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * DOWNLOAD_META_MEDIA (seed meta_media_download). Payload {@code {"batch": true}}: up to batch-size candidates of
 * the workspace, oldest first, then the 20% alert; {@code {"post_ids": [..]}}: those posts (on arrival, and
 * retries). Each post is claimed first, so overlapping jobs skip what another is doing. Per-post failures are
 * recorded on the post, not thrown: one bad URL must not make the queue re-run the whole batch.
 */
@Component
public class MediaDownloadHandler implements JobHandler {
    public static final String KIND = "DOWNLOAD_META_MEDIA";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);
    /** The seed's "prioridad: 50 (media-alta)": ahead of the default 0, so new posts' media do not wait behind renders. */
    public static final int PRIORITY = 50;

    /** Every DOWNLOAD_META_MEDIA job is queued through this, at {@link #PRIORITY}. */
    public static JobRequest request(long workspaceId, Payload payload) {
        return JOB.request(workspaceId, payload).withPriority(PRIORITY);
    }

    /** A batch of the workspace's candidates ({@code {"batch": true}}), or these posts ({@code {"post_ids": [..]}}). */
    public record Payload(@JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean batch,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<Long> postIds) {
        public static Payload nextBatch() {
            return new Payload(true, null);
        }

        public static Payload posts(List<Long> ids) {
            return new Payload(false, List.copyOf(ids));
        }
    }

    private final MediaStates states;
    private final MediaDownloader downloader;
    private final DownloadRecorder recorder;
    private final BatchAlert alert;
    private final SocialSyncProperties.Meta settings;
    private final Clock clock;

    public MediaDownloadHandler(MediaStates states, MediaDownloader downloader, DownloadRecorder recorder,
                                BatchAlert alert, SocialSyncProperties properties, Clock clock) {
        this.states = states;
        this.downloader = downloader;
        this.recorder = recorder;
        this.alert = alert;
        this.settings = properties.meta();
        this.clock = clock;
    }

    /**
     * Attempts only for failures around the downloads (database, storage config): posts keep their own count. The
     * time limit is the batch budget, plus one download that started just before it ran out.
     */
    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 3, settings.batchBudget().plus(perDownload()).plusMinutes(1), 2);
    }

    @Override
    public Object run(JobContext context) throws InterruptedException {
        long ws = context.workspaceId();
        var payload = context.payload(JOB);
        boolean batch = payload.batch();
        Instant started = clock.instant();
        List<Long> ids = batch ? states.candidates(ws, started, stale(started), Math.max(1, settings.batchSize()))
                : payload.postIds() == null ? List.of() : payload.postIds();
        int attempted = 0;
        int failed = 0;
        int skipped = 0;
        for (long id : ids) {
            Instant now = clock.instant();
            if (now.isAfter(started.plus(settings.batchBudget()))) {
                break; // the rest stay candidates for the next batch
            }
            context.progress(100 * attempted / ids.size(), "post " + id);
            var claimed = states.claim(ws, id, now, stale(now));
            if (claimed.isEmpty()) {
                skipped++;
                continue;
            }
            var outcome = downloader.download(claimed.get());
            recorder.record(claimed.get(), outcome, context.job().id());
            attempted++;
            failed += outcome instanceof Failed ? 1 : 0;
        }
        boolean degraded = batch ? alert.check(ws, context.job().id(), attempted, failed)
                : attempted > 0 && alert.checkRecent(ws, context.job().id(), settings.downloadInterval());
        return Map.of("attempted", attempted, "failed", failed, "skipped", skipped, "degraded", degraded);
    }

    /** A claim older than one download's longest possible run belongs to a worker that died. */
    Instant stale(Instant now) {
        return now.minus(perDownload()).minus(Duration.ofMinutes(1));
    }

    private Duration perDownload() {
        return settings.downloadTimeout().multipliedBy(2).plus(settings.maxTransferTime());
    }
}
