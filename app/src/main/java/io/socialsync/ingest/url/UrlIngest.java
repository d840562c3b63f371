package io.socialsync.ingest.url;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.domain.DomainException;
import io.socialsync.ingest.Uploads;
import io.socialsync.ingest.VideoSniffer;
import io.socialsync.jobs.JobFailure;
import io.socialsync.ledger.Actor;
import io.socialsync.library.Video;
import io.socialsync.library.VideoIntake;
import io.socialsync.net.BoundedBody;
import io.socialsync.net.Fetched;
import io.socialsync.net.GuardedHttp;
import io.socialsync.net.UrlGuard;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * URL ingest (seed Social-Media-Sync's ingestor): a direct media URL is downloaded by our guarded HTTP client; a
 * page (a known video site, or any answer that is not a video) goes to yt-dlp. Either way the bytes are sniffed,
 * streamed into storage with their SHA-256 and handed to the library as source {@code url}, keeping the URL,
 * title and uploader. Permanent problems are {@link JobFailure}s; network trouble is an IOException (retried).
 */
@Service
public class UrlIngest {
    private final UrlGuard guard;
    private final GuardedHttp http;
    private final Uploads uploads;
    private final PageDownloads pages;
    private final SocialSyncProperties properties;

    public UrlIngest(UrlGuard guard, GuardedHttp http, Uploads uploads, PageDownloads pages,
                     SocialSyncProperties properties) {
        this.guard = guard;
        this.http = http;
        this.uploads = uploads;
        this.pages = pages;
        this.properties = properties;
    }

    /** Progress of one ingest, 0–100; called from any thread, must not throw. */
    public interface Progress {
        void report(int percent, String message);
    }

    public record Request(long workspaceId, String url, String title) {
    }

    /** @param via "http" or "yt-dlp"; {@code durationSeconds} as yt-dlp reported it (probing measures it again) */
    public record Result(VideoIntake.Intake intake, String via, Double durationSeconds) {
    }

    public Result ingest(Request request, Actor actor, Progress progress) throws IOException, InterruptedException {
        URI uri = guard.check(request.url());
        if (VideoSites.isVideoSite(uri.getHost())) {
            return pages.download(request, actor, progress);
        }
        long deadline = BoundedBody.deadline(properties.ingest().urlTimeout()); // connecting counts too
        try (Fetched response = http.get(uri)) {
            int status = response.status();
            if (status >= 300 && status < 500) { // a 3xx here had no Location to follow
                throw new JobFailure(response.url() + " answered HTTP " + status);
            }
            if (status < 200 || status >= 300) {
                throw new IOException(response.url() + " answered HTTP " + status);
            }
            if (response.contentLength() > uploads.maxBytes()) {
                throw new JobFailure(response.url() + " is " + response.contentLength() + " bytes, over the limit of "
                        + uploads.maxBytes());
            }
            long total = response.contentLength();
            var watched = new BoundedBody(response.body(), deadline,
                    "the time limit (socialsync.ingest.url-timeout)").reporting(count -> progress.report(
                    total > 0 ? (int) (count * 100 / total) : 0, "downloading " + count / (1024 * 1024) + " MiB"));
            var body = new BufferedInputStream(watched, 64 * 1024);
            body.mark(VideoSniffer.HEAD);
            byte[] head = body.readNBytes(VideoSniffer.HEAD);
            body.reset();
            String type = response.header("Content-Type");
            boolean declaredVideo = type != null && type.toLowerCase(Locale.ROOT).startsWith("video/");
            if (declaredVideo || VideoSniffer.detect(head, head.length).isPresent()) {
                return new Result(store(request, response, body, actor), "http", null);
            }
        }
        return pages.download(request, actor, progress); // HTML or anything else that is not a video: a page
    }

    private VideoIntake.Intake store(Request request, Fetched response, InputStream body, Actor actor)
            throws IOException {
        var declared = new Uploads.Declared(FileNames.of(response), request.title(), null);
        try {
            var stored = uploads.store(request.workspaceId(), body, -1, declared);
            return uploads.register(request.workspaceId(), stored, declared,
                    new Uploads.Origin(Video.Source.url, request.url(), null), actor);
        } catch (DomainException refused) {
            throw new JobFailure(response.url() + ": " + refused.getMessage());
        }
    }
}
