package io.socialsync.cli;

import io.socialsync.ingest.UrlIngestJob;
import io.socialsync.ingest.url.UrlIngestChecks;
import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobKinds;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.JobRunner;
import io.socialsync.jobs.JobState;
import io.socialsync.ledger.Actor;
import io.socialsync.library.Videos;
import io.socialsync.library.web.VideoView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code socialsync ingest URL}: the same INGEST_URL job as POST /ingest, run in this process right away (a
 * server's workers need not be running) and recorded in the queue like any other. Prints the video as JSON.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Download a video from a URL into the library (video-site pages need yt-dlp); prints it as JSON.")
public class IngestCommand implements Callable<Integer> {
    @Mixin
    ApiKeyCommand.WorkspaceOption ws;
    @Parameters(index = "0", paramLabel = "URL", description = "A media file URL or a video page (http or https).")
    String url;
    @Option(names = "--title", description = "Title for the video (default: the page's or file's).")
    String title;

    @Override
    public Integer call() throws Exception {
        try (var ctx = Contexts.tool()) {
            long workspaceId = ws.id(ctx);
            ctx.getBean(UrlIngestChecks.class).check(url);
            var queue = ctx.getBean(JobQueue.class);
            Job job = queue.enqueue(UrlIngestJob.request(workspaceId, url, title), Actor.CLI).job();
            var runner = ctx.getBean(JobRunner.class);
            // the lease covers the whole run: no heartbeat here, and a server's reaper must not take the job over
            var lease = ctx.getBean(JobKinds.class).spec(UrlIngestJob.KIND).timeout().plusMinutes(5);
            var claimed = queue.claimNow(workspaceId, job.id(), runner.name(), lease);
            try (var bar = new ProgressBar("ingest"); var watch = JobWatch.start(queue, job, bar)) {
                if (claimed.isPresent()) {
                    runner.run(claimed.get());
                } else { // a running server's worker took it first: its outcome is ours
                    queue.awaitEnd(workspaceId, job.id(), lease);
                }
            }
            Job done = queue.find(workspaceId, job.id()).orElseThrow();
            if (done.state() != JobState.COMPLETED) {
                if (!done.state().terminal()) {
                    queue.cancel(workspaceId, job.id(), Actor.CLI); // failed here: no retry behind the user's back
                }
                throw new IllegalStateException(done.lastError() == null ? "ingest failed" : done.lastError());
            }
            var json = ctx.getBean(JsonMapper.class);
            long videoId = json.readTree(done.result()).get("video_id").asLong();
            var video = ctx.getBean(Videos.class).byId(workspaceId, videoId).orElseThrow();
            System.out.println(json.writeValueAsString(VideoView.of(video)));
            System.err.println("ingested video " + videoId + " (job " + job.id() + ")");
            return 0;
        }
    }
}
